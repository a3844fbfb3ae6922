// A database that stops answering under the checkpoint feed (here: a lock that blocks its SELECT, as a frozen
// server would) must not hold the emulator: the read gives up after its timeout and stop() returns.
import { Client } from 'pg';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { migrate } from '../src/db/migrate';
import { TABLES } from '../src/db/schema';
import { followWriterCheckpoints } from '../src/world/checkpointFeed';
import { TradingWorld } from '../src/world/tradingWorld';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('checkpoint_stall');
  await migrate(database.url);
}, 60_000);
afterAll(async () => database?.drop());

test('a checkpoint read blocked by the database times out, and stop() returns', async () => {
  const locker = new Client({ connectionString: database.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${TABLES.writerCheckpoints} IN ACCESS EXCLUSIVE MODE`);
  const feed = followWriterCheckpoints({
    world: new TradingWorld({ seed: 1, symbols: 2 }),
    databaseUrl: database.url,
    pollMs: 60_000,
    queryTimeoutMs: 500,
    logger: pino({ level: 'silent' }),
  });
  try {
    const started = Date.now();
    expect(await feed.refresh()).toBe(false); // the read gave up; the services keep the market they had
    await feed.stop();
    // Without a client-side timeout the read (and so stop()) waited for the lock for as long as it was held.
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
}, 30_000);
