// The query API and the datasource plugin take their names from @alphapulse/contracts; the migrations must
// create exactly the relations those names point at.
import { Client } from 'pg';
import { AGGREGATES, TABLES } from '@alphapulse/contracts';
import { migrate } from '../../simulator/src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('relations');
  await migrate(database.url);
});
afterAll(() => database.drop());

test('every relation named in the contract exists after the migrations', async () => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const names = [...Object.values(TABLES), ...Object.values(AGGREGATES)];
    const { rows } = await client.query<{ name: string; found: string | null }>(
      'SELECT name, to_regclass(name)::text AS found FROM unnest($1::text[]) AS name',
      [names],
    );
    expect(rows.filter((row) => row.found === null).map((row) => row.name)).toEqual([]);
  } finally {
    await client.end();
  }
});
