import { Client } from 'pg';
import { createTestDatabase } from '../../test-support/database';

test('a real PostgreSQL answers', async () => {
  const db = await createTestDatabase('smoke');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query('select 40 + 2 as answer');
  await client.end();
  await db.drop();
  expect(rows[0].answer).toBe(42);
});
