// `npm run bench`: render time of /metrics at 20k and 100k series, our chunked renderer against prom-client's
// registry holding the same series, measured in the same run; plus the longest event-loop block of each.
import { Gauge, Registry } from 'prom-client';
import { MetricSet, type MetricDefinition } from '../src/metrics/model';
import { renderChunks } from '../src/render/renderer';

const FAMILIES = 100;
const RUNS = 9;
const WARMUPS = 2;

interface Series {
  definition: MetricDefinition;
  labels: Record<string, string>;
  value: number;
}

function makeSeries(total: number): Series[] {
  const perFamily = total / FAMILIES;
  const series: Series[] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const definition: MetricDefinition = {
      name: `alphapulse_bench_metric_${f}`,
      type: 'gauge',
      help: `Bench family ${f} with a "quoted" word and a back\\slash.`,
      labels: ['service', 'instance', 'series'],
      group: 'bench',
    };
    for (let i = 0; i < perFamily; i++) {
      series.push({
        definition,
        labels: { service: `service_${i % 9}`, instance: `10.0.${(i >> 8) & 255}.${i & 255}:8101`, series: `s${i}` },
        value: (i * 7919) % 100003 / 7 + f,
      });
    }
  }
  return series;
}

function promClientRegistry(series: Series[]): Registry {
  const registry = new Registry();
  const gauges = new Map<string, Gauge<string>>();
  for (const { definition, labels, value } of series) {
    let gauge = gauges.get(definition.name);
    if (!gauge) {
      gauge = new Gauge({ name: definition.name, help: definition.help, labelNames: definition.labels, registers: [registry] });
      gauges.set(definition.name, gauge);
    }
    gauge.set(labels, value);
  }
  return registry;
}

function buildSet(series: Series[]): MetricSet {
  const set = new MetricSet();
  for (const { definition, labels, value } of series) set.add(definition, labels, value);
  return set;
}

/** Encodes each chunk as it comes, as writing it to the HTTP response does. */
async function renderOurs(set: MetricSet): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderChunks(set.toFamilies(), { format: "text" })) chunks.push(chunk);
  return chunks;
}

/** Runs `work` while a setImmediate ticker records the longest gap between its ticks: the longest block. */
async function withLongestBlock<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longestBlockMs: number }> {
  let running = true;
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await new Promise((resolve) => setImmediate(resolve));
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  running = false;
  tick();
  return { result, ms, longestBlockMs: longest };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

async function benchSize(total: number): Promise<void> {
  const series = makeSeries(total);
  const registry = promClientRegistry(series);
  const promTimes: number[] = [];
  const promBlocks: number[] = [];
  const renderTimes: number[] = [];
  const buildRenderTimes: number[] = [];
  const renderBlocks: number[] = [];
  const buildRenderBlocks: number[] = [];
  let promText = '';
  let ourText = '';
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const prom = await withLongestBlock(() => registry.metrics());
    const prebuilt = buildSet(series);
    const ours = await withLongestBlock(() => renderOurs(prebuilt));
    const full = await withLongestBlock(() => renderOurs(buildSet(series)));
    if (run < WARMUPS) continue;
    promTimes.push(prom.ms);
    promBlocks.push(prom.longestBlockMs);
    renderTimes.push(ours.ms);
    buildRenderTimes.push(full.ms);
    renderBlocks.push(ours.longestBlockMs);
    buildRenderBlocks.push(full.longestBlockMs);
    promText = prom.result;
    ourText = Buffer.concat(ours.result).toString();
  }
  const expected = lines(promText);
  const actual = lines(ourText);
  const identical = expected.length === actual.length && expected.every((line, i) => line === actual[i]);
  const prom = median(promTimes);
  const render = median(renderTimes);
  const buildRender = median(buildRenderTimes);
  console.log(
    [
      `${total.toLocaleString('en')} series (${(ourText.length / 1e6).toFixed(1)} MB):`,
      `  prom-client registry.metrics()   median ${prom.toFixed(1)} ms, longest event-loop block ${median(promBlocks).toFixed(1)} ms`,
      `  ours: render                     median ${render.toFixed(1)} ms  → ratio ${(render / prom).toFixed(2)}×`,
      `  ours: build fresh set + render   median ${buildRender.toFixed(1)} ms  → ratio ${(buildRender / prom).toFixed(2)}×`,
      `  ours: longest event-loop block   render: median ${median(renderBlocks).toFixed(1)} ms, worst run ${Math.max(...renderBlocks).toFixed(1)} ms;` +
        ` build + render: median ${median(buildRenderBlocks).toFixed(1)} ms, worst run ${Math.max(...buildRenderBlocks).toFixed(1)} ms`,
      `  output identical to prom-client line for line: ${identical ? 'yes' : 'NO'} (${actual.length} lines)`,
    ].join('\n'),
  );
  if (!identical) process.exitCode = 1;
}

async function main(): Promise<void> {
  console.log(`Render benchmark: ${RUNS} runs after ${WARMUPS} warm-ups, ${FAMILIES} gauge families, Node ${process.version}`);
  for (const total of [20_000, 100_000]) await benchSize(total);
}

void main();
