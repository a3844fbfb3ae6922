// The BUILT plugin (dist/module.js) in headless Chromium, with the externals Grafana provides, running real
// queries through a stand-in for Grafana's data proxy to the live query API on a real PostgreSQL.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../simulator/src/db/embeddedPostgres';
import { migrate } from '../../simulator/src/db/migrate';
import { T0, buildFixture, insertFixture } from '../../exporter/test/query-support/fixture';
import { type TestServer, startQueryServer } from '../../exporter/test/query-support/server';
import { bundleHarnessPage, startHarnessServer } from './harness/harnessServer';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let stopDatabase: () => Promise<void> = async () => undefined;
let api: TestServer;
let harness: { url: string; server: import('node:http').Server; proxied: string[] };

test.beforeAll(async () => {
  if (!existsSync(join(__dirname, '..', 'dist', 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (test:ci does)');
  }
  const root = mkdtempSync(join(tmpdir(), 'alphapulse-ds-browser-'));
  const database = await startEmbeddedPostgres({ dataDir: join(root, 'data'), port: await freePort() });
  stopDatabase = async () => {
    await database.stop();
    rmSync(root, { recursive: true, force: true });
  };
  await migrate(database.databaseUrl);
  await insertFixture(database.databaseUrl, buildFixture());
  api = await startQueryServer({ databaseUrl: database.databaseUrl, token: 'browser-test-token' });
  await bundleHarnessPage();
  harness = await startHarnessServer({ url: api.url, token: api.token });
});

test.afterAll(async () => {
  await new Promise((resolve) => (harness?.server as unknown as Server | undefined)?.close(resolve) ?? resolve(undefined));
  await api?.close();
  await stopDatabase();
});

test('dist/module.js loads with Grafana\'s externals and answers real queries through the proxy', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${harness.url}/harness/index.html`);
  const result = await page.evaluate(
    (range) => (window as unknown as { runScenario: (r: unknown) => Promise<any> }).runScenario(range),
    { from: T0, to: T0 + 86_400_000 - 1 }
  );
  expect(pageErrors).toEqual([]);
  expect(result.hasQueryEditor).toBe(true);
  expect(result.hasConfigEditor).toBe(true);
  expect(result.health.status).toBe('success');
  expect(result.health.message).toMatch(/^Connected\. Database PostgreSQL [\d.]+ reachable, plain PostgreSQL/);
  expect(result.errors).toEqual([]);
  // $symbol (multi-value) → one candle frame per symbol; 1 day in ≤100 points → 15-minute buckets.
  const candles = result.frames.filter((frame: any) => frame.refId === 'C');
  expect(candles.map((frame: any) => frame.name)).toEqual(['AAA', 'BBB']);
  expect(candles[0].length).toBe(96);
  expect(candles[0].fields.map((field: any) => [field.name, field.type])).toEqual([
    ['time', 'time'],
    ['open', 'number'],
    ['high', 'number'],
    ['low', 'number'],
    ['close', 'number'],
    ['volume', 'number'],
  ]);
  expect(candles[0].fields[0].first).toBe(T0);
  expect(candles[0].fields[1].unit).toBe('currencyUSD');
  const summary = result.frames.find((frame: any) => frame.refId === 'S');
  expect(summary.length).toBe(2);
  // The incomplete query X was filtered out, not sent.
  expect(result.frames.some((frame: any) => frame.refId === 'X')).toBe(false);
  expect(result.variables).toEqual(['alpha', 'beta']);
  expect(harness.proxied).toEqual(['GET /health', 'GET /search/sources', 'POST /query', 'GET /search/strategies']);
});
