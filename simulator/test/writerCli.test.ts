// The standalone writer (compose's `writer` service): migrates, backfills and goes live on a real PostgreSQL,
// and stops on SIGTERM with exit code 0.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { writerSettingsFromEnv } from '../src/writerCli';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('writer_cli');
});
afterAll(async () => database?.drop());

test('settings: DATABASE_URL is required, numbers are checked with the variable named', () => {
  expect(() => writerSettingsFromEnv({})).toThrow(/DATABASE_URL is required/);
  expect(() => writerSettingsFromEnv({ DATABASE_URL: 'postgres://x', ALPHAPULSE_SYMBOLS: 'many' })).toThrow(/ALPHAPULSE_SYMBOLS/);
  expect(writerSettingsFromEnv({ DATABASE_URL: 'postgres://x' })).toMatchObject({ seed: 42, symbols: 20, tickMs: 1000 });
});

test('migrates, backfills one day, writes live rows, and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../src/writerCli.ts')], {
    env: { ...process.env, DATABASE_URL: database.url, ALPHAPULSE_BACKFILL_DAYS: '1', ALPHAPULSE_SYMBOLS: '2', ALPHAPULSE_TICK_MS: '200', LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes('writing live data')) {
      if (child.exitCode !== null) throw new Error(`writer exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`writer did not go live in 60 s:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(DISTINCT symbol)::int AS symbols, count(*)::int AS candles FROM alphapulse.candles`);
      expect(rows[0].symbols).toBe(2);
      expect(rows[0].candles).toBeGreaterThanOrEqual(2 * 1400);
    } finally {
      await client.end();
    }
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 90_000);
