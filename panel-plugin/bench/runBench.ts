// `npm run bench`: layout (ours vs dagre), canvas pan frame times and blast radius, all in headless Chromium.
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from '../browser-tests/chromium';
import { buildHarness, serveHarness } from '../browser-tests/harness/buildHarness';
import { TEST_IDS } from '../src/constants/testIds';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'layout,blast,pan').split(','));

async function layoutAndBlast(page: Page) {
  const bundle = path.join(__dirname, '..', 'browser-tests', '.harness', 'bench.js');
  await build({
    entryPoints: [path.join(__dirname, 'benchEntry.ts')],
    bundle: true,
    outfile: bundle,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'error',
  });
  await page.goto('about:blank');
  await page.addScriptTag({ path: bundle });
  const run = <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      ({ fn, args }) =>
        (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[fn](...args) as T,
      { fn, args }
    );

  // Blast radius first: dagre's garbage would otherwise land in its timings as collection pauses.
  if (SECTIONS.has('blast')) {
    await blastRadius(run);
  }
  if (SECTIONS.has('layout')) {
    await layouts(run);
  }
}

type Run = <T>(fn: string, ...args: unknown[]) => Promise<T>;

async function layouts(run: Run) {
  // Warm the JIT up first, as a dashboard would have by its second refresh; otherwise the smallest size pays for it.
  await run<number[]>('ours', 300, 900, 5);
  console.log('\nLayered layout of a random connected DAG (3 edges per node), median of runs');
  const rows: Array<[string, number, number, number | undefined]> = [];
  for (const [nodes, runs, dagreRuns] of [
    [200, 7, 3],
    [500, 5, 3],
    [1000, 7, 0],
    [5000, 3, 0],
  ] as const) {
    const ourMedian = median(await run<number[]>('ours', nodes, nodes * 3, runs));
    const dagreMedian = dagreRuns > 0 ? median(await run<number[]>('dagre', nodes, nodes * 3, dagreRuns)) : undefined;
    rows.push([`${nodes} nodes / ${nodes * 3} edges`, nodes, ourMedian, dagreMedian]);
    console.log(
      `  ${`${nodes}/${nodes * 3}`.padEnd(12)} ours ${ms(ourMedian).padStart(10)}` +
        (dagreMedian !== undefined
          ? `   dagre ${ms(dagreMedian).padStart(10)}   dagre/ours ${(dagreMedian / ourMedian).toFixed(0)}×`
          : '   dagre not run (>60 s at this size)')
    );
  }
  // dagre's default network-simplex ranker does not finish 1,000 nodes in reasonable time; its faster ranker does.
  const dagreLongest = median(await run<number[]>('dagre', 1000, 3000, 1, 'longest-path'));
  const ours1000 = rows.find(([, nodes]) => nodes === 1000)![2];
  console.log(
    `  1000/3000    dagre with ranker=longest-path ${ms(dagreLongest)} (1 run)   dagre/ours ${(dagreLongest / ours1000).toFixed(0)}×`
  );
  console.log(`  goal: ours ≤ 300 ms at 1,000/3,000 → ${ours1000 <= 300 ? 'met' : 'MISSED'} (${ms(ours1000)})`);
}

async function blastRadius(run: Run) {
  const blast = await run<{ times: number[]; bestOfThree: number[]; largest: number }>('blast', 5000, 15000, 200);
  const p95 = percentile(blast.times, 0.95);
  const bestP95 = percentile(blast.bestOfThree, 0.95);
  console.log(`\nBlast radius on 5,000 nodes / 15,000 edges (200 starts × 3 calls, up to ${blast.largest} dependents)`);
  console.log(
    `  all calls:            median ${ms(median(blast.times))}   p95 ${ms(p95)}   max ${ms(Math.max(...blast.times))}`
  );
  // On a shared machine single calls get descheduled for a time slice; best of 3 per start shows the algorithm.
  console.log(
    `  best of 3 per start:  median ${ms(median(blast.bestOfThree))}   p95 ${ms(bestP95)}   max ${ms(Math.max(...blast.bestOfThree))}`
  );
  console.log(`  goal ≤ 5 ms (p95 of all calls) → ${p95 <= 5 ? 'met' : 'MISSED'}`);
}

async function panning(page: Page) {
  await buildHarness();
  const { url, server } = await serveHarness();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${url}/harness/index.html`);
    const started = Date.now();
    await page.evaluate(() =>
      (window as unknown as { renderServiceGraph: (s: unknown) => Promise<void> }).renderServiceGraph({
        data: 'large',
        nodes: 5000,
        edges: 15000,
        width: 1200,
        height: 720,
      })
    );
    const canvas = page.getByTestId(TEST_IDS.canvas);
    await canvas.waitFor({ timeout: 60_000 });
    const layoutMs = await page.getByTestId(TEST_IDS.panel).getAttribute('data-layout-ms');
    console.log(
      `\nCanvas, 5,000 nodes / 15,000 edges: first drawing ${Date.now() - started} ms after render (layout in worker ${layoutMs} ms)`
    );
    for (const [label, zoomSteps] of [
      ['fitted (whole graph, no labels)', 0],
      ['zoomed in (labels drawn)', 12],
    ] as const) {
      const box = (await canvas.boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.mouse.move(cx, cy);
      for (let i = 0; i < zoomSteps; i++) {
        await page.mouse.wheel(0, -240);
        await page.waitForTimeout(30);
      }
      // Record every draw and every animation frame while the pointer drags the graph.
      // A string, not a function: tsx would wrap named inner functions in a __name helper the page lacks.
      await page.evaluate(`(() => {
        const target = document.querySelector('[data-testid="${TEST_IDS.canvas}"]');
        const record = { draws: [], frames: [], running: true };
        window.panRecord = record;
        new MutationObserver(() => record.draws.push(Number(target.dataset.drawMs))).observe(target, { attributes: true, attributeFilter: ['data-draw-ms'] });
        let last = performance.now();
        const tick = (now) => {
          record.frames.push(now - last);
          last = now;
          if (record.running) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      await page.mouse.down();
      for (let step = 1; step <= 120; step++) {
        await page.mouse.move(cx + Math.sin(step / 10) * 200, cy + Math.cos(step / 14) * 120);
      }
      await page.mouse.up();
      const record = (await page.evaluate(
        '(() => { window.panRecord.running = false; return window.panRecord; })()'
      )) as {
        draws: number[];
        frames: number[];
      };
      const frames = record.frames.slice(2);
      console.log(
        `  ${label.padEnd(32)} draw median ${ms(median(record.draws))} p95 ${ms(percentile(record.draws, 0.95))} (${record.draws.length} draws);` +
          ` frame interval median ${ms(median(frames))} p95 ${ms(percentile(frames, 0.95))}`
      );
    }
  } finally {
    server.close();
  }
}

async function main() {
  if (!chromiumAvailable()) {
    console.error(`Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium or set CHROMIUM_PATH`);
    process.exit(1);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    console.log(
      `AlphaPulse Service Graph benchmark — ${await browser.version()} (headless), ${new Date().toISOString()}`
    );
    await layoutAndBlast(page);
    if (SECTIONS.has('pan')) {
      await panning(page);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
