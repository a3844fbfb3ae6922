// Runs the real `npm start` (scripts/start.ts) as a user would, on free ports with its own data folder, for the
// cross-package tests. Its own process group, so a test can send the group a Ctrl-C like a terminal does.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../dashboards/src/checks/freePort';

export { freePort };

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** A block of consecutive free ports for the emulated services. */
export async function freePortBlock(size: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const free = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        new Promise<boolean>((done) => {
          const server = createServer();
          server.once('error', () => done(false));
          server.listen(base + i, '127.0.0.1', () => server.close(() => done(true)));
        }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error('no block of free ports found');
}

export interface StartedStack {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its .data folder (secrets, Prometheus state) and the embedded PostgreSQL's data directory inside it. */
  dataDir: string;
  pgDataDir: string;
  ports: { services: number; control: number; exporter: number; postgres: number; prometheus: number };
  /** The superuser URL of the embedded PostgreSQL, with the password `npm start` generated. */
  superuserUrl(): string;
  apiToken(): string;
  /** Resolves with the exit code, or null when it did not exit within `ms`. */
  waitForExit(ms: number): Promise<number | null>;
  cleanup(): void;
}

export async function startNpmStart(extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<StartedStack> {
  const root = mkdtempSync(join(tmpdir(), 'alphapulse-start-'));
  // Stands in for the repository folder, which others may traverse; the data folder inside it is what must be private.
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const pgDataDir = join(dataDir, 'postgres');
  const ports = {
    services: await freePortBlock(9),
    control: await freePort(),
    exporter: await freePort(),
    postgres: await freePort(),
    prometheus: await freePort(),
  };
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      ALPHAPULSE_DATA_DIR: dataDir,
      ALPHAPULSE_PG_PORT: String(ports.postgres),
      ALPHAPULSE_EMULATOR_BASE_PORT: String(ports.services),
      ALPHAPULSE_EMULATOR_CONTROL_PORT: String(ports.control),
      ALPHAPULSE_EXPORTER_PORT: String(ports.exporter),
      ALPHAPULSE_PROMETHEUS_PORT: String(ports.prometheus),
      ALPHAPULSE_BACKFILL_DAYS: '1',
      ALPHAPULSE_SYMBOLS: '5',
      DATABASE_URL: '',
      ...extraEnv,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 128 : -1))));
  const stack: StartedStack = {
    child,
    output: () => output,
    dataDir,
    pgDataDir,
    ports,
    superuserUrl: () => {
      const password = readFileSync(join(dataDir, 'postgres-superuser-password'), 'utf8').trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${ports.postgres}/alphapulse`;
    },
    apiToken: () => {
      const token = /API token \(Authorization: Bearer …\): (\S+)/.exec(output)?.[1];
      if (!token) throw new Error(`no API token printed:\n${output}`);
      return token;
    },
    waitForExit: (ms) => Promise.race([exit, new Promise<null>((done) => setTimeout(() => done(null), ms).unref())]),
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // The embedded PostgreSQL runs in the same process group; give it a moment to go before removing its files.
      rmSync(root, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('AlphaPulse Observability is running')) {
    if (child.exitCode !== null) {
      stack.cleanup();
      throw new Error(`npm start exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      stack.cleanup();
      throw new Error(`npm start did not come up in ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return stack;
}

/** The postmaster's pid from its data directory (first line of postmaster.pid). */
export function postmasterPid(pgDataDir: string): number {
  return Number(readFileSync(join(pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** fetch with a deadline: a hang becomes a rejection the test can see, not a test timeout. */
export async function fetchWithin(url: string, ms: number, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}
