// A login role for the query API that can only read: a member of the migrations' NOLOGIN reader role.
import { Client } from 'pg';
import { READER_ROLE } from '../simulator/src/db/schema';

export const QUERY_LOGIN_ROLE = 'alphapulse_query';

/** Creates or updates the login role and returns a URL for it on the same server and database. */
export async function ensureReaderLogin(adminUrl: string, password: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Identifiers are constants; the password goes through format() with a literal, never string pasting.
    const { rows } = await client.query<{ sql: string }>(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
                THEN format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)
                ELSE format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) END AS sql`,
      [QUERY_LOGIN_ROLE, password],
    );
    await client.query(rows[0].sql);
    await client.query(`GRANT ${READER_ROLE} TO ${QUERY_LOGIN_ROLE}`);
    await client.query(`ALTER ROLE ${QUERY_LOGIN_ROLE} SET default_transaction_read_only = on`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.username = QUERY_LOGIN_ROLE;
  url.password = password;
  return url.toString();
}
