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
  /** work_mem for each read transaction, in MB (default: the server's). */
  workMemMb?: number;
  /** Test seam: runs inside the read-only transaction before each data query (not health) (e.g. pg_sleep to prove the timeout). */
  beforeQuery?: (client: PoolClient) => Promise<void>;
}

const INFO_TTL_MS = 60_000;

export function createReadOnlyDatabase(options: ReadOnlyDatabaseOptions): ReadOnlyDatabase {
  const ownsPool = !options.pool;
  const pool =
    options.pool ??
    new Pool({
      connectionString: options.databaseUrl,
      max: 8,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Every session of this pool is read-only with our timeout and work_mem, whatever the role may do.
      options: [
        '-c default_transaction_read_only=on',
        `-c statement_timeout=${Math.max(1, Math.round(options.statementTimeoutMs))}`,
        ...(options.workMemMb ? [`-c work_mem=${Math.max(1, Math.round(options.workMemMb))}MB`] : []),
      ].join(' '),
      application_name: 'alphapulse-query-api',
    });
  // An idle client's connection dying (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const timeoutMs = Math.max(1, Math.round(options.statementTimeoutMs));
  const workMem = options.workMemMb ? `; SET LOCAL work_mem = '${Math.max(1, Math.round(options.workMemMb))}MB'` : '';
  let cachedInfo: { at: number; info: DatabaseInfo } | null = null;

  /**
   * A pooled client for `work`. When `signal` aborts, the backend's statement is cancelled (pg_cancel_backend from
   * another connection) and the connection is discarded afterwards, so a late cancel can never hit a later query.
   */
  async function withClient<T>(signal: AbortSignal | undefined, work: (client: PoolClient) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const client = await pool.connect();
    let cancelling: Promise<unknown> | null = null;
    const cancel = () => {
      const backend = (client as unknown as { processID?: number }).processID;
      cancelling = pool.query('SELECT pg_cancel_backend($1)', [backend]).catch(() => undefined);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      if (!(error as { code?: string }).code) broken = true;
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
      if (cancelling) await cancelling;
      client.release(broken || cancelling !== null);
    }
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
   * is one round trip; each round trip costs milliseconds on a busy host. A shared pool gets an explicit
   * READ ONLY transaction with SET LOCAL instead.
   */
  async function readInOwnSession<R extends Record<string, unknown>>(query: SqlQuery, signal?: AbortSignal): Promise<R[]> {
    if (!options.beforeQuery && !signal) return (await pool.query<R>(query.text, query.values)).rows;
    return withClient(signal, async (client) => {
      if (options.beforeQuery) await options.beforeQuery(client);
      return (await client.query<R>(query.text, query.values)).rows;
    });
  }

  return {
    async read<R extends Record<string, unknown>>(query: SqlQuery, signal?: AbortSignal): Promise<R[]> {
      if (ownsPool) return readInOwnSession<R>(query, signal);
      return inReadOnlyTransaction(async (client) => (await client.query<R>(query.text, query.values)).rows, true, signal);
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
