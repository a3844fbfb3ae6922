import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MetricSet, type MetricDefinition } from '../metrics/model';
import { renderChunks, renderToString } from './renderer';

const nonEmptyLines = (text: string) => text.split('\n').filter((line) => line !== '');

async function collect(chunks: AsyncGenerator<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

// Awkward but legal label values and help text: every escaping rule is exercised.
const awkward = ['plain', 'quote"d', 'back\\slash', 'line\nfeed', 'ünïcødé ✓', '', '\\"\n'];

describe('renderer', () => {
  test('matches prom-client line for line for gauges, counters and histograms, escaping included', async () => {
    const registry = new Registry();
    const set = new MetricSet();
    const gaugeDef: MetricDefinition = { name: 'alphapulse_test_gauge', type: 'gauge', help: 'A "gauge" with \\ and\nnewline.', labels: ['a', 'b'], group: 't' };
    const counterDef: MetricDefinition = { name: 'alphapulse_test_events_total', type: 'counter', help: 'Events.', labels: ['a'], group: 't' };
    const histogramDef: MetricDefinition = { name: 'alphapulse_test_duration_seconds', type: 'histogram', help: 'Durations.', labels: [], group: 't' };
    const gauge = new Gauge({ name: gaugeDef.name, help: gaugeDef.help, labelNames: ['a', 'b'], registers: [registry] });
    const counter = new Counter({ name: counterDef.name, help: counterDef.help, labelNames: ['a'], registers: [registry] });
    const histogram = new Histogram({ name: histogramDef.name, help: histogramDef.help, buckets: [0.1, 1], registers: [registry] });
    awkward.forEach((value, i) => {
      gauge.set({ a: value, b: `${i}` }, i * 1.5 - 2);
      set.add(gaugeDef, { a: value, b: `${i}` }, i * 1.5 - 2);
    });
    awkward.forEach((value, i) => {
      counter.inc({ a: value }, i + 0.25);
      set.add(counterDef, { a: value }, i + 0.25);
    });
    histogram.observe(0.05);
    histogram.observe(0.5);
    for (const [le, count] of [['0.1', 1], ['1', 2], ['+Inf', 2]] as const) set.add(histogramDef, { le }, count, '_bucket');
    set.add(histogramDef, {}, 0.55, '_sum');
    set.add(histogramDef, {}, 2, '_count');

    const expected = nonEmptyLines(await registry.metrics());
    expect(nonEmptyLines(renderToString(set.toFamilies(), 'text'))).toEqual(expected);
    expect(nonEmptyLines(Buffer.concat(await collect(renderChunks(set.toFamilies(), { format: "text" }))).toString())).toEqual(expected);
  });

  test('chunked output equals the whole output whatever the chunk size, and ends OpenMetrics with # EOF', async () => {
    const definition: MetricDefinition = { name: 'alphapulse_test_info', type: 'info', help: 'Info.', labels: ['i'], group: 't' };
    const set = new MetricSet();
    for (let i = 0; i < 5000; i++) set.add(definition, { i: `${i}` }, 1);
    const whole = renderToString(set.toFamilies(), 'openmetrics');
    const chunks = await collect(renderChunks(set.toFamilies(), { format: 'openmetrics', chunkBytes: 1000 }));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Buffer.concat(chunks).toString()).toBe(whole);
    expect(whole.startsWith('# HELP alphapulse_test Info.\n# TYPE alphapulse_test info\nalphapulse_test_info{i="0"} 1\n')).toBe(true);
    expect(whole.endsWith('# EOF\n')).toBe(true);
  });

  test('yields to the event loop while rendering a large output', async () => {
    const definition: MetricDefinition = { name: 'alphapulse_test_big', type: 'gauge', help: 'Big.', labels: ['i'], group: 't' };
    const set = new MetricSet();
    for (let i = 0; i < 100_000; i++) set.add(definition, { service: 'trading_engine', instance: `10.0.0.${i % 250}:8107`, i: `${i}` }, i);
    // A setImmediate ticker measures the longest stretch during which nothing else could run.
    const gaps: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await new Promise((resolve) => setImmediate(resolve));
    for await (const chunk of renderChunks(set.toFamilies(), { format: 'text', sliceMs: 5 })) void chunk;
    running = false;
    // How long the stretches are depends on GC and on other processes sharing the CPU, so the bench reports
    // them; here only the behaviour: the event loop got many turns while 100k series were rendered.
    expect(gaps.length).toBeGreaterThan(10);
  });

  test('families without samples are left out', () => {
    const set = new MetricSet();
    expect(renderToString(set.toFamilies(), 'text')).toBe('');
  });
});
