// The whole `npm start` path as a user runs it: a child process on free ports with its own data folder,
// a short backfill, then a look at what it serves and a Ctrl-C.
import { Client } from 'pg';
import { SERVICE_KINDS, validateHealthRecord } from '@alphapulse/contracts';
import { startNpmStart, type StartedStack } from './support/npmStartProcess';

let stack: StartedStack;
let child: StartedStack['child'];
let ports: StartedStack['ports'];
const output = () => stack.output();

beforeAll(async () => {
  stack = await startNpmStart();
  ({ child, ports } = stack);
}, 150_000);

afterAll(() => stack?.cleanup());

test('the nine emulated services answer valid health records', async () => {
  const records = await Promise.all(
    SERVICE_KINDS.map(async (_, i) => (await (await fetch(`http://127.0.0.1:${ports.services + i}/health`)).json()) as { service_name: string }),
  );
  expect(records.map((record) => validateHealthRecord(record).ok)).toEqual(SERVICE_KINDS.map(() => true));
  expect(records.map((record) => record.service_name)).toEqual([...SERVICE_KINDS]);
});

test('the database holds the backfilled day for every symbol', async () => {
  const client = new Client({ connectionString: stack.superuserUrl() });
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
  const token = /API token \(Authorization: Bearer …\): (\S+)/.exec(output())?.[1];
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
  expect(output()).toMatch(/stopped embedded PostgreSQL/);
  expect(output()).toMatch(/stopped emulator/);
  await expect(fetch(`http://127.0.0.1:${ports.services}/health`)).rejects.toThrow();
}, 30_000);
