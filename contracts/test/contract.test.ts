import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SERVICE_KINDS,
  defaultServicePort,
  exampleHealthRecord,
  exampleStats,
  parseJsonBody,
  validateHealthRecord,
  validateStats,
} from '../src';
import { renderContractDoc } from '../scripts/contractDoc';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('health record', () => {
  test('the documented example is valid', () => {
    expect(validateHealthRecord(exampleHealthRecord)).toEqual({ ok: true, value: exampleHealthRecord });
  });

  test('unknown extra fields are kept, not rejected', () => {
    const result = validateHealthRecord({ ...exampleHealthRecord, region: 'eu-west', shard: 3 });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as Record<string, unknown>).region).toBe('eu-west');
  });

  test.each([
    ['status', 'sleeping', 'status'],
    ['uptime', '12', 'uptime'],
    ['uptime', -1, 'uptime'],
    ['error_count', 1.5, 'error_count'],
    ['last_heartbeat', 'yesterday', 'last_heartbeat'],
    ['dependencies', 'risk_manager', 'dependencies'],
  ])('a wrong %s (%p) is rejected at path %s', (field, value, path) => {
    const result = validateHealthRecord({ ...exampleHealthRecord, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual([path]);
  });

  test('a missing field is named', () => {
    const { warning_count: _dropped, ...partial } = exampleHealthRecord;
    const result = validateHealthRecord(partial);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0].path).toBe('warning_count');
      expect(result.error).toContain('warning_count');
    }
  });

  test('a non-number in performance_metrics is rejected with its own path', () => {
    const result = validateHealthRecord({ ...exampleHealthRecord, performance_metrics: { ok: 1, mode: 'fast' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['performance_metrics.mode']);
  });

  test('non-objects are rejected at the root', () => {
    for (const payload of [null, 42, 'healthy', []]) {
      const result = validateHealthRecord(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0].path).toBe('(root)');
    }
  });
});

describe('stats', () => {
  test.each(SERVICE_KINDS)('the %s example is valid for its kind', (kind) => {
    const result = validateStats(kind, exampleStats[kind]);
    expect(result.ok).toBe(true);
  });

  test('a kind-specific field of the wrong type is rejected with a precise nested path', () => {
    const stats = clone(exampleStats.predictive_optimizer);
    (stats.models.random_forest as Record<string, unknown>).accuracy = 'high';
    const result = validateStats('predictive_optimizer', stats);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['models.random_forest.accuracy']);
  });

  test('a payload of one kind is not accepted as another kind', () => {
    const result = validateStats('risk_manager', exampleStats.trading_engine);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain('current_drawdown_ratio');
  });

  test('ratios outside 0–1 are rejected', () => {
    const result = validateStats('retrieval_optimizer', { ...exampleStats.retrieval_optimizer, cache_hit_ratio: 90 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('cache_hit_ratio');
  });

  test('histogram buckets must be cumulative, increasing and end in +Inf', () => {
    const stats = clone(exampleStats.pattern_storage);
    stats.latency_seconds.buckets![2].count = 5;
    stats.latency_seconds.buckets![4].le = 10;
    const result = validateStats('pattern_storage', stats);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path).sort()).toEqual(
        ['latency_seconds.buckets[2].count', 'latency_seconds.buckets[4].le'].sort()
      );
    }
  });

  test('latency with quantiles only is accepted; with neither buckets nor quantiles it is not', () => {
    const quantiles = { ...exampleStats.analytics_dashboard, latency_seconds: { p50: 0.01, p95: 0.05 } };
    expect(validateStats('analytics_dashboard', quantiles).ok).toBe(true);
    const empty = { ...exampleStats.analytics_dashboard, latency_seconds: { sum: 3 } };
    const result = validateStats('analytics_dashboard', empty);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('latency_seconds');
  });

  test('busy workers cannot exceed the pool size', () => {
    const stats = clone(exampleStats.distributed_processor);
    stats.pools.thread.workers_busy = 99;
    const result = validateStats('distributed_processor', stats);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('pools.thread.workers_busy');
  });

  test('an unknown order status is rejected at its array index', () => {
    const stats = clone(exampleStats.trading_engine);
    (stats.orders[1] as Record<string, unknown>).status = 'lost';
    const result = validateStats('trading_engine', stats);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('orders[1].status');
  });
});

describe('parseJsonBody', () => {
  test('parses JSON', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  test('refuses a body over the limit before parsing it', () => {
    const result = parseJsonBody(JSON.stringify({ pad: 'x'.repeat(2000) }), 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/exceeds the 1000-byte limit/);
  });
  test('reports broken JSON', () => {
    const result = parseJsonBody('{"status": "heal');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not JSON/);
  });
});

test('default ports follow the table order', () => {
  expect(defaultServicePort('pattern_storage')).toBe(8101);
  expect(defaultServicePort('sentiment_service')).toBe(8109);
});

test('docs/contract.md is generated from the current schemas', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'contract.md'), 'utf8');
  expect(committed).toBe(renderContractDoc());
});
