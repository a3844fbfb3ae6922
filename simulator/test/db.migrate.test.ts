import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { detectCapabilities } from '../src/db/capabilities';
import { migrate } from '../src/db/migrate';
import { AGGREGATES, READER_ROLE, TABLES } from '../src/db/schema';
import { HYPERTABLES } from '../src/db/timescaleFeatures';

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

/** Everything a migration could change, as one comparable text. */
function schemaSnapshot(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const queries = [
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

describe('migrate on plain PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('db_migrate');
  });
  afterAll(async () => {
    await db.drop();
  });

  test('an empty database gets every table, view, index and the reader role', async () => {
    const result = await migrate(db.url);
    expect(result.applied).toEqual(ALL_MIGRATIONS);
    expect(result.capabilities).toMatchObject({ timescaledb: false, schemaVersion: ALL_MIGRATIONS[2] });

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
      expect(brin.rows[0].n).toBe(5);
    });
  });

  test('re-running on a migrated database is a no-op that leaves the schema identical', async () => {
    const before = await schemaSnapshot(db.url);
    const again = await migrate(db.url);
    expect(again.applied).toEqual([]);
    expect(await schemaSnapshot(db.url)).toBe(before);
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

  test('detectCapabilities reports plain PostgreSQL and the schema version', async () => {
    const caps = await withClient(db.url, (client) => detectCapabilities(client));
    expect(caps.timescaledb).toBe(false);
    expect(caps.timescaledbVersion).toBeNull();
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
