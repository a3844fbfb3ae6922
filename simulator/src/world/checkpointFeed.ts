// The market for an emulator whose data writer runs in another process (docker compose): the writer's
// checkpoint row holds its whole simulation state, committed in the same transaction as the rows, so
// following it gives the services exactly the database's latest minute. Optional: without a database URL
// the emulator never connects anywhere, and while the database is unreachable the last state stays.
import { Client } from 'pg';
import pino, { type Logger } from 'pino';
import { TABLES } from '../db/schema';
import { Simulation, type SimulationState } from '../writer/simulation';
import type { TradingWorld } from './tradingWorld';

export interface CheckpointFeedOptions {
  world: TradingWorld;
  databaseUrl: string;
  /** The writer's checkpoint key (DataWriterOptions.writerId). */
  writerId?: string;
  pollMs?: number;
  /** Client-side bound on one checkpoint read: a frozen or locked database must not hold the feed (or stop()). */
  queryTimeoutMs?: number;
  logger?: Logger;
}

export interface CheckpointFeed {
  /** Reads the checkpoint once now; true when a newer minute was adopted. */
  refresh(): Promise<boolean>;
  stop(): Promise<void>;
}

export const DEFAULT_CHECKPOINT_POLL_MS = 1_000;
export const DEFAULT_CHECKPOINT_QUERY_TIMEOUT_MS = 5_000;

export function followWriterCheckpoints(options: CheckpointFeedOptions): CheckpointFeed {
  const log = (options.logger ?? pino({ level: 'silent' })).child({ component: 'checkpoint-feed' });
  const writerId = options.writerId ?? 'default';
  let client: Client | null = null;
  let adopted: Simulation | null = null;
  let failing = false;
  let stopped = false;
  let inFlight: Promise<boolean> | null = null;

  async function connection(): Promise<Client> {
    if (client) return client;
    const fresh = new Client({
      connectionString: options.databaseUrl,
      application_name: 'alphapulse-emulator-world',
      connectionTimeoutMillis: 5_000,
      query_timeout: options.queryTimeoutMs ?? DEFAULT_CHECKPOINT_QUERY_TIMEOUT_MS,
    });
    fresh.on('error', () => {
      if (client === fresh) client = null;
    });
    await fresh.connect();
    client = fresh;
    return fresh;
  }

  async function poll(): Promise<boolean> {
    try {
      const db = await connection();
      const after = new Date(adopted ? adopted.nextTime : 0);
      const { rows } = await db.query<{ state: SimulationState }>(
        `SELECT state FROM ${TABLES.writerCheckpoints} WHERE writer = $1 AND next_time > $2`,
        [writerId, after],
      );
      if (failing) log.info('database reachable again: following the writer checkpoint');
      failing = false;
      if (rows.length === 0 || stopped) return false;
      const next = new Simulation(rows[0].state);
      if (adopted) options.world.detach(adopted);
      options.world.attach(next, `writer:${writerId}`);
      adopted = next;
      return true;
    } catch (err) {
      const old = client;
      client = null;
      old?.end().catch(() => undefined);
      if (!failing) log.warn({ err: (err as Error).message }, 'cannot read the writer checkpoint; the services keep the last market they had');
      failing = true;
      return false;
    }
  }

  const refresh = () => (inFlight ??= poll().finally(() => (inFlight = null)));
  const timer = setInterval(() => void refresh(), options.pollMs ?? DEFAULT_CHECKPOINT_POLL_MS);
  timer.unref();
  void refresh();

  return {
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
      const old = client;
      client = null;
      await old?.end().catch(() => undefined);
    },
  };
}
