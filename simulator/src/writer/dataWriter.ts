// The data writer: backfill (COPY, resumable) and live mode (every completed minute, idempotent, riding out
// database restarts by buffering and retrying). Both continue one deterministic simulation, checkpointed in
// the database together with the rows, so restarts of either process or database neither duplicate nor skip.
import { Client } from 'pg';
import pino, { type Logger } from 'pino';
import { TABLES } from '../db/schema';
import { readCheckpoint, writeBatch, type WriteMode } from './batchWriter';
import { CopyEncoder, toCopyTables, type CopyTable } from './copyFormat';
import {
  alignToMinute, batchRowCount, DEFAULT_SEED, emptyBatch, MINUTE_MS, Simulation, worldConfig, type RowBatch, type SimulationConfig,
  type SimulationState,
} from './simulation';
import type { StrategyName } from './strategies';
import type { TradingWorld } from '../world/tradingWorld';

export { DEFAULT_SEED };
export const DEFAULT_BACKFILL_DAYS = 30;
export const DEFAULT_TICK_MS = 1_000;
/** Backfill transaction size: 12 hours ≈ 20k rows for 20 symbols; small enough to resume cheaply. */
export const BACKFILL_CHUNK_MINUTES = 720;
/** Live catch-up after a long pause is cut into batches of at most this many minutes. */
const LIVE_MAX_BATCH_MINUTES = 720;

export interface DataWriterOptions {
  databaseUrl: string;
  seed?: number;
  /** How many symbols from the catalog (default 20), or explicit names. */
  symbols?: number | string[];
  strategies?: StrategyName[];
  logger?: Logger;
  /** Key of the checkpoint row; two writers with different ids would write the same rows, so keep one. */
  writerId?: string;
  /** Wall clock in ms; tests pass an accelerated one. */
  clock?: () => number;
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * The emulator's market (`emulator.simulation.world`): the simulation this writer writes is attached to
   * it, so the emulated services report the rows in the database. Detached again on stop.
   */
  world?: TradingWorld;
}

export interface BackfillProgress {
  rowsWritten: number;
  /** 0..1 of the minutes to write. */
  fraction: number;
  minutesWritten: number;
  minutesTotal: number;
  rowsPerSecond: number;
}

export interface BackfillOptions {
  days?: number;
  /** Exclusive end, aligned down to the minute; default now. */
  end?: Date;
  onProgress?: (progress: BackfillProgress) => void;
}

export interface BackfillResult {
  /** backfilled: from empty; resumed: continued from a checkpoint; up-to-date: nothing to do;
   *  skipped: the tables hold rows this writer did not produce (e.g. a real AlphaPulse database). */
  status: 'backfilled' | 'resumed' | 'up-to-date' | 'skipped';
  rowsWritten: number;
  from: Date | null;
  to: Date | null;
  seconds: number;
}

export interface LiveOptions {
  tickMs?: number;
}

export interface WriterStatus {
  live: boolean;
  connected: boolean;
  /** Rows generated but not yet committed (buffered during an outage). */
  pendingRows: number;
  /** Start of the next minute to generate. */
  nextTime: Date | null;
  rowsWrittenLive: number;
  lastError: string | null;
}

export interface DataWriter {
  backfill(options?: BackfillOptions): Promise<BackfillResult>;
  /** Starts writing every completed minute; resolves at once (the first tick runs in the background). */
  startLive(options?: LiveOptions): Promise<void>;
  /** Stops live mode after the tick in flight and closes the connection. */
  stop(): Promise<void>;
  status(): WriterStatus;
}

export function simulationConfig(options: Pick<DataWriterOptions, 'seed' | 'symbols' | 'strategies'>): SimulationConfig {
  return worldConfig({ ...options, seed: options.seed ?? DEFAULT_SEED });
}

interface PendingBatch {
  batch: RowBatch;
  checkpoint: SimulationState;
}

/**
 * Minutes generated between yields to the event loop while the previous chunk is being written: short, so
 * that every protocol round trip of that write (5 COPYs, checkpoint, COMMIT) is answered within a few ms.
 */
const GENERATION_YIELD_MINUTES = 5;
/** Minutes serialised together: candles are grouped by symbol within it (hour-long runs per symbol on disk). */
const SERIALIZATION_MINUTES = 60;

interface SerializedChunk {
  tables: CopyTable[];
  rows: number;
  checkpoint: SimulationState;
}

/**
 * Generates up to `until`, encoding each hour at once: row objects then die young (cheap minor GCs) and only
 * the compact binary COPY payload is kept until the chunk is written.
 */
async function generateChunk(simulation: Simulation, until: number): Promise<SerializedChunk> {
  const encoder = new CopyEncoder();
  let rows = 0;
  while (simulation.nextTime < until) {
    const hourEnd = Math.min(until, simulation.nextTime + SERIALIZATION_MINUTES * MINUTE_MS);
    const hour = emptyBatch();
    while (simulation.nextTime < hourEnd) {
      simulation.runUntil(Math.min(hourEnd, simulation.nextTime + GENERATION_YIELD_MINUTES * MINUTE_MS), hour);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    rows += batchRowCount(hour);
    encoder.add(hour);
  }
  return { tables: encoder.finish(), rows, checkpoint: simulation.checkpoint() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createDataWriter(options: DataWriterOptions): DataWriter {
  const log = (options.logger ?? pino({ level: 'silent' })).child({ component: 'data-writer' });
  const writerId = options.writerId ?? 'default';
  const clock = options.clock ?? Date.now;
  const initialDelayMs = options.retry?.initialDelayMs ?? 250;
  const maxDelayMs = options.retry?.maxDelayMs ?? 5_000;
  const requested = simulationConfig(options);

  let client: Client | null = null;
  let simulation: Simulation | null = null;
  const pending: PendingBatch[] = [];
  let liveTimer: NodeJS.Timeout | null = null;
  let liveTick: Promise<void> | null = null;
  let live = false;
  let failures = 0;
  let outageSince: number | null = null;
  let lastError: string | null = null;
  let rowsWrittenLive = 0;

  async function connection(): Promise<Client> {
    if (client) return client;
    const fresh = new Client({ connectionString: options.databaseUrl, application_name: `alphapulse-writer-${writerId}`, connectionTimeoutMillis: 5_000 });
    // A server that goes away emits 'error' on the idle client; without a listener that would crash the process.
    fresh.on('error', (err) => {
      log.debug({ err: err.message }, 'database connection error');
      if (client === fresh) client = null;
    });
    await fresh.connect();
    client = fresh;
    return fresh;
  }

  function dropConnection(): void {
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
  }

  function adopt(next: Simulation): Simulation {
    simulation = next;
    options.world?.attach(next, `writer:${writerId}`);
    return next;
  }

  function adoptCheckpoint(state: SimulationState): Simulation {
    const stored = state.config;
    if (stored.seed !== requested.seed || stored.symbols.length !== requested.symbols.length || stored.strategies.join() !== requested.strategies.join()) {
      log.warn({ stored: { seed: stored.seed, symbols: stored.symbols.length }, requested: { seed: requested.seed, symbols: requested.symbols.length } },
        'the database was filled with another configuration; continuing that one so the series stay consistent');
    }
    return new Simulation(state);
  }

  async function loadSimulation(db: Client): Promise<{ simulation: Simulation | null; foreignData: boolean }> {
    const state = await readCheckpoint(db, writerId);
    if (state) return { simulation: adoptCheckpoint(state), foreignData: false };
    const { rows } = await db.query(`SELECT EXISTS (SELECT 1 FROM ${TABLES.candles}) AS any`);
    return { simulation: null, foreignData: rows[0].any as boolean };
  }

  async function write(tables: CopyTable[], checkpoint: SimulationState, mode: WriteMode): Promise<void> {
    const db = await connection();
    try {
      await writeBatch(db, tables, writerId, checkpoint, mode);
    } catch (err) {
      // Rows already there (another writer, or a commit whose acknowledgement was lost): merge instead.
      if ((err as { code?: string }).code === '23505' && mode === 'direct') {
        await writeBatch(db, tables, writerId, checkpoint, 'merge');
        return;
      }
      throw err;
    }
  }

  /** Retries `work` with exponential backoff until it succeeds; for backfill, which has nothing else to do. */
  async function withRetry<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await work();
        if (attempt > 0) log.info({ attempts: attempt + 1 }, `${what}: database reachable again`);
        return result;
      } catch (err) {
        dropConnection();
        const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
        log.warn({ err: (err as Error).message, retryInMs: delay }, `${what} failed; retrying`);
        await sleep(delay);
      }
    }
  }

  async function backfill(backfillOptions: BackfillOptions = {}): Promise<BackfillResult> {
    const started = performance.now();
    const days = backfillOptions.days ?? DEFAULT_BACKFILL_DAYS;
    const end = alignToMinute(backfillOptions.end?.getTime() ?? clock());
    const loaded = simulation ? { simulation, foreignData: false } : await withRetry('reading the writer checkpoint', async () => loadSimulation(await connection()));
    let status: BackfillResult['status'] = 'resumed';
    if (!loaded.simulation) {
      if (loaded.foreignData) {
        log.info('candles exist that this writer did not produce: not backfilling');
        return { status: 'skipped', rowsWritten: 0, from: null, to: null, seconds: 0 };
      }
      loaded.simulation = Simulation.start(requested, end - days * 86_400_000);
      status = 'backfilled';
    }
    simulation = adopt(loaded.simulation);
    const from = simulation.nextTime;
    if (from >= end) return { status: 'up-to-date', rowsWritten: 0, from: null, to: null, seconds: 0 };

    const minutesTotal = (end - from) / MINUTE_MS;
    log.info({ from: new Date(from), to: new Date(end), minutes: minutesTotal, symbols: simulation.state.config.symbols.length }, status === 'backfilled' ? 'backfilling' : 'catching up from the checkpoint');
    let rowsWritten = 0;
    const sim = simulation;
    const nextChunk = () => generateChunk(sim, Math.min(end, sim.nextTime + BACKFILL_CHUNK_MINUTES * MINUTE_MS));
    // Two-stage pipeline: PostgreSQL ingests chunk i while this process generates chunk i + 1, yielding often
    // enough that the socket keeps being fed, so both cores work.
    let chunk: SerializedChunk | null = await nextChunk();
    while (chunk) {
      const current: SerializedChunk = chunk;
      const writing = withRetry('writing a backfill batch', () => write(current.tables, current.checkpoint, 'direct'));
      chunk = sim.nextTime < end ? await nextChunk() : null;
      await writing;
      rowsWritten += current.rows;
      const minutesWritten = (current.checkpoint.nextTime - from) / MINUTE_MS;
      const seconds = (performance.now() - started) / 1000;
      backfillOptions.onProgress?.({ rowsWritten, fraction: minutesWritten / minutesTotal, minutesWritten, minutesTotal, rowsPerSecond: rowsWritten / seconds });
    }
    const seconds = (performance.now() - started) / 1000;
    log.info({ rowsWritten, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rowsWritten / seconds) }, 'backfill done');
    return { status, rowsWritten, from: new Date(from), to: new Date(end), seconds };
  }

  async function tick(): Promise<void> {
    try {
      if (!simulation) {
        const loaded = await loadSimulation(await connection());
        if (!loaded.simulation && loaded.foreignData) {
          // Someone else's data (e.g. the real AlphaPulse database): never mix simulated rows into it.
          log.warn('candles exist that this writer did not produce: live mode stays off');
          live = false;
          return;
        }
        // Without a checkpoint live mode starts at the current minute: nothing before it is invented.
        simulation = adopt(loaded.simulation ?? Simulation.start(requested, alignToMinute(clock())));
      }
      const due = alignToMinute(clock()); // minutes before this one are complete
      while (simulation.nextTime < due) {
        const batch = simulation.runUntil(Math.min(due, simulation.nextTime + LIVE_MAX_BATCH_MINUTES * MINUTE_MS), emptyBatch());
        pending.push({ batch, checkpoint: simulation.checkpoint() });
      }
      while (pending.length > 0) {
        const next = pending[0];
        await write(toCopyTables(next.batch), next.checkpoint, 'merge');
        pending.shift();
        rowsWrittenLive += batchRowCount(next.batch);
      }
      if (outageSince !== null) {
        log.info({ outageMs: clock() - outageSince, failedAttempts: failures }, 'database reachable again; buffered rows written');
        outageSince = null;
      }
      failures = 0;
      lastError = null;
    } catch (err) {
      dropConnection();
      failures++;
      lastError = (err as Error).message;
      if (outageSince === null) {
        outageSince = clock();
        log.warn({ err: lastError }, 'database unavailable; buffering rows and retrying');
      } else {
        log.debug({ err: lastError, failures }, 'database still unavailable');
      }
    }
  }

  function scheduleTick(tickMs: number): void {
    if (!live) return;
    const delay = failures === 0 ? tickMs : Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1));
    liveTimer = setTimeout(() => {
      liveTick = tick().finally(() => {
        liveTick = null;
        scheduleTick(tickMs);
      });
    }, delay);
  }

  return {
    backfill,
    async startLive(liveOptions: LiveOptions = {}) {
      if (live) return;
      live = true;
      const tickMs = liveOptions.tickMs ?? DEFAULT_TICK_MS;
      log.info({ tickMs }, 'live mode started');
      liveTick = tick().finally(() => {
        liveTick = null;
        scheduleTick(tickMs);
      });
    },
    async stop() {
      live = false;
      if (liveTimer) clearTimeout(liveTimer);
      liveTimer = null;
      if (liveTick) await liveTick;
      if (simulation) options.world?.detach(simulation);
      if (pending.length > 0) {
        // Not lost: the checkpoint in the database predates them, so the next start regenerates them exactly.
        log.info({ pendingRows: pending.reduce((n, p) => n + batchRowCount(p.batch), 0) }, 'stopping with unwritten rows; the next start regenerates them');
      }
      const old = client;
      client = null;
      await old?.end().catch(() => undefined);
    },
    status() {
      return {
        live,
        connected: client !== null,
        pendingRows: pending.reduce((n, p) => n + batchRowCount(p.batch), 0),
        nextTime: simulation ? new Date(simulation.nextTime) : null,
        rowsWrittenLive,
        lastError,
      };
    },
  };
}
