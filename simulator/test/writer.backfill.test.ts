// Backfill and live mode against a real PostgreSQL: exact row counts, exact values, resumption without gaps.
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { migrate } from '../src/db/migrate';
import { createDataWriter, type BackfillProgress } from '../src/writer/dataWriter';
import { MINUTE_MS } from '../src/writer/simulation';
import {
  batchCounts, candleGaps, equityGaps, expectedRows, sortedCandles, sortedTrades, storedCandles, storedTrades, tableCounts, waitFor,
} from './support-db/rows';

const CONFIG = { seed: 3, symbols: 4 };
const END = Date.UTC(2026, 0, 7);
const DAY = 86_400_000;
const START = END - 2 * DAY;
const HOUR = 3_600_000;

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase('writer_backfill');
  await migrate(db.url);
  client = new Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await db.drop();
});

test('the first backfill writes exactly the generator’s rows for the range, with progress', async () => {
  const progress: BackfillProgress[] = [];
  const writer = createDataWriter({ databaseUrl: db.url, ...CONFIG });
  const result = await writer.backfill({ days: 2, end: new Date(END), onProgress: (p) => progress.push(p) });
  await writer.stop();

  const expected = expectedRows(CONFIG, START, END);
  const total = Object.values(batchCounts(expected)).reduce((a, b) => a + b, 0);
  expect(result).toMatchObject({ status: 'backfilled', rowsWritten: total, from: new Date(START), to: new Date(END) });
  expect(await tableCounts(client)).toEqual(batchCounts(expected));
  expect(batchCounts(expected).candles).toBe(4 * 2 * 1440);
  expect(await storedCandles(client)).toEqual(sortedCandles(expected));
  expect(await storedTrades(client)).toEqual(sortedTrades(expected));

  expect(progress.length).toBe(4); // 2 days in 12-hour transactions
  expect(progress.map((p) => p.fraction)).toEqual([0.25, 0.5, 0.75, 1]);
  expect(progress.at(-1)!.rowsWritten).toBe(total);
});

test('a restart with nothing new is up to date; a later one writes exactly the missing minutes', async () => {
  const again = createDataWriter({ databaseUrl: db.url, ...CONFIG });
  expect(await again.backfill({ days: 2, end: new Date(END) })).toMatchObject({ status: 'up-to-date', rowsWritten: 0 });
  const later = await again.backfill({ days: 2, end: new Date(END + 3 * HOUR + 30_000) }); // end aligns down to the minute
  await again.stop();

  expect(later).toMatchObject({ status: 'resumed', from: new Date(END), to: new Date(END + 3 * HOUR) });
  const expected = expectedRows(CONFIG, START, END + 3 * HOUR);
  expect(await tableCounts(client)).toEqual(batchCounts(expected));
  expect(await storedCandles(client)).toEqual(sortedCandles(expected));
  expect(await candleGaps(client)).toBe(0);
});

test('live mode continues exactly where the database ends: no gap, no duplicate', async () => {
  let now = END + 3 * HOUR + 5_000;
  const writer = createDataWriter({ databaseUrl: db.url, ...CONFIG, clock: () => now });
  await writer.startLive({ tickMs: 10 });
  for (let minute = 1; minute <= 10; minute++) {
    now += MINUTE_MS;
    await waitFor(() => writer.status().nextTime?.getTime() === END + 3 * HOUR + minute * MINUTE_MS && writer.status().pendingRows === 0, 10_000, `minute ${minute}`);
  }
  await writer.stop();

  const expected = expectedRows(CONFIG, START, END + 3 * HOUR + 10 * MINUTE_MS);
  expect(await tableCounts(client)).toEqual(batchCounts(expected));
  expect(await storedCandles(client)).toEqual(sortedCandles(expected));
  expect(await storedTrades(client)).toEqual(sortedTrades(expected));
  expect(await candleGaps(client)).toBe(0);
  expect(await equityGaps(client)).toBe(0);
  const checkpoint = await client.query(`SELECT next_time FROM alphapulse.writer_checkpoints WHERE writer = 'default'`);
  expect(checkpoint.rows[0].next_time).toEqual(new Date(END + 3 * HOUR + 10 * MINUTE_MS));
});

test('tables that already hold rows this writer did not produce get neither backfill nor live rows', async () => {
  const other = await createTestDatabase('writer_foreign');
  try {
    await migrate(other.url);
    const c = new Client({ connectionString: other.url });
    await c.connect();
    await c.query(`INSERT INTO alphapulse.candles (time, symbol, open, high, low, close, volume) VALUES (now(), 'AAPL', 1, 1, 1, 1, 1)`);
    const writer = createDataWriter({ databaseUrl: other.url, ...CONFIG });
    expect(await writer.backfill({ days: 1 })).toMatchObject({ status: 'skipped', rowsWritten: 0 });
    await writer.startLive({ tickMs: 10 });
    await waitFor(() => !writer.status().live, 10_000, 'live mode to refuse foreign data');
    await writer.stop();
    expect((await tableCounts(c)).candles).toBe(1);
    await c.end();
  } finally {
    await other.drop();
  }
});
