// The small pure pieces under the emulated services.
import { EXTERNAL_DEPENDENCIES, SERVICE_KINDS, isServiceKind } from '@alphapulse/contracts';
import { createManualClock } from '../src/services/clock';
import { SERVICE_DEPENDENCIES, directDependentsOf, serviceDependenciesOf } from '../src/services/dependencyGraph';
import { diurnalLoad } from '../src/services/diurnalLoad';
import { LatencyHistogram, normalCdf } from '../src/services/latencyHistogram';
import { ProcessState, type ProcessProfile } from '../src/services/processDynamics';
import { createRandom } from '../src/services/random';

describe('random', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const c = createRandom(100);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  test('forks are independent of how much the parent has drawn', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  test('draws stay in range and have about the right mean', () => {
    const rng = createRandom(1);
    let sum = 0;
    let poissonSum = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const n = rng.integer(3, 5);
      expect([3, 4, 5]).toContain(n);
      sum += rng.normal();
      poissonSum += rng.poisson(4);
    }
    expect(Math.abs(sum / 20_000)).toBeLessThan(0.05);
    expect(poissonSum / 20_000).toBeCloseTo(4, 1);
  });
});

test('a manual clock only moves forward', () => {
  const clock = createManualClock(1_000);
  clock.advance(500);
  expect(clock.now()).toBe(1_500);
  expect(() => clock.advance(-1)).toThrow();
  expect(() => clock.set(10)).toThrow();
});

describe('dependency graph', () => {
  test('every dependency is a service or a known external, and no service depends on itself', () => {
    for (const kind of SERVICE_KINDS) {
      for (const dependency of SERVICE_DEPENDENCIES[kind]) {
        expect(isServiceKind(dependency) || (EXTERNAL_DEPENDENCIES as readonly string[]).includes(dependency)).toBe(true);
        expect(dependency).not.toBe(kind);
      }
    }
  });

  test('has no cycles', () => {
    const visiting = new Set<string>();
    const visit = (kind: (typeof SERVICE_KINDS)[number], path: string[]) => {
      if (visiting.has(kind)) throw new Error(`cycle: ${[...path, kind].join(' → ')}`);
      visiting.add(kind);
      for (const dependency of serviceDependenciesOf(kind)) visit(dependency, [...path, kind]);
      visiting.delete(kind);
    };
    for (const kind of SERVICE_KINDS) visit(kind, []);
  });

  test('follows ALPHAPULSE.md', () => {
    expect(SERVICE_DEPENDENCIES.trading_engine).toEqual([
      'risk_manager',
      'retrieval_optimizer',
      'sentiment_service',
      'predictive_optimizer',
      'exchange_api',
    ]);
    expect(directDependentsOf('distributed_processor').sort()).toEqual(['analytics_dashboard', 'predictive_optimizer', 'sentiment_service']);
  });
});

test('load is higher on a weekday afternoon than at night or on a weekend', () => {
  const wednesdayAfternoon = diurnalLoad(Date.parse('2026-11-25T15:00:00Z'));
  expect(wednesdayAfternoon).toBeGreaterThan(2 * diurnalLoad(Date.parse('2026-11-25T03:00:00Z')));
  expect(wednesdayAfternoon).toBeGreaterThan(diurnalLoad(Date.parse('2026-11-28T15:00:00Z')));
});

describe('latency histogram', () => {
  test('normalCdf is accurate', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.6448536)).toBeCloseTo(0.95, 5);
    expect(normalCdf(-2.3263479)).toBeCloseTo(0.01, 5);
  });

  test('buckets are cumulative, end at +Inf and agree with the request count', () => {
    const histogram = new LatencyHistogram();
    const rng = createRandom(3);
    for (let i = 0; i < 1_000; i++) histogram.observe(rng.integer(0, 50), { medianSeconds: rng.between(0.002, 0.2), sigma: 0.8 }, rng.next());
    const contract = histogram.toContract({ medianSeconds: 0.01, sigma: 0.8 });
    const buckets = contract.buckets!;
    for (let i = 1; i < buckets.length; i++) expect(buckets[i].count).toBeGreaterThanOrEqual(buckets[i - 1].count);
    expect(buckets[buckets.length - 1]).toEqual({ le: '+Inf', count: contract.count });
    expect(contract.p99!).toBeGreaterThan(contract.p95!);
  });
});

describe('process dynamics', () => {
  const profile: ProcessProfile = {
    version: 't',
    requestsPerSecond: 50,
    latencyMedianSeconds: 0.01,
    latencySigma: 0.5,
    cpuSecondsPerRequest: 0.001,
    idleCpuSecondsPerSecond: 0.01,
    baseMemoryBytes: 10_000_000,
    memoryGrowthBytesPerSecond: 50_000,
    errorBurstsPerHour: 0,
  };
  const conditions = { timeMs: Date.parse('2026-11-25T15:00:00Z'), failingRequests: false, forcedDegraded: false, dependencyUnavailable: false };

  test('memory grows, then a collection drops it back near its base', () => {
    const process = new ProcessState(profile);
    const rng = createRandom(8);
    let drops = 0;
    let previous = process.residentMemoryBytes;
    for (let i = 0; i < 3_000; i++) {
      process.step(rng, conditions);
      if (process.residentMemoryBytes < previous) drops++;
      previous = process.residentMemoryBytes;
    }
    expect(drops).toBeGreaterThan(0);
    expect(process.residentMemoryBytes).toBeLessThan(profile.baseMemoryBytes * 2);
  });

  test('a burst adds errors every second while it lasts', () => {
    const process = new ProcessState({ ...profile, errorBurstsPerHour: 3600 });
    const rng = createRandom(8);
    process.step(rng, conditions);
    expect(process.inErrorBurst).toBe(true);
    const before = process.errorCount;
    for (let i = 0; i < 10; i++) process.step(rng, conditions);
    expect(process.errorCount).toBeGreaterThanOrEqual(before + 10);
  });

  test('CPU seconds grow with the work done', () => {
    const process = new ProcessState(profile);
    const rng = createRandom(8);
    for (let i = 0; i < 100; i++) process.step(rng, conditions);
    expect(process.cpuSecondsTotal).toBeGreaterThan(100 * profile.idleCpuSecondsPerSecond + 0.5 * process.requestsTotal * profile.cpuSecondsPerRequest);
  });
});
