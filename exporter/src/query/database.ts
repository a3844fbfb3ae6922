// Every read is read-only with a statement timeout, whatever role the URL grants: the API can never write, and no
// query outlives the timeout. Own pool: session defaults; shared pool: READ ONLY transaction with SET LOCAL.
import { Pool, type PoolClient } from 'pg';
import { MIGRATIONS_TABLE } from './relations';
import type { SqlQuery } from './sql/common';

export interface DatabaseInfo {
  reachable: boolean;
  version: string | null;
  timescaledb: boolean;
  timescaledbVersion: string | null;
  schemaVersion: string | null;
}

export interface ReadOnlyDatabase {
  /** `signal`: the caller went away (Grafana cancelled the request); the running statement is cancelled too. */
  read<R extends Record<string, unknown>>(query: SqlQuery, signal?: AbortSignal): Promise<R[]>;
  /** Capabilities, cached for a minute: an extension is not installed every second. */
  info(fresh?: boolean): Promise<DatabaseInfo>;
  close(): Promise<void>;
}

export interface ReadOnlyDatabaseOptions {
  pool?: Pool;
  databaseUrl?: string;
  statementTimeoutMs: number;
  /**
   * Client-side bound on one read, pool checkout included (default: statement timeout + 2 s). The statement
   * timeout cannot fire on a frozen server; this does: the connection is destroyed and the read rejects.
   */
  clientTimeoutMs?: number;
  /** Connections of our own pool (default 10). */
  maxConnections?: number;
  /** work_mem for each read transaction, in MB (default: the server's). */
  workMemMb?: number;
  /** Test seam: runs inside the read-only transaction before each data query (not health) (e.g. pg_sleep to prove the timeout). */
  beforeQuery?: (client: PoolClient) => Promise<void>;
}

/** The database did not answer within the client-side timeout (frozen, overloaded or unreachable). */
export class DatabaseTimeoutError extends Error {
  readonly code = 'ALPHAPULSE_DB_TIMEOUT';
  constructor(readonly timeoutMs: number, readonly phase: 'connect' | 'query') {
    super(`no answer from the database within ${timeoutMs} ms (${phase})`);
  }
}

const INFO_TTL_MS = 60_000;
/** Rows per FETCH of a batched read: a batch parses in a few milliseconds. */
export const FETCH_ROWS = 1_000;
/** Bound of the FETCH loop (4 M rows): far above what the points caps let through. */
const MAX_FETCHES = 4_000;
/** A cancel request (pg_cancel_backend) gets this long; the connection is discarded either way. */
const CANCEL_TIMEOUT_MS = 1_000;

/** Destroys the client's socket: pg then fails its pending query and emits 'error' (handled, see watch()). */
function destroyConnection(client: PoolClient): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export function createReadOnlyDatabase(options: ReadOnlyDatabaseOptions): ReadOnlyDatabase {
  const ownsPool = !options.pool;
  const timeoutMs = Math.max(1, Math.round(options.statementTimeoutMs));
  const clientTimeoutMs = Math.max(1, Math.round(options.clientTimeoutMs ?? timeoutMs + 2_000));
  const pool =
    options.pool ??
    new Pool({
      connectionString: options.databaseUrl,
      max: Math.max(1, Math.round(options.maxConnections ?? 10)),
      connectionTimeoutMillis: clientTimeoutMs,
      idleTimeoutMillis: 30_000,
      // Every session of this pool is read-only with our timeout and work_mem, whatever the role may do.
      options: [
        '-c default_transaction_read_only=on',
        `-c statement_timeout=${timeoutMs}`,
        ...(options.workMemMb ? [`-c work_mem=${Math.max(1, Math.round(options.workMemMb))}MB`] : []),
      ].join(' '),
      application_name: 'alphapulse-query-api',
    });
  // An idle client's connection dying (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const workMem = options.workMemMb ? `; SET LOCAL work_mem = '${Math.max(1, Math.round(options.workMemMb))}MB'` : '';
  let cachedInfo: { at: number; info: DatabaseInfo } | null = null;

  // A checked-out client has no pool listener: its connection dying mid-query (57P01, ECONNRESET) emits 'error' on
  // it, which would end the process unhandled. Every client gets one listener for life; it marks the client broken.
  const watched = new WeakSet<PoolClient>();
  const broken = new WeakSet<PoolClient>();
  function watch(client: PoolClient): void {
    if (watched.has(client)) return;
    watched.add(client);
    client.on('error', () => broken.add(client));
  }

  /** Checkout within the client timeout; a connection that arrives after we gave up goes straight back, destroyed. */
  async function checkout(deadline: number): Promise<PoolClient> {
    let gaveUp = false;
    const connecting = pool.connect().then((client) => {
      watch(client);
      if (gaveUp) client.release(true);
      return client;
    });
    connecting.catch(() => undefined);
    try {
      return await withTimeout(connecting, Math.max(1, deadline - Date.now()), () => new DatabaseTimeoutError(clientTimeoutMs, 'connect'));
    } catch (error) {
      gaveUp = true;
      // The pool's own connect timeout is the same event as ours: one answer for it (504), whichever fired first.
      if (String((error as Error)?.message).includes('timeout exceeded when trying to connect')) throw new DatabaseTimeoutError(clientTimeoutMs, 'connect');
      throw error;
    }
  }

  /**
   * A pooled client for `work`, all of it (checkout included) within the client timeout. When `signal` aborts, the
   * backend's statement is cancelled (pg_cancel_backend from another connection) and the connection is discarded
   * afterwards, so a late cancel can never hit a later query. On timeout the connection is destroyed.
   */
  async function withClient<T>(signal: AbortSignal | undefined, work: (client: PoolClient) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const deadline = Date.now() + clientTimeoutMs;
    const client = await checkout(deadline);
    let cancelling: Promise<unknown> | null = null;
    const cancel = () => {
      const backend = (client as unknown as { processID?: number }).processID;
      cancelling = withTimeout(pool.query('SELECT pg_cancel_backend($1)', [backend]), CANCEL_TIMEOUT_MS, () => new Error('cancel timed out')).catch(
        () => undefined,
      );
    };
    signal?.addEventListener('abort', cancel, { once: true });
    let discard = false;
    const working = work(client);
    working.catch(() => undefined);
    try {
      return await withTimeout(working, Math.max(1, deadline - Date.now()), () => {
        destroyConnection(client);
        return new DatabaseTimeoutError(clientTimeoutMs, 'query');
      });
    } catch (error) {
      if (!(error as { code?: string }).code || error instanceof DatabaseTimeoutError) discard = true;
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
      if (cancelling) await cancelling;
      client.release(discard || broken.has(client) || cancelling !== null);
    }
  }

  /**
   * The rows of `query`; a batched query is read through a cursor, FETCH_ROWS at a time, so that pg parses one
   * batch per round trip instead of the whole result in one turn of the event loop (a 15 MB answer blocked ~1 s).
   */
  async function readRows<R extends Record<string, unknown>>(client: PoolClient, query: SqlQuery, inTransaction: boolean): Promise<R[]> {
    if (!query.batched) return (await client.query<R>(query.text, query.values)).rows;
    const rows: R[] = [];
    // All rows are read: plan for the whole result, not the cursor default of the first 10 % (a slower plan here).
    await client.query(inTransaction ? 'SET LOCAL cursor_tuple_fraction = 1' : 'BEGIN TRANSACTION READ ONLY; SET LOCAL cursor_tuple_fraction = 1');
    try {
      await client.query(`DECLARE alphapulse_batched NO SCROLL CURSOR FOR ${query.text}`, query.values);
      let complete = false;
      for (let fetch = 0; fetch < MAX_FETCHES && !complete; fetch++) {
        const batch = (await client.query<R>(`FETCH ${FETCH_ROWS} FROM alphapulse_batched`)).rows;
        for (const row of batch) rows.push(row);
        complete = batch.length < FETCH_ROWS;
      }
      if (!complete) throw new Error(`batched read of more than ${MAX_FETCHES * FETCH_ROWS} rows`);
      await client.query(inTransaction ? 'CLOSE alphapulse_batched' : 'COMMIT');
    } catch (error) {
      if (!inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return rows;
  }

  async function inReadOnlyTransaction<T>(work: (client: PoolClient) => Promise<T>, hooked = false, signal?: AbortSignal): Promise<T> {
    return withClient(signal, async (client) => {
      await client.query(`BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}${workMem}`);
      try {
        if (hooked && options.beforeQuery) await options.beforeQuery(client);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async function readInfo(): Promise<DatabaseInfo> {
    const [row] = await inReadOnlyTransaction(async (client) => {
      const { rows } = await client.query<{ version: string; timescaledb: string | null; migrations: string | null }>(
        `SELECT current_setting('server_version') AS version,
                (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS timescaledb,
                to_regclass($1)::text AS migrations`,
        [MIGRATIONS_TABLE],
      );
      let schemaVersion: string | null = null;
      if (rows[0].migrations) {
        const last = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY run_on DESC, id DESC LIMIT 1`);
        schemaVersion = last.rows[0]?.name ?? null;
      }
      return [{ ...rows[0], schemaVersion }];
    });
    return {
      reachable: true,
      version: row.version.split(' ')[0],
      timescaledb: row.timescaledb !== null,
      timescaledbVersion: row.timescaledb,
      schemaVersion: row.schemaVersion,
    };
  }

  /**
   * Our own pool's sessions start read-only with the timeout and work_mem set (startup options above), so a read
   * is one round trip (through withClient, for its timeout); each round trip costs milliseconds on a busy host. A shared pool gets an explicit
   * READ ONLY transaction with SET LOCAL instead.
   */
  async function readInOwnSession<R extends Record<string, unknown>>(query: SqlQuery, signal?: AbortSignal): Promise<R[]> {
    return withClient(signal, async (client) => {
      if (options.beforeQuery) await options.beforeQuery(client);
      return readRows<R>(client, query, false);
    });
  }

  return {
    async read<R extends Record<string, unknown>>(query: SqlQuery, signal?: AbortSignal): Promise<R[]> {
      if (ownsPool) return readInOwnSession<R>(query, signal);
      return inReadOnlyTransaction((client) => readRows<R>(client, query, true), true, signal);
    },
    async info(fresh = false) {
      if (!fresh && cachedInfo && Date.now() - cachedInfo.at < INFO_TTL_MS) return cachedInfo.info;
      const info = await readInfo();
      cachedInfo = { at: Date.now(), info };
      return info;
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
