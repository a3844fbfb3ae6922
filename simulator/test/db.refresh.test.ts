// After a backfill, npm start materializes the continuous aggregates at once; on plain PostgreSQL the same
// relations are views and there is nothing to refresh.
import { AGGREGATES } from '@alphapulse/contracts';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { migrate } from '../src/db/migrate';
import { refreshContinuousAggregates } from '../src/db/timescaleFeatures';

let database: TestDatabase;
let client: Client;

beforeAll(async () => {
  database = await createTestDatabase('refresh');
  const { capabilities } = await migrate(database.url);
  client = new Client({ connectionString: database.url });
  await client.connect();
  // One old candle: older than any refresh window a policy would start with.
  await client.query(
    `INSERT INTO alphapulse.candles (time, symbol, timeframe, open, high, low, close, volume)
     VALUES (now() - interval '40 days', 'OLD', '1m', 1, 2, 0.5, 1.5, 10)`,
  );
  expect(typeof capabilities.timescaledb).toBe('boolean');
});

afterAll(async () => {
  await client.end();
  await database.drop();
});

test('refreshes every aggregate with TimescaleDB, nothing without it; old rows then show in candles_1h', async () => {
  const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS installed`);
  const refreshed = await refreshContinuousAggregates(client);
  expect(refreshed).toEqual(rows[0].installed ? Object.values(AGGREGATES) : []);
  const old = await client.query(`SELECT count(*)::int AS n FROM ${AGGREGATES.candles1h} WHERE symbol = 'OLD'`);
  expect(old.rows[0].n).toBe(1);
});
