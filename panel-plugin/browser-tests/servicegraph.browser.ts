import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { TEST_IDS } from '../src/constants/testIds';
import { chromiumAvailable, CHROMIUM_PATH } from './chromium';
import { buildHarness, CDN_PLUGIN_PATH, PLUGIN_PATH, PLUGIN_ROOT, serveHarness } from './harness/buildHarness';

const SCREENSHOT = path.join(PLUGIN_ROOT, 'docs', 'screenshot.png');

const onCi = !!process.env.CI && process.env.CI !== 'false';
let server: Server | undefined;
let baseUrl = '';
let cdnUrl = '';
let workerUrls: string[] = [];
let warnings: string[] = [];

test.beforeAll(async () => {
  if (!chromiumAvailable()) {
    // On CI a missing browser is a broken machine, not a reason to pass quietly.
    if (onCi) {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH} (CI=true): install Debian's chromium package`);
    }
    console.warn(`\n⚠ SKIPPING the real-browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH).\n`);
    return;
  }
  if (!existsSync(path.join(PLUGIN_ROOT, 'dist', 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (test:ci does)');
  }
  await buildHarness();
  ({ server, url: baseUrl, cdnUrl } = await serveHarness());
});

test.afterAll(() => {
  server?.close();
});

test.beforeEach(() => {
  test.skip(
    !chromiumAvailable() && !process.env.CI,
    `SKIPPED: Chromium not found at ${CHROMIUM_PATH}; set CHROMIUM_PATH or apt-get install chromium`
  );
});

async function openHarness(page: Page, scenario: Record<string, unknown>) {
  const errors: string[] = [];
  workerUrls = [];
  warnings = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('worker', (worker) => workerUrls.push(worker.url()));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') {
      warnings.push(message.text());
    }
  });
  await page.goto(`${baseUrl}/harness/index.html`);
  await page.evaluate(
    (s) => (window as unknown as { renderServiceGraph: (s: unknown) => Promise<void> }).renderServiceGraph(s),
    scenario
  );
  return errors;
}

const node = (page: Page, id: string) => page.locator(`[data-testid="${TEST_IDS.node}"][data-node-id="${id}"]`);

async function idsWithRole(page: Page, role: string) {
  const ids = await page
    .locator(`[data-testid="${TEST_IDS.node}"][data-role="${role}"]`)
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-id')));
  return ids.sort();
}

test('built module.js renders the AlphaPulse graph, highlights blast radius and root cause on click', async ({
  page,
}) => {
  // Edge stats on, as the dependency graph dashboard sets them: traffic and error ratio on every edge.
  const errors = await openHarness(page, { data: 'alphapulse', options: { showEdgeLabels: true } });
  const panel = page.getByTestId(TEST_IDS.panel);
  await expect(page.getByTestId(TEST_IDS.node)).toHaveCount(17);
  const toDown = page.locator(`[data-testid="${TEST_IDS.edge}"][data-edge-id="retrieval_optimizer→pattern_storage"]`);
  await expect(toDown).toHaveAttribute('data-error-level', 'critical');
  await expect(toDown.getByTestId(TEST_IDS.edgeLabel)).toHaveText(/req\/s · 40% err/);
  await expect(page.getByTestId(TEST_IDS.edgeLabel)).toHaveCount(26);
  await expect(panel).toHaveAttribute('data-renderer', 'svg');
  await expect(node(page, 'pattern_storage')).toHaveAttribute('data-health', 'down');
  await expect(node(page, 'timescaledb')).toHaveAttribute('data-external', 'true');

  // The layout was computed IN the worker (the worker marks its answer) from the chunk next to module.js,
  // at the path Grafana serves plugins from; a fallback to the main thread reads 'main' and fails here.
  await expect(panel).toHaveAttribute('data-layout-thread', 'worker');
  expect(workerUrls.filter((url) => url.startsWith(`${baseUrl}${PLUGIN_PATH}layout-worker.js`))).toHaveLength(1);
  expect(warnings.filter((text) => text.includes('layout worker'))).toEqual([]);

  await node(page, 'pattern_storage').click();
  await expect(page.getByTestId(TEST_IDS.blastCount)).toHaveAttribute('data-count', '4');
  expect(await idsWithRole(page, 'affected')).toEqual([
    'analytics_dashboard',
    'predictive_optimizer',
    'retrieval_optimizer',
    'trading_engine',
  ]);
  expect(await idsWithRole(page, 'selected')).toEqual(['pattern_storage']);

  await node(page, 'trading_engine').click();
  await expect(page.getByTestId(TEST_IDS.rootCauseList)).toContainText('pattern_storage');
  expect(await idsWithRole(page, 'cause')).toEqual(['pattern_storage']);
  expect(await idsWithRole(page, 'cause-chain')).toEqual(['retrieval_optimizer']);
  expect(await idsWithRole(page, 'affected')).toEqual(['analytics_dashboard']);
  await expect(page.getByTestId(TEST_IDS.dataLink)).toHaveAttribute('href', /var-service=trading_engine/);

  await page.mouse.move(5, 5);
  await page.screenshot({ path: test.info().outputPath('servicegraph.png') });
  if (process.env.UPDATE_SCREENSHOT) {
    await page.getByTestId(TEST_IDS.panel).screenshot({ path: SCREENSHOT });
  }

  await page.keyboard.press('Escape');
  await expect(page.getByTestId(TEST_IDS.summary)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('keyboard: Tab reaches nodes, Enter selects, Escape clears', async ({ page }) => {
  await openHarness(page, { data: 'alphapulse' });
  await expect(page.getByTestId(TEST_IDS.node)).toHaveCount(17);
  await page.getByTestId(TEST_IDS.search).focus();
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'))); i++) {
    await page.keyboard.press('Tab');
  }
  const focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
  expect(focusedId).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(node(page, focusedId!)).toHaveAttribute('data-role', 'selected');
  await page.keyboard.press('Escape');
  await expect(node(page, focusedId!)).toHaveAttribute('data-role', 'normal');
});

test('5,000 nodes / 15,000 edges draw on canvas and pan', async ({ page }) => {
  const errors = await openHarness(page, { data: 'large', nodes: 5000, edges: 15000 });
  const canvas = page.getByTestId(TEST_IDS.canvas);
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-draw-ms', /\d/);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2 - 80, { steps: 10 });
  await page.mouse.up();
  const drawMs = Number(await canvas.getAttribute('data-draw-ms'));
  expect(drawMs).toBeLessThan(500);

  // On canvas, nodes are selected through the search box (Enter picks the first match) or by clicking.
  await page.getByTestId(TEST_IDS.search).fill('svc_4999');
  await page.getByTestId(TEST_IDS.search).press('Enter');
  await expect(page.getByTestId(TEST_IDS.summary)).toContainText('svc_4999');
  const blast = Number(await page.getByTestId(TEST_IDS.blastCount).getAttribute('data-count'));
  expect(blast).toBeGreaterThan(100);
  // The search centred the view on the node: clicking the canvas centre selects it again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(TEST_IDS.summary)).toHaveCount(0);
  const centre = (await canvas.boundingBox())!;
  await page.mouse.click(centre.x + centre.width / 2, centre.y + centre.height / 2);
  await expect(page.getByTestId(TEST_IDS.summary)).toContainText('svc_4999');
  expect(errors).toEqual([]);
});

test('the built worker chunk is a plain script, not AMD like module.js', () => {
  const dist = path.join(PLUGIN_ROOT, 'dist');
  const module = readFileSync(path.join(dist, 'module.js'), 'utf8');
  // Grafana's SystemJS needs module.js as AMD (banner comments first, then define).
  expect(
    module
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trimStart()
      .startsWith('define(')
  ).toBe(true);
  const chunks = readdirSync(dist).filter((file) => file.endsWith('.js') && file !== 'module.js');
  expect(chunks).toEqual(['layout-worker.js']);
  const worker = readFileSync(path.join(dist, 'layout-worker.js'), 'utf8');
  expect(worker).not.toMatch(/^\s*(\/\*[\s\S]*?\*\/\s*)*define\(/);
  expect(worker).not.toMatch(/\bdefine\(/);
  expect(worker).toContain('onmessage');
});

test('from a plugin CDN on another origin, the worker starts from a blob and answers', async ({ page }) => {
  const errors = await openHarness(page, {
    data: 'alphapulse',
    moduleUrl: `${cdnUrl}${CDN_PLUGIN_PATH}module.js`,
  });
  const panel = page.getByTestId(TEST_IDS.panel);
  await expect(page.getByTestId(TEST_IDS.node)).toHaveCount(17);
  await expect(panel).toHaveAttribute('data-layout-thread', 'worker');
  // A cross-origin `new Worker(url)` throws; the blob worker imports the CDN script instead.
  expect(workerUrls).toHaveLength(1);
  expect(workerUrls[0]).toMatch(/^blob:/);
  expect(warnings.filter((text) => text.includes('layout worker'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a page without Worker falls back to the main thread, and the panel says so', async ({ page }) => {
  // Proves the thread attribute the tests above rely on can read 'main'.
  await page.addInitScript(() => {
    (window as unknown as { Worker: unknown }).Worker = undefined;
  });
  await openHarness(page, { data: 'alphapulse' });
  await expect(page.getByTestId(TEST_IDS.node)).toHaveCount(17);
  await expect(page.getByTestId(TEST_IDS.panel)).toHaveAttribute('data-layout-thread', 'main');
});
