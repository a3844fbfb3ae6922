// Per-dependency call stats (issue #12): the pure call rules, the counters' laws as properties over
// random seeds and fault histories, and the payload over real HTTP against the contract's latencySchema.
import { SERVICE_KINDS, REFERENCE_DEPENDENCIES, latencySchema, validateStats, type ServiceKind } from '@alphapulse/contracts';
import fc from 'fast-check';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { FAULT_MODES, type FaultMode } from '../src/faults/faultModes';
import { FaultStore } from '../src/faults/faultStore';
import { createManualClock } from '../src/services/clock';
import {
  BASE_CALL_ERROR_RATIO,
  CALL_TIMEOUT_SECONDS,
  callCondition,
  callsPerRequest,
  failedCalls,
  type DependencyCallStats,
} from '../src/services/dependencyCalls';
import { directDependentsOf } from '../src/services/dependencyGraph';
import { Simulation } from '../src/services/simulation';

const START = Date.parse('2026-11-25T13:00:00Z');
const callsOf = (simulation: Simulation, kind: ServiceKind): DependencyCallStats[] =>
  (simulation.stats(kind) as { dependency_calls: DependencyCallStats[] }).dependency_calls;

function world(seed: number) {
  const clock = createManualClock(START);
  const faults = new FaultStore(clock);
  const simulation = new Simulation({ seed, clock, faults });
  const setFault = (service: ServiceKind, mode: FaultMode) => {
    simulation.advance(); // as the emulator does: the past is stepped before a fault changes
    faults.set({ service, mode });
  };
  const clear = (service: ServiceKind) => {
    simulation.advance();
    faults.clear(service);
  };
  return { clock, faults, simulation, setFault, clear };
}

describe('call rules (pure)', () => {
  const medians = fc.double({ min: 0.0001, max: 2, noNaN: true });
  const modes = fc.constantFrom<FaultMode | undefined>(undefined, ...FAULT_MODES);

  test('failedCalls: never negative, never above the calls, non-decreasing in the error ratio', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, p, q, u) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        const a = failedCalls(n, low, u);
        const b = failedCalls(n, high, u);
        expect(Number.isInteger(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(n);
        expect(a).toBeLessThanOrEqual(b);
      }),
    );
    expect(failedCalls(17, 1, 0.99)).toBe(17);
    expect(failedCalls(17, 0, 0.99)).toBe(0);
  });

  test('a degraded dependency fails more calls and answers slower than a healthy one, in any fault mode', () => {
    fc.assert(
      fc.property(medians, modes, fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }), (medianSeconds, mode, delaySeconds) => {
        const base = { kind: 'service' as const, medianSeconds, mode, ...(delaySeconds !== undefined && { delaySeconds }) };
        const healthy = callCondition({ ...base, status: 'healthy' });
        const degraded = callCondition({ ...base, status: 'degraded' });
        const down = callCondition({ ...base, status: 'down' });
        expect(degraded.errorRatio).toBeGreaterThanOrEqual(healthy.errorRatio);
        expect(degraded.latency.medianSeconds).toBeGreaterThanOrEqual(healthy.latency.medianSeconds);
        if (healthy.errorRatio < 1) expect(degraded.errorRatio).toBeGreaterThan(healthy.errorRatio);
        expect(down.errorRatio).toBe(1);
        expect(down.latency.medianSeconds).toBe(CALL_TIMEOUT_SECONDS);
        expect(down.latency.medianSeconds).toBeGreaterThanOrEqual(degraded.latency.medianSeconds);
      }),
    );
  });

  test('fault modes that break answers fail more calls than a healthy dependency', () => {
    const healthy = callCondition({ kind: 'service', status: 'healthy', medianSeconds: 0.01 });
    expect(healthy.errorRatio).toBeCloseTo(BASE_CALL_ERROR_RATIO, 12);
    for (const mode of ['down', 'hung', 'errors', 'error_burst', 'malformed'] as const) {
      expect(callCondition({ kind: 'service', status: 'healthy', medianSeconds: 0.01, mode }).errorRatio).toBeGreaterThanOrEqual(0.5);
    }
    expect(callCondition({ kind: 'service', status: 'healthy', medianSeconds: 0.01, mode: 'slow', delaySeconds: 1 }).latency.medianSeconds).toBe(1);
    expect(callCondition({ kind: 'service', status: 'healthy', medianSeconds: 0.01, mode: 'slow', delaySeconds: 5 }).errorRatio).toBe(1);
    const outage = callCondition({ kind: 'external', name: 'twitter_api', outage: true });
    const fine = callCondition({ kind: 'external', name: 'twitter_api', outage: false });
    expect(outage.errorRatio).toBeGreaterThan(fine.errorRatio);
    expect(outage.latency.medianSeconds).toBeGreaterThan(fine.latency.medianSeconds);
  });
});

describe('counters in the simulation (properties over seeds and fault histories)', () => {
  const actions = fc.array(
    fc.record({
      seconds: fc.integer({ min: 1, max: 240 }),
      service: fc.constantFrom(...SERVICE_KINDS),
      // undefined clears the service's fault
      mode: fc.constantFrom<FaultMode | undefined>(undefined, 'down', 'hung', 'slow', 'errors', 'degraded', 'error_burst', 'latency_spike', 'malformed'),
    }),
    { minLength: 1, maxLength: 12 },
  );

  test('requests, errors and every latency bucket are monotone; they reset only when the service itself restarts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), actions, (seed, history) => {
        const { clock, faults, simulation, setFault, clear } = world(seed);
        const previous = new Map<ServiceKind, DependencyCallStats[]>();
        for (const action of history) {
          if (action.mode) setFault(action.service, action.mode);
          else clear(action.service);
          clock.advance(action.seconds * 1000);
          simulation.advance();
          for (const kind of SERVICE_KINDS) {
            // A fault lasts at least until the next reading, so every down spell (hence restart) is seen here.
            if (faults.modeAt(kind, clock.now()) === 'down') {
              previous.delete(kind);
              continue;
            }
            const now = callsOf(simulation, kind);
            const before = previous.get(kind);
            expect(now.map((c) => c.dependency)).toEqual([...REFERENCE_DEPENDENCIES[kind]]);
            for (const [i, call] of now.entries()) {
              expect(latencySchema.safeParse(call.latency).success).toBe(true);
              expect(call.errors).toBeLessThanOrEqual(call.requests);
              expect(call.latency.count).toBe(call.requests);
              if (!before) continue;
              expect(call.requests).toBeGreaterThanOrEqual(before[i].requests);
              expect(call.errors).toBeGreaterThanOrEqual(before[i].errors);
              expect(call.latency.sum).toBeGreaterThanOrEqual(before[i].latency.sum);
              call.latency.buckets.forEach((bucket, b) => expect(bucket.count).toBeGreaterThanOrEqual(before[i].latency.buckets[b].count));
            }
            previous.set(kind, now);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  test('a degraded dependency: its callers make the same calls, more of them fail, and they take longer', () => {
    const withDependents = SERVICE_KINDS.filter((kind) => directDependentsOf(kind).length > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...withDependents), (seed, dependency) => {
        const clean = world(seed);
        const faulted = world(seed);
        faulted.setFault(dependency, 'degraded');
        for (let minute = 1; minute <= 10; minute++) {
          clean.clock.advance(60_000);
          faulted.clock.advance(60_000);
          for (const caller of directDependentsOf(dependency)) {
            const a = callsOf(clean.simulation, caller).find((c) => c.dependency === dependency)!;
            const b = callsOf(faulted.simulation, caller).find((c) => c.dependency === dependency)!;
            // Call rate follows the caller's load, which the dependency's fault does not change.
            expect(b.requests).toBe(a.requests);
            expect(b.errors).toBeGreaterThanOrEqual(a.errors); // second by second, not just on average
            expect(b.latency.sum).toBeGreaterThanOrEqual(a.latency.sum);
            if (minute === 10) {
              expect(b.errors).toBeGreaterThan(a.errors);
              expect(b.latency.sum).toBeGreaterThan(a.latency.sum);
              expect(b.errors / b.requests).toBeGreaterThan(0.02);
            }
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});

test('call volume follows the caller load: night against the daily peak, and the per-request rate', () => {
  const { clock, simulation } = world(4);
  const totals = (kind: ServiceKind) => ({
    requests: simulation.stats(kind).requests_total,
    calls: callsOf(simulation, kind).find((c) => c.dependency === 'timescaledb')!.requests,
  });
  clock.advance(3_600_000);
  const first = totals('pattern_storage');
  clock.advance(3_600_000);
  const second = totals('pattern_storage');
  const ratio = (second.calls - first.calls) / (second.requests - first.requests);
  expect(ratio).toBeGreaterThan(callsPerRequest('timescaledb') * 0.95);
  expect(ratio).toBeLessThan(callsPerRequest('timescaledb') * 1.05);
});

test('down: every call to it fails at the timeout, and a restarted caller starts its counters from zero', () => {
  const { clock, simulation, setFault, clear } = world(9);
  clock.advance(600_000);
  const before = callsOf(simulation, 'trading_engine').find((c) => c.dependency === 'risk_manager')!;
  setFault('risk_manager', 'down');
  clock.advance(60_000);
  const during = callsOf(simulation, 'trading_engine').find((c) => c.dependency === 'risk_manager')!;
  expect(during.requests - before.requests).toBeGreaterThan(100);
  expect(during.errors - before.errors).toBe(during.requests - before.requests);
  // Every new call landed in the bucket holding the timeout (2.5 s < 3 s ≤ 5 s).
  const bucket = (stats: DependencyCallStats, le: number) => stats.latency.buckets.find((b) => b.le === le)!.count;
  expect(bucket(during, 2.5) - bucket(before, 2.5)).toBe(0);
  expect(bucket(during, 5) - bucket(before, 5)).toBe(during.requests - before.requests);
  clear('risk_manager');

  const caller = callsOf(simulation, 'trading_engine')[0];
  setFault('trading_engine', 'down');
  clock.advance(30_000);
  clear('trading_engine');
  clock.advance(2_000);
  const restarted = callsOf(simulation, 'trading_engine')[0];
  expect(caller.requests).toBeGreaterThan(1000);
  expect(restarted.requests).toBeLessThan(100);
});

describe('over HTTP', () => {
  let emulator: RunningEmulator;
  const clock = createManualClock(START);
  beforeAll(async () => {
    emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 21, clock });
  });
  afterAll(() => emulator.stop());

  test('every /stats has one dependency_calls entry per dependency, each a valid latency histogram', async () => {
    clock.advance(300_000);
    for (const { name, url } of emulator.services) {
      const stats = (await (await fetch(`${url}/stats`)).json()) as { dependency_calls: DependencyCallStats[] };
      expect(validateStats(name, stats).ok).toBe(true);
      expect(stats.dependency_calls.map((c) => c.dependency)).toEqual([...REFERENCE_DEPENDENCIES[name]]);
      for (const call of stats.dependency_calls) {
        expect(Object.keys(call).sort()).toEqual(['dependency', 'errors', 'latency', 'requests']);
        expect(Object.keys(call.latency).sort()).toEqual(['buckets', 'count', 'sum']);
        expect(latencySchema.safeParse(call.latency).success).toBe(true);
        expect(call.latency.buckets[0]).toEqual({ le: 0.005, count: expect.any(Number) });
        expect(call.latency.buckets.at(-1)).toEqual({ le: '+Inf', count: call.requests });
        expect(call.requests).toBeGreaterThan(0);
      }
    }
  });
});
