// Reproductions of issue #10 over real HTTP: what a Python service really sends (json.dumps defaults, naive
// datetimes, nested performance_metrics, numbers as strings) must count as answered, with only the bad fields dropped.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { find, parseMetrics, valueOf } from './support/parseMetrics';

const bodies: Record<string, string> = {
  // json.dumps({...}) with a NaN, a naive datetime.isoformat(), a nested dict and a string in performance_metrics.
  '/py/health':
    '{"service_name": "trading_engine", "status": "OK ", "uptime": "86412.5", "last_heartbeat": "2026-11-25T14:29:58.120333", ' +
    '"error_count": 3, "warning_count": NaN, "dependencies": ["risk_manager", "exchange_api"], ' +
    '"performance_metrics": {"mode": "fast", "cache": {"hit_ratio": 0.9}, "lag": Infinity, "ok": true, "none": null}}',
  '/py/stats':
    '{"service_name": "trading_engine", "version": "2.4.1", "timestamp": 1764080998.5, "cpu_seconds_total": "5123.42", ' +
    '"resident_memory_bytes": 412385280.0, "requests_total": NaN, "latency_seconds": {"p50": 0.01, "p95": "0.05"}, ' +
    '"orders": [{"side": "BUY", "status": "filled", "count": 10}, {"side": "hold", "status": "new", "count": 1}], ' +
    '"fills_total": 9, "open_positions": true, "equity": -Infinity, "strategies_running": 1, ' +
    '"strategies": {"momentum": {"equity": 100.5, "realized_pnl": "1.5", "unrealized_pnl": null, "open_positions": 2}, "broken": "x"}}',
  '/unknown/health': '{"service_name": "risk_manager", "status": "maintenance"}',
  '/unknown/stats': '{}',
  '/notjson/health': '<html>Bad gateway</html>',
  '/notjson/stats': '[]',
  '/nostatus/health': '{"service_name": "risk_manager", "uptime": 3}',
  '/nostatus/stats': '{}',
  // A real service with its own names, mapped by config (field_map), not by code.
  '/mapped/health': '{"name": "trading_engine", "state": "up", "process": {"uptime_s": 12}}',
  '/mapped/stats': '{"portfolio": {"total_equity": 1234.5, "books": [{"fills": 8}]}, "cpu": {"seconds": 3.5}}',
};

let server: http.Server;
let exporter: RunningExporter;
let text: string;
const logs: Array<Record<string, any>> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const yaml = [
    'kpi: { enabled: false }',
    'services:',
    `  - { kind: trading_engine, instances: [{ url: "${base}/py", instance: py }] }`,
    `  - kind: trading_engine`,
    `    name: mapped_engine`,
    `    field_map: { health: { service_name: name, status: state, uptime: process.uptime_s } }`,
    `    instances: [{ url: "${base}/mapped", instance: mapped, field_map: { stats: { equity: portfolio.total_equity, fills_total: "$.portfolio.books[0].fills", cpu_seconds_total: cpu.seconds } } }]`,
    `  - { kind: risk_manager, instances: [{ url: "${base}/unknown", instance: unknown }, { url: "${base}/notjson", instance: notjson }, { url: "${base}/nostatus", instance: nostatus }] }`,
  ].join('\n');
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  exporter = await startExporter({ config: parseConfig(yaml), port: 0, logger, reloadOnSighup: false });
  text = await (await fetch(`${exporter.url}/metrics`)).text();
  await fetch(`${exporter.url}/metrics`); // the same drift again: logged once, not at every scrape
});

afterAll(async () => {
  await exporter?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

test('a Python health record with NaN, a naive datetime, numeric strings and nested metrics is answered and healthy', () => {
  const samples = parseMetrics(text);
  const py = { service: 'trading_engine', instance: 'py' };
  expect(valueOf(samples, 'alphapulse_up', py)).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_status', { ...py, status: 'healthy' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_status', { ...py, status: 'down' })).toBe(0);
  expect(valueOf(samples, 'alphapulse_service_uptime_seconds', py)).toBe(86412.5);
  // Naive = UTC; microseconds kept to the millisecond.
  expect(valueOf(samples, 'alphapulse_last_heartbeat_timestamp_seconds', py)).toBe(Date.parse('2026-11-25T14:29:58.120Z') / 1000);
  expect(valueOf(samples, 'alphapulse_service_errors_total', py)).toBe(3);
  // A NaN counter is dropped and counted, never exported.
  expect(valueOf(samples, 'alphapulse_service_warnings_total', py)).toBeUndefined();
  expect(valueOf(samples, 'alphapulse_service_performance_metric', { ...py, metric: 'cache.hit_ratio' })).toBe(0.9);
  expect(valueOf(samples, 'alphapulse_service_performance_metric', { ...py, metric: 'lag' })).toBe(Infinity);
  expect(valueOf(samples, 'alphapulse_service_performance_metric', { ...py, metric: 'ok' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_performance_metric', { ...py, metric: 'mode' })).toBeUndefined();
  expect(find(samples, 'alphapulse_target_scrape_error', py)).toEqual([]);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...py, endpoint: 'health', reason: 'non_finite' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...py, endpoint: 'health', reason: 'not_numeric' })).toBe(1);
});

test('/stats: the good fields are exported, each bad one dropped on its own', () => {
  const samples = parseMetrics(text);
  const py = { service: 'trading_engine', instance: 'py' };
  expect(valueOf(samples, 'alphapulse_service_cpu_seconds_total', py)).toBe(5123.42);
  expect(valueOf(samples, 'alphapulse_service_resident_memory_bytes', py)).toBe(412385280);
  expect(valueOf(samples, 'alphapulse_service_requests_total', py)).toBeUndefined();
  expect(valueOf(samples, 'alphapulse_service_request_latency_seconds', { ...py, quantile: '0.95' })).toBe(0.05);
  expect(valueOf(samples, 'alphapulse_trading_engine_orders_total', { ...py, side: 'buy', status: 'filled' })).toBe(10);
  expect(find(samples, 'alphapulse_trading_engine_orders_total', py)).toHaveLength(1);
  expect(valueOf(samples, 'alphapulse_trading_engine_open_positions', py)).toBe(1);
  expect(valueOf(samples, 'alphapulse_trading_engine_equity', py)).toBe(-Infinity);
  expect(valueOf(samples, 'alphapulse_trading_engine_strategy_realized_pnl', { ...py, strategy: 'momentum' })).toBe(1.5);
  expect(valueOf(samples, 'alphapulse_trading_engine_strategy_unrealized_pnl', { ...py, strategy: 'momentum' })).toBeUndefined();
  expect(find(samples, 'alphapulse_trading_engine_strategy_equity', { ...py, strategy: 'broken' })).toEqual([]);
  expect(find(samples, 'alphapulse_target_scrape_error', py)).toEqual([]);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...py, endpoint: 'stats', reason: 'non_finite' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...py, endpoint: 'stats', reason: 'wrong_type' })).toBe(2);
});

test('an unknown status is its own state, not down; a non-record or a record without status is not answered', () => {
  const samples = parseMetrics(text);
  const unknown = { service: 'risk_manager', instance: 'unknown' };
  expect(valueOf(samples, 'alphapulse_up', unknown)).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_status', { ...unknown, status: 'unknown' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_status', { ...unknown, status: 'down' })).toBe(0);
  expect(valueOf(samples, 'alphapulse_target_field_errors', { ...unknown, endpoint: 'health', reason: 'unknown_status' })).toBe(1);
  for (const instance of ['notjson', 'nostatus']) {
    const target = { service: 'risk_manager', instance };
    expect(valueOf(samples, 'alphapulse_up', target)).toBe(0);
    expect(valueOf(samples, 'alphapulse_service_status', { ...target, status: 'down' })).toBe(1);
  }
  expect(valueOf(samples, 'alphapulse_target_scrape_error', { service: 'risk_manager', instance: 'notjson', endpoint: 'health', reason: 'malformed_json' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_target_scrape_error', { service: 'risk_manager', instance: 'nostatus', endpoint: 'health', reason: 'contract_violation' })).toBe(1);
});

test('field_map: a service with its own field names is read through the mapping, per kind and per target', () => {
  const samples = parseMetrics(text);
  const mapped = { service: 'mapped_engine', instance: 'mapped' };
  expect(valueOf(samples, 'alphapulse_up', mapped)).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_status', { ...mapped, status: 'healthy' })).toBe(1);
  expect(valueOf(samples, 'alphapulse_service_uptime_seconds', mapped)).toBe(12);
  expect(valueOf(samples, 'alphapulse_trading_engine_equity', mapped)).toBe(1234.5);
  expect(valueOf(samples, 'alphapulse_trading_engine_fills_total', mapped)).toBe(8);
  expect(valueOf(samples, 'alphapulse_service_cpu_seconds_total', mapped)).toBe(3.5);
});

test('the dropped fields are logged with their paths, once per change of drift', () => {
  const drift = logs.filter((entry) => entry.msg.startsWith('payload fields dropped') && entry.instance === 'py');
  expect(drift).toHaveLength(1);
  expect(drift[0].fields.health.examples).toEqual(expect.arrayContaining([{ path: 'warning_count', reason: 'non_finite' }, { path: 'performance_metrics.mode', reason: 'not_numeric' }]));
  expect(drift[0].fields.stats.examples).toEqual(expect.arrayContaining([{ path: 'strategies.broken', reason: 'wrong_type' }]));
});
