// `npm run bench`: layout quality and time (ours in the built worker vs dagre and elkjs), layout scaling, canvas pan
// frame times and blast radius, all in headless Chromium. BENCH_SECTIONS=quality,layout,blast,pan picks sections.
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

const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'quality,layout,blast,pan').split(','));

async function benchPage(page: Page): Promise<Run> {
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
  return <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      ({ fn, args }) =>
        (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[fn](...args) as T,
      { fn, args }
    );
}

async function layoutAndBlast(page: Page) {
  const run = await benchPage(page);
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

interface Measured {
  ms: number[];
  crossings: number;
  length: number;
}

/**
 * Lays out through the BUILT plugin in its worker, with module.js loaded as Grafana's SystemJS loads it (harness
 * page, grafanaLoader.ts). The first layout of a fresh panel starts its worker (cold: script load and JIT); then the
 * same panel lays out again with other options, as on a refresh (warm). Fails when the layout left the worker.
 */
async function viaWorker(page: Page, url: string, scenario: Record<string, unknown>, refreshes: number) {
  await page.goto(`${url}/harness/index.html`);
  const panel = page.getByTestId(TEST_IDS.panel);
  const read = async () => {
    const thread = await panel.getAttribute('data-layout-thread');
    if (thread !== 'worker') {
      throw new Error(`layout ran on the ${thread} thread, not in the worker: the worker chunk is broken`);
    }
    return {
      compute: Number(await panel.getAttribute('data-layout-ms')),
      roundTrip: Number(await panel.getAttribute('data-layout-roundtrip-ms')),
    };
  };
  const render = (s: Record<string, unknown>) =>
    page.evaluate(
      (s) => (window as unknown as { renderServiceGraph: (s: unknown) => Promise<void> }).renderServiceGraph(s),
      { ...scenario, width: 1200, height: 700, ...s }
    );
  await render({ options: { stablePositions: false } });
  await page.locator(`[data-testid="${TEST_IDS.panel}"][data-layout-thread]`).waitFor({ timeout: 60_000 });
  const cold = await read();
  const warm: Array<{ compute: number; roundTrip: number }> = [];
  let last = `${cold.compute}/${cold.roundTrip}`;
  for (let i = 1; i <= refreshes; i++) {
    await render({ update: true, options: { stablePositions: false, nodeSpacing: 24 + (i % 2) } });
    await page.waitForFunction(
      ({ id, last }) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        return (
          `${element?.getAttribute('data-layout-ms')}/${element?.getAttribute('data-layout-roundtrip-ms')}` !== last
        );
      },
      { id: TEST_IDS.panel, last },
      { timeout: 60_000 }
    );
    const timing = await read();
    last = `${timing.compute}/${timing.roundTrip}`;
    warm.push(timing);
  }
  return { cold, compute: warm.map((t) => t.compute), roundTrip: warm.map((t) => t.roundTrip) };
}

async function quality(page: Page, workerPage: Page) {
  const run = await benchPage(page);
  await buildHarness();
  const { url, server } = await serveHarness();
  try {
    // Warm the JIT up as a dashboard would have by its second refresh.
    await run<Measured>('measureOurs', '300/900', 5);
    console.log(
      '\nLayout quality and time: ours vs @dagrejs/dagre 3 and elkjs 0.12 layered (LR, same node size and spacing)'
    );
    console.log('  crossings = proper crossings of edge segments in the drawing; length = total edge length (px)');
    console.log(
      `  ${'graph'.padEnd(16)}${'crossings ours/dagre/elk'.padEnd(28)}${'length ours/dagre/elk (k px)'.padEnd(32)}` +
        `${'ours'.padStart(10)}${'worker: refresh / first'.padStart(26)}${'dagre'.padStart(11)}${'elk'.padStart(11)}${'dagre/ours'.padStart(12)}${'dagre/worker'.padStart(14)}`
    );
    const goals: string[] = [];
    for (const [name, scenario, runs, dagreRuns] of [
      ['alphapulse', { data: 'alphapulse' }, 15, 7],
      ['200/600', { data: 'large', nodes: 200, edges: 600 }, 9, 5],
      ['500/1500', { data: 'large', nodes: 500, edges: 1500 }, 7, 3],
    ] as const) {
      const ours = await run<Measured>('measureOurs', name, runs);
      const dagre = await run<Measured>('measureDagre', name, dagreRuns);
      const elk = await run<Measured>('measureElk', name, dagreRuns);
      const worker = await viaWorker(workerPage, url, scenario, 6);
      const ratio = median(dagre.ms) / median(ours.ms);
      const workerRatio = median(dagre.ms) / median(worker.roundTrip);
      const computeRatio = median(dagre.ms) / median(worker.compute);
      const k = (value: number) => (value / 1000).toFixed(1);
      console.log(
        `  ${name.padEnd(16)}${`${ours.crossings} / ${dagre.crossings} / ${elk.crossings}`.padEnd(28)}` +
          `${`${k(ours.length)} / ${k(dagre.length)} / ${k(elk.length)}`.padEnd(32)}` +
          `${ms(median(ours.ms)).padStart(10)}${`${ms(median(worker.roundTrip))} / ${ms(worker.cold.roundTrip)}`.padStart(26)}` +
          `${ms(median(dagre.ms)).padStart(11)}${ms(median(elk.ms)).padStart(11)}${`${ratio.toFixed(0)}×`.padStart(12)}` +
          `${`${workerRatio.toFixed(0)}×`.padStart(14)}`
      );
      goals.push(
        `${name}: crossings ${ours.crossings} ≤ dagre ${dagre.crossings} → ${ours.crossings <= dagre.crossings ? 'met' : 'MISSED'}; ` +
          `≥50× faster than dagre → ${ratio >= 50 ? 'met' : 'MISSED'} (${ratio.toFixed(0)}× in page, ` +
          `${workerRatio.toFixed(0)}× request-to-answer through the worker, ` +
          `${computeRatio.toFixed(0)}× on the worker's own clock: ${ms(median(worker.compute))})`
      );
    }
    console.log(
      '  (medians; ours/dagre/elk in the page after warm-up; worker = the built plugin, request to answer, on a refresh' +
        ' of the panel / on its first layout, which starts the worker)'
    );
    goals.forEach((goal) => console.log(`  goal ${goal}`));
  } finally {
    server.close();
  }
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
    if (SECTIONS.has('quality')) {
      await quality(page, await browser.newPage());
    }
    if (SECTIONS.has('layout') || SECTIONS.has('blast')) {
      await layoutAndBlast(page);
    }
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
