// The python dialect over real HTTP: every body is what Python's json.dumps would have written (checked
// by python3's json.loads and json.dumps), and it says the same as the contract dialect of an emulator
// with the same seed, clock and faults, just spelt the Python way.
import { REFERENCE_DEPENDENCIES, SERVICE_KINDS, validateHealthRecord, type ServiceKind } from '@alphapulse/contracts';
import fc from 'fast-check';
import { parseDialectOptions, startEmulator, type RunningEmulator } from '../src/emulator';
import { FaultStore } from '../src/faults/faultStore';
import { Simulation } from '../src/services/simulation';
import { createManualClock } from '../src/services/clock';
import {
  MIN_SAMPLES_FOR_P95,
  PYTHON_STATUS_WORDS,
  pythonIsoformat,
  pythonMoment,
  encodePayload,
  pythonPerformanceMetrics,
} from '../src/services/dialects/pythonDialect';
import { pythonLoads, testWithPython3, untag } from './support/python3';

const START = Date.parse('2026-11-25T03:00:00Z'); // night: low load, so some p95 windows are too thin
const NAIVE_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/;

type Body = { path: string; kind: ServiceKind; contract: any; python: any; text: string };

function checkHealth({ kind, contract: c, python: p }: Body): void {
  expect(p.service_name).toBe(kind);
  expect(p.status).toBe(PYTHON_STATUS_WORDS[kind][c.status as 'healthy' | 'degraded']);
  expect(p.last_heartbeat).toMatch(NAIVE_ISO);
  // Naive means UTC; the Python loop stamped within the second before the simulated heartbeat.
  const heartbeatMs = Date.parse(`${p.last_heartbeat}Z`);
  expect(heartbeatMs).toBeLessThanOrEqual(Date.parse(c.last_heartbeat));
  expect(heartbeatMs).toBeGreaterThan(Date.parse(c.last_heartbeat) - 1000);
  expect(p.uptime).toBe(c.uptime);
  expect([p.error_count, p.warning_count, p.dependencies]).toEqual([c.error_count, c.warning_count, c.dependencies]);
  expect(p).toMatchObject({ hostname: expect.any(String), pid: expect.any(Number), python_version: '3.11.9' });
  const pm = p.performance_metrics;
  const flat = c.performance_metrics;
  expect(pm.requests_per_second).toBe(flat.requests_per_second);
  expect(pm.latency.p95).toEqual(flat.requests_per_second >= MIN_SAMPLES_FOR_P95 ? flat.latency_p95_seconds : NaN);
  expect(pm.load.factor).toBe(flat.load_factor);
  expect(['fast', 'throttled']).toContain(pm.mode);
  const nestedExpectations: Partial<Record<ServiceKind, () => void>> = {
    retrieval_optimizer: () => expect(pm.cache.hit_ratio).toBe(flat.cache_hit_ratio),
    predictive_optimizer: () => expect(pm.models.random_forest.accuracy).toBe(flat.random_forest_accuracy),
    trading_engine: () => expect(pm.portfolio).toEqual({ total_equity: flat.equity.toFixed(2), open_positions: flat.open_positions }),
    distributed_processor: () => expect(pm.queue.depth).toBe(flat.queue_depth),
    sentiment_service: () => expect(pm.sources.twitter.outage).toBe(flat.twitter_outage === 1),
    risk_manager: () => expect(pm.drawdown.current).toBe(flat.current_drawdown_ratio),
    pattern_storage: () => expect(pm.workers.busy).toBe(flat.workers_busy),
  };
  nestedExpectations[kind]?.();
}

function checkStats({ kind, contract: c, python: p }: Body): void {
  expect(p.requests_total).toBe(String(c.requests_total));
  expect(p.cpu_seconds_total).toBe(Math.floor(c.cpu_seconds_total));
  expect(p.timestamp).toMatch(NAIVE_ISO);
  expect(p.resident_memory_bytes).toBe(c.resident_memory_bytes);
  expect(p.latency_seconds.buckets).toEqual(c.latency_seconds.buckets);
  const unknown = c.latency_seconds.count === 0;
  for (const q of ['p50', 'p95', 'p99']) expect(p.latency_seconds[q]).toEqual(unknown ? NaN : c.latency_seconds[q]);
  // Per-dependency calls are the same numbers in both dialects.
  expect(p.dependency_calls).toEqual(c.dependency_calls);
  expect(p.dependency_calls.map((d: { dependency: string }) => d.dependency)).toEqual([...REFERENCE_DEPENDENCIES[kind]]);
  expect(p.gc_collections).toHaveLength(3);
  if (kind === 'trading_engine') {
    expect(p.equity).toBe(c.equity.toFixed(2));
    for (const [name, strategy] of Object.entries<any>(c.strategies)) {
      expect(p.strategies[name].realized_pnl).toBe(strategy.realized_pnl.toFixed(2));
    }
  }
  if (kind === 'pattern_storage') expect(p.storage_bytes).toBe(String(c.storage_bytes));
  if (kind === 'predictive_optimizer') {
    for (const [name, model] of Object.entries<any>(c.models)) {
      expect(p.models[name].last_retrain_time).toMatch(NAIVE_ISO);
      expect(Date.parse(`${p.models[name].last_retrain_time}Z`)).toBe(Date.parse(model.last_retrain_time));
    }
  }
}


describe('python dialect against the contract dialect (same seed, clock and faults)', () => {
  const clock = createManualClock(START);
  let contract: RunningEmulator;
  let python: RunningEmulator;

  beforeAll(async () => {
    contract = await startEmulator({ basePort: 0, controlPort: 0, seed: 31, clock });
    python = await startEmulator({ basePort: 0, controlPort: 0, seed: 31, clock, dialect: 'python' });
  });
  afterAll(() => Promise.all([contract?.stop(), python?.stop()]));

  const setFaultOnBoth = (service: string, mode: string) =>
    Promise.all(
      [contract, python].map((emulator) =>
        fetch(`${emulator.controlUrl}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ service, mode }) }),
      ),
    );

  async function bodies(): Promise<Body[]> {
    const out: { path: string; kind: ServiceKind; contract: any; text: string }[] = [];
    for (const [i, service] of python.services.entries()) {
      for (const path of ['/health', '/stats']) {
        const text = await (await fetch(`${service.url}${path}`)).text();
        const reference = await (await fetch(`${contract.services[i].url}${path}`)).json();
        out.push({ path, kind: service.name, contract: reference, text });
      }
    }
    const views = pythonLoads(out.map((b) => b.text));
    return out.map((body, i) => {
      // Python would have written exactly these bytes: json.dumps(json.loads(body)) == body.
      expect({ kind: body.kind, path: body.path, same: views[i].same }).toEqual({ kind: body.kind, path: body.path, same: true });
      return { ...body, python: untag(views[i].value) };
    });
  }

  testWithPython3('every /health and /stats, from start-up through a degraded spell, over real HTTP', async () => {
    const seen = { nan: false, nested: false, numericString: false, words: new Set<string>(), p95: { known: 0, unknown: 0 } };
    const check = async () => {
      for (const body of await bodies()) {
        if (/\bNaN\b/.test(body.text)) seen.nan = true;
        if (body.path === '/health') {
          checkHealth(body);
          seen.words.add(body.python.status);
          seen.p95[Number.isNaN(body.python.performance_metrics.latency.p95) ? 'unknown' : 'known']++;
          if (Object.values(body.python.performance_metrics).some((v) => typeof v === 'object')) seen.nested = true;
        } else {
          checkStats(body);
          if (typeof body.python.requests_total === 'string') seen.numericString = true;
        }
      }
    };
    await check(); // at start-up nothing has been measured yet: NaN quantiles
    clock.advance(90_000);
    await check();
    await setFaultOnBoth('pattern_storage', 'degraded');
    clock.advance(30_000);
    await check();
    clock.advance(3 * 3600_000); // morning: load rises, windows fill
    await check();
    expect(seen.nan).toBe(true);
    expect(seen.nested).toBe(true);
    expect(seen.numericString).toBe(true);
    expect(seen.p95.known).toBeGreaterThan(0);
    expect(seen.p95.unknown).toBeGreaterThan(0);
    // Statuses as Python teams write them, including a degraded one.
    for (const word of ['OK', 'Healthy', 'warning', 'HEALTHY', 'up']) expect(seen.words).toContain(word);
  });

  test('GET / on the control API says which dialect each service speaks', async () => {
    const root = (await (await fetch(`${python.controlUrl}/`)).json()) as { services: { dialect: string }[] };
    expect(root.services.map((s) => s.dialect)).toEqual(SERVICE_KINDS.map(() => 'python'));
    expect(python.services.every((s) => s.dialect === 'python')).toBe(true);
  });
});

testWithPython3('property: for any seed, time of day and fault, the python payloads say what the contract ones say', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 900 }),
      fc.option(fc.record({ service: fc.constantFrom(...SERVICE_KINDS), mode: fc.constantFrom('degraded' as const, 'error_burst' as const, 'hung' as const) }), { nil: undefined }),
      (seed, hour, seconds, fault) => {
        const clock = createManualClock(Date.parse('2026-11-25T00:00:00Z') + hour * 3600_000);
        const faults = new FaultStore(clock);
        const simulation = new Simulation({ seed, clock, faults });
        if (fault) faults.set(fault);
        clock.advance(seconds * 1000);
        const bodies = SERVICE_KINDS.flatMap((kind) =>
          (['/health', '/stats'] as const).map((path) => {
            const contract = JSON.parse(JSON.stringify(path === '/health' ? simulation.health(kind) : simulation.stats(kind)));
            return { path, kind, contract, text: encodePayload('python', kind, path, contract) };
          }),
        );
        const views = pythonLoads(bodies.map((b) => b.text));
        bodies.forEach((body, i) => {
          expect(views[i].same).toBe(true);
          const checked = { ...body, python: untag(views[i].value) };
          if (body.path === '/health') checkHealth(checked);
          else checkStats(checked);
        });
      },
    ),
    { numRuns: 15 },
  );
});

testWithPython3('per-service dialects: one contract service among Python ones', async () => {
  const clock = createManualClock(START);
  const emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 3, clock, dialect: 'python', serviceDialects: { risk_manager: 'contract' } });
  try {
    clock.advance(5_000);
    const texts = await Promise.all(emulator.services.map(async (s) => (await fetch(`${s.url}/health`)).text()));
    const views = pythonLoads(texts);
    for (const [i, service] of emulator.services.entries()) {
      const record = untag(views[i].value) as any;
      if (service.name === 'risk_manager') {
        expect(service.dialect).toBe('contract');
        expect(validateHealthRecord(JSON.parse(texts[i])).ok).toBe(true);
        expect(record.status).toBe('healthy');
      } else {
        expect(service.dialect).toBe('python');
        expect(record.last_heartbeat).toMatch(NAIVE_ISO);
        expect(validateHealthRecord(record).ok).toBe(false); // naive time and nested metrics: not the contract
      }
    }
  } finally {
    await emulator.stop();
  }
});

describe('pure parts', () => {
  test('isoformat as Python writes it: microseconds only when there are some', () => {
    const ms = Date.parse('2026-12-01T22:15:03Z');
    expect(pythonIsoformat(ms * 1000)).toBe('2026-12-01T22:15:03');
    expect(pythonIsoformat(ms * 1000 + 123_456)).toBe('2026-12-01T22:15:03.123456');
    expect(pythonIsoformat(ms * 1000 + 7)).toBe('2026-12-01T22:15:03.000007');
    const moment = pythonMoment('trading_engine', ms);
    expect(moment).toBeLessThanOrEqual(ms * 1000);
    expect(moment).toBeGreaterThan(ms * 1000 - 1e6);
    expect(pythonMoment('trading_engine', ms)).toBe(moment); // deterministic
  });

  test('queue drain time: Infinity when nothing moves, NaN when nothing waits either', () => {
    const base = { latency_p95_seconds: 0.1, load_factor: 0.1 };
    expect((pythonPerformanceMetrics('distributed_processor', { ...base, requests_per_second: 0, queue_depth: 12 }).queue as any).drain_seconds).toBe(Infinity);
    expect((pythonPerformanceMetrics('distributed_processor', { ...base, requests_per_second: 0, queue_depth: 0 }).queue as any).drain_seconds).toBeNaN();
    expect((pythonPerformanceMetrics('distributed_processor', { ...base, requests_per_second: 4, queue_depth: 12 }).queue as any).drain_seconds).toBe(3);
  });

  test('dialect options from text: names, case, and errors that name the bad entry', () => {
    expect(parseDialectOptions('Python')).toEqual({ dialect: 'python' });
    expect(parseDialectOptions(undefined, 'pattern_storage=python, risk_manager=contract')).toEqual({
      serviceDialects: { pattern_storage: 'python', risk_manager: 'contract' },
    });
    expect(parseDialectOptions('', '')).toEqual({});
    expect(() => parseDialectOptions('perl')).toThrow(/"perl".*contract or python/);
    expect(() => parseDialectOptions(undefined, 'pattern_store=python')).toThrow(/"pattern_store=python"/);
    expect(() => parseDialectOptions(undefined, 'risk_manager=ruby')).toThrow(/"risk_manager=ruby"/);
  });
});
