import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { detectCapabilities } from '../src/db/capabilities';
import { migrate } from '../src/db/migrate';
import { AGGREGATES, READER_ROLE, TABLES } from '../src/db/schema';
import { HYPERTABLES, applyRetentionPolicy } from '../src/db/timescaleFeatures';

const ALL_MIGRATIONS = ['1764000000000_base-tables', '1764000000001_storage-layout', '1764000000002_long-range-aggregates'];

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the server offers TimescaleDB, i.e. whether migrate() takes the TimescaleDB path (see migrationHelpers). */
function serverHasTimescale(url: string): Promise<boolean> {
  if (process.env.ALPHAPULSE_DISABLE_TIMESCALEDB === 'true') return Promise.resolve(false);
  return withClient(url, async (client) => (await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`)).rowCount === 1);
}

/** TimescaleDB's own record of hypertables, continuous aggregates, policies and compression settings. */
const TIMESCALE_SNAPSHOT_QUERIES = [
  `SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables WHERE hypertable_schema = 'alphapulse' ORDER BY 1`,
  `SELECT view_name, materialized_only, view_definition FROM timescaledb_information.continuous_aggregates ORDER BY 1`,
  `SELECT job_id, proc_name, hypertable_name, schedule_interval, config FROM timescaledb_information.jobs WHERE hypertable_schema = 'alphapulse' ORDER BY 1`,
  `SELECT hypertable_name, attname, segmentby_column_index, orderby_column_index, orderby_asc FROM timescaledb_information.compression_settings
   WHERE hypertable_schema = 'alphapulse' ORDER BY 1, 2`,
];

/** Everything a migration could change, as one comparable text. */
function schemaSnapshot(url: string, timescale: boolean): Promise<string> {
  return withClient(url, async (client) => {
    const queries = [
      ...(timescale ? TIMESCALE_SNAPSHOT_QUERIES : []),
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
                    WHERE table_schema = 'alphapulse' ORDER BY 1, 2`,
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'alphapulse' ORDER BY 1`,
      `SELECT viewname, definition FROM pg_views WHERE schemaname = 'alphapulse' ORDER BY 1`,
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                    WHERE connamespace = 'alphapulse'::regnamespace ORDER BY 1`,
      `SELECT name FROM alphapulse.pgmigrations ORDER BY id`,
    ];
    const parts = [];
    for (const sql of queries) parts.push((await client.query(sql)).rows);
    return JSON.stringify(parts);
  });
}

// The same tests on either path: the server decides (TEST_DATABASE_URL may point at a TimescaleDB).
describe('migrate', () => {
  let db: TestDatabase;
  let timescale: boolean;
  beforeAll(async () => {
    db = await createTestDatabase('db_migrate');
    timescale = await serverHasTimescale(db.url);
  });
  afterAll(async () => {
    await db.drop();
  });

  test('an empty database gets every table, view, index and the reader role', async () => {
    const result = await migrate(db.url);
    expect(result.applied).toEqual(ALL_MIGRATIONS);
    expect(result.capabilities).toMatchObject({ timescaledb: timescale, schemaVersion: ALL_MIGRATIONS[2] });

    await withClient(db.url, async (client) => {
      for (const relation of [...Object.values(TABLES), ...Object.values(AGGREGATES)]) {
        const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present,
                                                    has_table_privilege($2, $1, 'SELECT') AS readable,
                                                    has_table_privilege($2, $1, 'INSERT') AS writable`, [relation, READER_ROLE]);
        expect({ relation, ...rows[0] }).toEqual({ relation, present: true, readable: true, writable: false });
      }
      const role = await client.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, [READER_ROLE]);
      expect(role.rows).toEqual([{ rolcanlogin: false }]);
      const brin = await client.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'alphapulse' AND indexdef LIKE '%USING brin%'`);
      // TimescaleDB: hypertables (chunk exclusion by time) instead of BRIN indexes; plain PostgreSQL: one per raw table.
      expect(brin.rows[0].n).toBe(timescale ? 0 : 5);
      const aggregates = Object.values(AGGREGATES).map((name) => name.split('.')[1]).sort();
      if (timescale) {
        const hypertables = await client.query(`SELECT hypertable_name AS name, compression_enabled AS compressed, d.time_interval::text AS chunk
          FROM timescaledb_information.hypertables h JOIN timescaledb_information.dimensions d USING (hypertable_schema, hypertable_name)
          WHERE hypertable_schema = 'alphapulse' ORDER BY 1`);
        expect(hypertables.rows).toEqual(HYPERTABLES.map((h) => ({ name: h.table.split('.')[1], compressed: true, chunk: h.chunkInterval })).sort((a, b) => a.name.localeCompare(b.name)));
        const caggs = await client.query(`SELECT view_name AS name, materialized_only FROM timescaledb_information.continuous_aggregates
          WHERE view_schema = 'alphapulse' ORDER BY 1`);
        expect(caggs.rows).toEqual(aggregates.map((name) => ({ name, materialized_only: false })));
        // One refresh policy per aggregate, over all history (no start), and the reader can read what they materialize.
        const policies = await client.query(`SELECT hypertable_name AS name, config->'start_offset' AS start_offset FROM timescaledb_information.jobs
          WHERE proc_name = 'policy_refresh_continuous_aggregate' AND hypertable_schema = 'alphapulse' ORDER BY 1`);
        expect(policies.rows).toEqual(aggregates.map((name) => ({ name, start_offset: null })));
        const materialized = await client.query(`SELECT format('%I.%I', materialization_hypertable_schema, materialization_hypertable_name) AS rel
          FROM timescaledb_information.continuous_aggregates WHERE view_schema = 'alphapulse'`);
        for (const { rel } of materialized.rows) {
          const { rows } = await client.query(`SELECT has_table_privilege($1, $2, 'SELECT') AS readable`, [READER_ROLE, rel]);
          expect({ rel, ...rows[0] }).toEqual({ rel, readable: true });
        }
      } else {
        const views = await client.query(`SELECT viewname FROM pg_views WHERE schemaname = 'alphapulse' ORDER BY 1`);
        expect(views.rows.map((r) => r.viewname)).toEqual(aggregates);
      }
    });
  });

  test('re-running on a migrated database is a no-op that leaves the schema identical', async () => {
    const before = await schemaSnapshot(db.url, timescale);
    const again = await migrate(db.url);
    expect(again.applied).toEqual([]);
    expect(await schemaSnapshot(db.url, timescale)).toBe(before);
  });

  test('the long-range relations include rows older than any refresh window once the policies have run', async () => {
    // A backfill (or a database migrated after the fact) puts history far behind the newest rows. Continuous
    // aggregates answer below their watermark only from what was materialized, so the policies must reach it.
    const now = Date.now();
    const day = 86_400_000;
    const times = [40, 20, 10, 1].map((d) => new Date(Math.floor((now - d * day) / day) * day + 3_600_000));
    await withClient(db.url, async (client) => {
      for (const time of times) {
        await client.query(`INSERT INTO ${TABLES.candles} (time, symbol, open, high, low, close, volume) VALUES ($1, 'HIST', 10, 12, 9, 11, 5)`, [time]);
      }
      if (timescale) {
        const jobs = await client.query(`SELECT job_id FROM timescaledb_information.jobs
          WHERE proc_name = 'policy_refresh_continuous_aggregate' AND hypertable_schema = 'alphapulse' ORDER BY 1`);
        for (const { job_id } of jobs.rows) await client.query(`CALL run_job($1)`, [job_id]);
      }
      for (const relation of [AGGREGATES.candles1h, AGGREGATES.candles1d]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n, sum(volume)::float8 AS volume FROM ${relation} WHERE symbol = 'HIST'`);
        expect({ relation, ...rows[0] }).toEqual({ relation, n: times.length, volume: 5 * times.length });
      }
      await client.query(`DELETE FROM ${TABLES.candles} WHERE symbol = 'HIST'`);
    });
  });

  test('with retention, the refresh windows stop a day short of it; without, they cover all history', async () => {
    if (!timescale) {
      // Plain PostgreSQL has neither policies nor retention: migrate() never applies it (see migrate.ts).
      expect((await migrate(db.url)).capabilities.timescaledb).toBe(false);
      return;
    }
    const windows = (client: Client) => client.query(`SELECT DISTINCT config->>'start_offset' AS start_offset FROM timescaledb_information.jobs
      WHERE proc_name = 'policy_refresh_continuous_aggregate' AND hypertable_schema = 'alphapulse'`).then((r) => r.rows);
    const retention = (client: Client) => client.query(`SELECT hypertable_name AS name, config->>'drop_after' AS drop_after FROM timescaledb_information.jobs
      WHERE proc_name = 'policy_retention' AND hypertable_schema = 'alphapulse' ORDER BY 1`).then((r) => r.rows);
    await withClient(db.url, async (client) => {
      await applyRetentionPolicy(client, 30);
      expect(await windows(client)).toEqual([{ start_offset: '29 days' }]);
      expect(await retention(client)).toHaveLength(HYPERTABLES.length);
      expect((await retention(client)).every((r: { drop_after: string }) => r.drop_after === '30 days')).toBe(true);
      await applyRetentionPolicy(client, null);
      expect(await windows(client)).toEqual([{ start_offset: null }]);
      expect(await retention(client)).toEqual([]);
    });
  });

  test('TimescaleDB compression settings cover every primary-key column (segment by or order by)', async () => {
    await withClient(db.url, async (client) => {
      for (const layout of HYPERTABLES) {
        const { rows } = await client.query(
          `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
           WHERE i.indrelid = $1::regclass AND i.indisprimary`, [layout.table]);
        const covered = `${layout.segmentBy}, ${layout.orderBy}`.split(',').map((c) => c.trim().split(' ')[0]);
        expect({ table: layout.table, missing: rows.map((r) => r.attname).filter((c) => !covered.includes(c)) }).toEqual({ table: layout.table, missing: [] });
      }
    });
  });

  test('detectCapabilities reports the server (TimescaleDB or plain PostgreSQL) and the schema version', async () => {
    const caps = await withClient(db.url, (client) => detectCapabilities(client));
    expect(caps.timescaledb).toBe(timescale);
    if (timescale) expect(caps.timescaledbVersion).toMatch(/^\d+\.\d+/);
    else expect(caps.timescaledbVersion).toBeNull();
    expect(caps.version).toMatch(/^\d+\.\d+/);
    expect(caps.schemaVersion).toBe(ALL_MIGRATIONS[2]);
  });
});

test('two concurrent starters migrate once between them, without errors', async () => {
  const db = await createTestDatabase('db_migrate_race');
  try {
    const [first, second] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...first.applied, ...second.applied].sort()).toEqual(ALL_MIGRATIONS);
    const count = await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM alphapulse.pgmigrations`));
    expect(count.rows[0].n).toBe(3);
  } finally {
    await db.drop();
  }
});

test('detectCapabilities on a never-migrated database has no schema version', async () => {
  const db = await createTestDatabase('db_caps');
  try {
    const caps = await withClient(db.url, (client) => detectCapabilities(client));
    expect(caps.schemaVersion).toBeNull();
  } finally {
    await db.drop();
  }
});
