// The whole `npm start` path as a user runs it: a child process on free ports with its own data folder,
// a short backfill, then a look at what it serves and a Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { SERVICE_KINDS, validateHealthRecord } from '@alphapulse/contracts';

const repoRoot = resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A block of nine consecutive free ports for the emulated services. */
async function freePortBlock(size: number): Promise<number> {
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

let child: ChildProcess;
let output = '';
let dataDir: string;
let ports: { services: number; control: number; exporter: number; postgres: number };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'alphapulse-start-'));
  ports = { services: await freePortBlock(9), control: await freePort(), exporter: await freePort(), postgres: await freePort() };
  child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts'], {
    cwd: repoRoot,
    detached: true, // its own process group, so the test can send the group a Ctrl-C like a terminal does
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      ALPHAPULSE_PG_DATA_DIR: join(dataDir, 'postgres'),
      ALPHAPULSE_PG_PORT: String(ports.postgres),
      ALPHAPULSE_EMULATOR_BASE_PORT: String(ports.services),
      ALPHAPULSE_EMULATOR_CONTROL_PORT: String(ports.control),
      ALPHAPULSE_EXPORTER_PORT: String(ports.exporter),
      ALPHAPULSE_PROMETHEUS_PORT: String(await freePort()),
      ALPHAPULSE_BACKFILL_DAYS: '1',
      ALPHAPULSE_SYMBOLS: '5',
      DATABASE_URL: '',
    },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (!output.includes('AlphaPulse Observability is running')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up in 120 s:\n${output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the nine emulated services answer valid health records', async () => {
  const records = await Promise.all(
    SERVICE_KINDS.map(async (_, i) => (await (await fetch(`http://127.0.0.1:${ports.services + i}/health`)).json()) as { service_name: string }),
  );
  expect(records.map((record) => validateHealthRecord(record).ok)).toEqual(SERVICE_KINDS.map(() => true));
  expect(records.map((record) => record.service_name)).toEqual([...SERVICE_KINDS]);
});

test('the database holds the backfilled day for every symbol', async () => {
  const client = new Client({ connectionString: `postgres://postgres:alphapulse-local@127.0.0.1:${ports.postgres}/alphapulse` });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(DISTINCT symbol)::int AS symbols, count(*)::int AS candles FROM alphapulse.candles WHERE time < now() - interval '2 minutes'`,
    );
    expect(rows[0].symbols).toBe(5);
    // One day of 1-minute candles per symbol, give or take the minutes around the live edge.
    expect(rows[0].candles).toBeGreaterThanOrEqual(5 * (1440 - 3));
    expect(rows[0].candles).toBeLessThanOrEqual(5 * 1440);
  } finally {
    await client.end();
  }
});

test('the exporter scrapes the emulator it started and the query API answers with the printed token', async () => {
  const metrics = await (await fetch(`http://127.0.0.1:${ports.exporter}/metrics`)).text();
  const up = metrics.split('\n').filter((line) => line.startsWith('alphapulse_up{'));
  expect(up).toHaveLength(9);
  expect(up.every((line) => line.endsWith(' 1'))).toBe(true);
  const token = /API token \(Authorization: Bearer …\): (\S+)/.exec(output)?.[1];
  expect(token).toBeDefined();
  const denied = await fetch(`http://127.0.0.1:${ports.exporter}/api/v1/search/symbols`);
  expect(denied.status).toBe(401);
  const symbols = await fetch(`http://127.0.0.1:${ports.exporter}/api/v1/search/symbols`, { headers: { Authorization: `Bearer ${token}` } });
  expect(symbols.status).toBe(200);
  expect(((await symbols.json()) as { values: string[] }).values).toHaveLength(5);
});

test('Ctrl-C stops everything in order and exits 0', async () => {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  process.kill(-child.pid!, 'SIGINT');
  expect(await exited).toBe(0);
  expect(output).toMatch(/stopped embedded PostgreSQL/);
  expect(output).toMatch(/stopped emulator/);
  await expect(fetch(`http://127.0.0.1:${ports.services}/health`)).rejects.toThrow();
}, 30_000);
