// Issue #10 item 5: one target sending 100,000 label values (a dependency list, a strategy map) stays within its
// caps, and the other targets are untouched. Real HTTP, the real exporter; the numbers are printed for the report.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { exampleHealthRecord, exampleStats } from '@alphapulse/contracts';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { find, parseMetrics, valueOf } from './support/parseMetrics';

const N = 100_000;
const names = (prefix: string) => Array.from({ length: N }, (_, i) => `${prefix}${i.toString(36)}`);
const bodies: Record<string, string> = {
  '/deps/health': JSON.stringify({ ...exampleHealthRecord, dependencies: names('d') }),
  '/deps/stats': JSON.stringify(exampleStats.trading_engine),
  '/strategies/health': JSON.stringify(exampleHealthRecord),
  '/strategies/stats': JSON.stringify({ ...exampleStats.trading_engine, strategies: Object.fromEntries(names('s').map((name) => [name, { equity: 1 }])) }),
  '/good/health': JSON.stringify(exampleHealthRecord),
  '/good/stats': JSON.stringify(exampleStats.trading_engine),
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function scrape(instances: string[]): Promise<{ text: string; seconds: number }> {
  const yaml = [
    'kpi: { enabled: false }',
    'scrape: { max_body_bytes: 4194304 }',
    'services:',
    `  - { kind: trading_engine, instances: [${instances.map((i) => `{ url: "${base}/${i}", instance: ${i} }`).join(', ')}] }`,
  ].join('\n');
  const running: RunningExporter = await startExporter({ config: parseConfig(yaml), port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
  try {
    const started = performance.now();
    const text = await (await fetch(`${running.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '10' } })).text();
    return { text, seconds: (performance.now() - started) / 1000 };
  } finally {
    await running.stop();
  }
}

const seriesOf = (text: string, instance: string) => parseMetrics(text).filter((s) => s.labels.instance === instance);
const alphapulseSeries = (text: string) => parseMetrics(text).filter((s) => s.name.startsWith('alphapulse_') && !s.name.startsWith('alphapulse_exporter_'));

test('100,000 dependencies and 100,000 strategies: capped and counted, the good target untouched', async () => {
  const alone = await scrape(['good']);
  const all = await scrape(['deps', 'strategies', 'good']);
  const samples = parseMetrics(all.text);

  const deps = { service: 'trading_engine', instance: 'deps' };
  expect(valueOf(samples, 'alphapulse_up', deps)).toBe(1);
  expect(valueOf(samples, 'alphapulse_target_label_values_dropped', { ...deps, label: 'dependency' })).toBe(N - 200);
  // The edges are per service: the 200 kept from "deps" plus the good instances' own five, at most.
  expect(find(samples, 'alphapulse_service_dependency_info').length).toBeLessThanOrEqual(205);

  const strategies = { service: 'trading_engine', instance: 'strategies' };
  expect(find(samples, 'alphapulse_trading_engine_strategy_equity', strategies)).toHaveLength(200);
  expect(valueOf(samples, 'alphapulse_target_label_values_dropped', { ...strategies, label: 'strategy' })).toBe(N - 200);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...strategies, endpoint: 'stats', reason: 'missing' })).toBe(3 * N);

  // The good target: exactly the series it has when scraped alone.
  const key = (s: { name: string; labels: Record<string, string>; value: number }) => `${s.name}${JSON.stringify(s.labels)}=${s.value}`;
  const good = (text: string) => seriesOf(text, 'good').filter((s) => s.name !== 'alphapulse_target_scrape_duration_seconds').map(key).sort();
  expect(good(all.text)).toEqual(good(alone.text));

  const series = alphapulseSeries(all.text).length;
  const bytes = Buffer.byteLength(all.text);
  expect(series).toBeLessThan(1500);
  expect(bytes).toBeLessThan(300_000);
  // eslint-disable-next-line no-console
  console.log(`100k cases: ${series} alphapulse series, ${bytes} bytes, scrape ${all.seconds.toFixed(2)} s (good target alone: ${alphapulseSeries(alone.text).length} series, ${alone.seconds.toFixed(2)} s)`);
}, 60_000);
