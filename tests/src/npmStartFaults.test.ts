// `npm start` under faults an operator meets (issue #9): its local secrets are private, its Prometheus scrapes
// the ports it was given, and a database that dies or freezes never takes the process down nor blocks Ctrl-C.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { onPath } from '../../scripts/childProcess';
import { fetchWithin, postmasterPid, startNpmStart, type StartedStack } from './support/npmStartProcess';

/** The postmaster and its backends (children), so a freeze stops the whole server, not just its listener. */
function clusterPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ")".
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('a stack started with its own ports and data folder, its emulator speaking the python dialect', () => {
  let stack: StartedStack;
  beforeAll(async () => {
    stack = await startNpmStart({ ALPHAPULSE_EMULATOR_DIALECT: 'python' });
  }, 150_000);
  afterAll(() => stack?.cleanup());

  test('its data folder and secrets are private to the owner (only the postgres user may traverse it, as root)', () => {
    const mode = statSync(stack.dataDir).mode & 0o777;
    expect(mode & 0o007).toBe(0); // nothing for other users: nobody else can list, add or replace a secret
    expect(mode & 0o020).toBe(0); // the group may not write either
    if (!isRoot) expect(mode).toBe(0o700);
    for (const secret of ['api-token', 'query-db-password', 'postgres-superuser-password']) {
      expect(statSync(join(stack.dataDir, secret)).mode & 0o777).toBe(0o600);
    }
  });

  test('the exporter reads the Python-style services: all nine up, none in an unknown state', async () => {
    const health = await (await fetchWithin(`http://127.0.0.1:${stack.ports.services}/health`, 2000)).text();
    expect(health).toMatch(/"last_heartbeat": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}"/); // naive, as Python writes it
    const metrics = await (await fetchWithin(`http://127.0.0.1:${stack.ports.exporter}/metrics`, 10_000)).text();
    const up = metrics.split('\n').filter((line) => line.startsWith('alphapulse_up{'));
    expect(up).toHaveLength(9);
    expect(up.filter((line) => !line.endsWith(' 1'))).toEqual([]);
    expect(metrics.split('\n').filter((line) => /^alphapulse_service_status\{.*status="unknown".*\} 1$/.test(line))).toEqual([]);
  });

  test('the emulator serves the demo sign-in key set and keeps its signing key in the private data folder', async () => {
    const jwks = (await (await fetchWithin(`http://127.0.0.1:${stack.ports.control}/auth/jwks.json`, 2000)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
    await fetchWithin(`http://127.0.0.1:${stack.ports.control}/auth/token?user=trader`, 5000);
    expect(statSync(join(stack.dataDir, 'jwt-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  test('the embedded superuser password is generated, not the constant from the source', async () => {
    const constant = new Client({ connectionString: `postgres://postgres:alphapulse-local@127.0.0.1:${stack.ports.postgres}/alphapulse` });
    await expect(constant.connect()).rejects.toMatchObject({ code: '28P01' });
    const generated = new Client({ connectionString: stack.superuserUrl() });
    await generated.connect();
    await generated.end();
  });

  test('Prometheus scrapes the exporter and itself on the configured ports, not the defaults', async () => {
    if (!onPath('prometheus')) {
      if (process.env.CI === 'true') throw new Error('prometheus is not on PATH (CI requires it: apt-get install prometheus)');
      console.warn('SKIPPED: no prometheus on PATH');
      return;
    }
    type Target = { scrapePool: string; scrapeUrl: string; health: string };
    let targets: Target[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const answer = await fetchWithin(`http://127.0.0.1:${stack.ports.prometheus}/api/v1/targets`, 2000);
      targets = ((await answer.json()) as { data: { activeTargets: Target[] } }).data.activeTargets;
      if (targets.length > 0 && targets.every((target) => target.health === 'up')) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    const byJob = Object.fromEntries(targets.map((target) => [target.scrapePool, target]));
    expect(byJob.alphapulse).toMatchObject({ scrapeUrl: `http://127.0.0.1:${stack.ports.exporter}/metrics`, health: 'up' });
    expect(byJob.prometheus).toMatchObject({ scrapeUrl: `http://127.0.0.1:${stack.ports.prometheus}/metrics`, health: 'up' });
  }, 40_000);

  test('a killed database leaves the process serving: health and metrics answer, queries get 503, SIGTERM exits', async () => {
    const base = `http://127.0.0.1:${stack.ports.exporter}`;
    process.kill(postmasterPid(stack.pgDataDir), 'SIGKILL');
    const query = {
      range: { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() },
      maxDataPoints: 100,
      queries: [{ refId: 'A', queryType: 'candles', symbol: 'BTCUSDT' }],
    };
    // Several seconds with the database gone: the writer, the KPI refresh and the query API all meet it.
    for (let round = 0; round < 6; round++) {
      expect((await fetchWithin(`${base}/-/healthy`, 2000)).status).toBe(200);
      expect((await fetchWithin(`${base}/metrics`, 10_000)).status).toBe(200);
      const answer = await fetchWithin(`${base}/api/v1/query`, 15_000, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.apiToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify(query),
      });
      expect(answer.status).toBe(503);
      await new Promise((done) => setTimeout(done, 1000));
    }
    expect(stack.child.exitCode).toBeNull();
    process.kill(-stack.child.pid!, 'SIGTERM');
    expect(await stack.waitForExit(30_000)).not.toBeNull();
  }, 120_000);
});

describe('a stack whose database is frozen (SIGSTOP)', () => {
  let stack: StartedStack;
  let frozen: number[] = [];
  beforeAll(async () => {
    stack = await startNpmStart();
  }, 150_000);
  afterAll(() => {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    stack?.cleanup();
  });

  test('a second SIGTERM ends a shutdown that waits on the frozen database', async () => {
    frozen = clusterPids(postmasterPid(stack.pgDataDir));
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    process.kill(stack.child.pid!, 'SIGTERM');
    // Past the one-second window in which start.ts takes a repeat for the echo of the first signal.
    await new Promise((done) => setTimeout(done, 1500));
    process.kill(stack.child.pid!, 'SIGTERM');
    expect(await stack.waitForExit(5_000)).not.toBeNull();
  }, 30_000);
});
