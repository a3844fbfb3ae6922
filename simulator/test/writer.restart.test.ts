// The live writer while its PostgreSQL server is shut down and started again underneath it.
import { Client } from 'pg';
import pino from 'pino';
import { migrate } from '../src/db/migrate';
import { createDataWriter } from '../src/writer/dataWriter';
import { MINUTE_MS } from '../src/writer/simulation';
import { createScratchPostgres, type ScratchPostgres } from './support-db/scratchPostgres';
import {
  batchCounts, candleGaps, equityGaps, expectedRows, sortedCandles, sortedTrades, storedCandles, storedTrades, tableCounts, waitFor,
} from './support-db/rows';

jest.setTimeout(120_000);

const CONFIG = { seed: 99, symbols: 3 };
const END = Date.UTC(2026, 1, 2, 12);
const START = END - 86_400_000;

let server: ScratchPostgres;
let url: string;

beforeAll(async () => {
  server = await createScratchPostgres();
  await server.start();
  const admin = new Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE restart_test');
  await admin.end();
  url = server.url('restart_test');
  await migrate(url);
});

afterAll(async () => {
  await server?.destroy();
});

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test('a database restart under the live writer loses no row and duplicates none', async () => {
  const logs: { msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  let now = END;
  const writer = createDataWriter({ databaseUrl: url, ...CONFIG, logger, clock: () => now, retry: { initialDelayMs: 50, maxDelayMs: 300 } });
  await writer.backfill({ days: 1 });
  await writer.startLive({ tickMs: 10 });

  const advance = async (minutes: number, waitWritten: boolean) => {
    for (let i = 0; i < minutes; i++) {
      now += MINUTE_MS;
      if (waitWritten) await waitFor(() => writer.status().nextTime?.getTime() === now && writer.status().pendingRows === 0, 20_000, 'the live minute to be written');
    }
  };

  await advance(5, true);
  const before = await withClient(tableCounts);

  await server.stop();
  await advance(5, false);
  await waitFor(() => writer.status().pendingRows > 0 && writer.status().lastError !== null && writer.status().nextTime?.getTime() === now, 20_000, 'rows buffered during the outage');
  const buffered = writer.status().pendingRows;

  await server.start();
  await waitFor(() => writer.status().pendingRows === 0 && writer.status().lastError === null, 30_000, 'the buffer to drain after the restart');
  await advance(3, true);
  await writer.stop();

  const expected = expectedRows(CONFIG, START, END + 13 * MINUTE_MS);
  await withClient(async (client) => {
    const after = await tableCounts(client);
    expect(after).toEqual(batchCounts(expected));
    expect(after.candles - before.candles).toBe(3 * 8); // the 8 minutes after the first 5, for 3 symbols
    expect(buffered).toBeGreaterThanOrEqual(3 * 5);
    expect(await candleGaps(client)).toBe(0);
    expect(await equityGaps(client)).toBe(0);
    const duplicates = await client.query(`SELECT count(*) - count(DISTINCT (symbol, timeframe, time)) AS n FROM alphapulse.candles`);
    expect(Number(duplicates.rows[0].n)).toBe(0);
    expect(await storedCandles(client)).toEqual(sortedCandles(expected));
    expect(await storedTrades(client)).toEqual(sortedTrades(expected));
  });
  const messages = logs.map((l) => l.msg);
  expect(messages).toContain('database unavailable; buffering rows and retrying');
  expect(messages).toContain('database reachable again; buffered rows written');
});
