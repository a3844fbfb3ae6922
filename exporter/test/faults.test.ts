// Every fault mode against real HTTP servers: one bad target never hides the others, never fails the scrape,
// and the scrape answers inside its budget.
import pino from 'pino';
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { FAKE_MODES, startFakeService, type FakeMode, type FakeService } from './support/fakeService';
import { find, parseMetrics, valueOf } from './support/parseMetrics';

const services = new Map<FakeMode, { kind: (typeof SERVICE_KINDS)[number]; fake: FakeService }>();
let exporter: RunningExporter;

beforeAll(async () => {
  // One service per mode, each a different kind, so every collector also runs.
  for (const [i, mode] of FAKE_MODES.entries()) services.set(mode, { kind: SERVICE_KINDS[i], fake: await startFakeService(SERVICE_KINDS[i], mode) });
  const targets = [...services.values()].map(({ kind, fake }) => `${kind}=${fake.url}`).join(',');
  const config = parseConfig(undefined, { ALPHAPULSE_EXPORTER_TARGETS: targets, ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false' });
  exporter = await startExporter({ config, port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
});

afterAll(async () => {
  await exporter?.stop();
  for (const { fake } of services.values()) await fake.close();
});

async function scrape(timeoutSeconds: string) {
  const started = performance.now();
  const response = await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': timeoutSeconds } });
  const text = await response.text();
  return { status: response.status, samples: parseMetrics(text), seconds: (performance.now() - started) / 1000 };
}

test('each fault mode gives up 0 and its own reason; the healthy target is complete; the scrape keeps its budget', async () => {
  const { status, samples, seconds } = await scrape('2');
  expect(status).toBe(200);
  // Budget 2 − 0.5 = 1.5 s waiting for the hung target, then the answer well before Prometheus' 2 s timeout.
  expect(seconds).toBeGreaterThanOrEqual(1.45);
  expect(seconds).toBeLessThan(2);
  const expectedReasons: Record<Exclude<FakeMode, 'ok'>, string> = {
    down: 'unreachable',
    hung: 'timeout',
    http_500: 'http_status',
    malformed: 'malformed_json',
    oversized: 'oversized',
    wrong_types: 'contract_violation',
  };
  // Issue #10: wrong types in single fields drop those fields, never the record.
  const drifted = { service: services.get('wrong_types')!.kind };
  expect(valueOf(samples, 'alphapulse_up', drifted)).toBe(1);
  expect(find(samples, 'alphapulse_target_scrape_error', drifted)).toEqual([]);
  expect(valueOf(samples, 'alphapulse_service_uptime_seconds', drifted)).toBeUndefined();
  expect(valueOf(samples, 'alphapulse_service_requests_total', drifted)).toBeUndefined();
  expect(valueOf(samples, 'alphapulse_service_cpu_seconds_total', drifted)).toBe(5123.42);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...drifted, endpoint: 'health', reason: 'wrong_type' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...drifted, endpoint: 'stats', reason: 'out_of_range' })).toBe(1);
  for (const [mode, { kind }] of services) {
    const target = { service: kind };
    if (mode === 'wrong_types') continue;
    if (mode === 'ok') {
      expect(valueOf(samples, 'alphapulse_up', target)).toBe(1);
      expect(find(samples, 'alphapulse_target_scrape_error', target)).toEqual([]);
      expect(valueOf(samples, 'alphapulse_service_status', { ...target, status: 'healthy' })).toBe(1);
      expect(valueOf(samples, 'alphapulse_pattern_storage_patterns_stored_total', target)).toBe(1_284_377);
      continue;
    }
    expect(valueOf(samples, 'alphapulse_up', target)).toBe(0);
    expect(valueOf(samples, 'alphapulse_service_status', { ...target, status: 'down' })).toBe(1);
    const reason = expectedReasons[mode];
    expect(valueOf(samples, 'alphapulse_target_scrape_error', { ...target, endpoint: 'health', reason })).toBe(1);
    expect(valueOf(samples, 'alphapulse_target_scrape_error', { ...target, endpoint: 'stats', reason })).toBe(1);
    expect(find(samples, 'alphapulse_service_cpu_seconds_total', target)).toEqual([]);
    expect(valueOf(samples, 'alphapulse_target_scrape_duration_seconds', target)).toBeGreaterThanOrEqual(0);
  }
  expect(valueOf(samples, 'alphapulse_exporter_scrape_budget_seconds')).toBe(1.5);
});

test('a target that recovers is back in the next scrape; one that fails loses its series at once (nothing stale)', async () => {
  const healthy = services.get('ok')!;
  await healthy.fake.setMode('http_500');
  const failing = await scrape('2');
  expect(valueOf(failing.samples, 'alphapulse_up', { service: healthy.kind })).toBe(0);
  expect(find(failing.samples, 'alphapulse_pattern_storage_patterns_stored_total')).toEqual([]);
  expect(find(failing.samples, 'alphapulse_last_heartbeat_timestamp_seconds', { service: healthy.kind })).toEqual([]);
  await healthy.fake.setMode('ok');
  const recovered = await scrape('2');
  expect(valueOf(recovered.samples, 'alphapulse_up', { service: healthy.kind })).toBe(1);
});

test('concurrent scrapes do not mix: each gets one complete, duplicate-free output', async () => {
  const results = await Promise.all(Array.from({ length: 8 }, () => scrape('1.5')));
  for (const { samples } of results) {
    const keys = samples.map((s) => `${s.name}${JSON.stringify(s.labels)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(find(samples, 'alphapulse_up')).toHaveLength(FAKE_MODES.length);
  }
});
