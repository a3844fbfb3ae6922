// The scenario fault modes, over real HTTP: the service keeps answering payloads that pass the contract,
// the one field each mode is about moves past its alert threshold, and clearing restores normal dynamics.
// A twin emulator (same seed, same clock, no faults) shows what "normal" is at every moment.
import { SERVICE_KINDS, validateHealthRecord, validateStats, type ServiceKind } from '@alphapulse/contracts';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { SCENARIO_FAULT_MODES, SCENARIO_SCOPE } from '../src/faults/faultModes';
import { parseFaultRequest } from '../src/faults/faultRequest';
import { createManualClock } from '../src/services/clock';

// fetch types json() as unknown; these tests look into the payloads freely.
const json = (res: Response): Promise<any> => res.json();

// Thresholds of the alert rules in dashboards/src/alerting/rules.ts that each mode is meant to trip.
const GIB = 1024 ** 3;

const clock = createManualClock(Date.parse('2026-11-25T14:00:00Z'));
let emulator: RunningEmulator;
let twin: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 23, clock });
  twin = await startEmulator({ basePort: 0, controlPort: 0, seed: 23, clock });
});
afterEach(() => fetch(`${emulator.controlUrl}/faults`, { method: 'DELETE' }));
afterAll(async () => {
  await emulator.stop();
  await twin.stop();
});

async function setFault(body: Record<string, unknown>) {
  const res = await fetch(`${emulator.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return json(res);
}
const clearFault = (service: ServiceKind) => fetch(`${emulator.controlUrl}/faults/${service}`, { method: 'DELETE' });

/** Both payloads of a service, checked against the contract on the way. */
async function read(on: RunningEmulator, service: ServiceKind): Promise<{ health: any; stats: any }> {
  const url = on.services.find((s) => s.name === service)!.url;
  const [healthRes, statsRes] = await Promise.all([fetch(`${url}/health`), fetch(`${url}/stats`)]);
  expect([healthRes.status, statsRes.status]).toEqual([200, 200]);
  const [health, stats] = await Promise.all([json(healthRes), json(statsRes)]);
  expect(validateHealthRecord(health)).toMatchObject({ ok: true });
  expect(validateStats(service, stats)).toMatchObject({ ok: true });
  return { health, stats };
}
const both = async (service: ServiceKind) => ({ faulted: await read(emulator, service), normal: await read(twin, service) });

test('error_burst: error_count climbs by most of the requests while health and stats still answer', async () => {
  clock.advance(30_000);
  const before = await both('retrieval_optimizer');
  expect(before.faulted.health.error_count).toBe(before.normal.health.error_count);
  await setFault({ service: 'retrieval_optimizer', mode: 'error_burst' });
  clock.advance(20_000);
  const during = await both('retrieval_optimizer');
  const errors = during.faulted.health.error_count - before.faulted.health.error_count;
  const requests = during.faulted.stats.requests_total - before.faulted.stats.requests_total;
  expect(errors / requests).toBeGreaterThan(0.5); // HighErrorRate: over 5 %
  expect(during.faulted.health.status).toBe('degraded');

  await clearFault('retrieval_optimizer');
  clock.advance(20_000);
  const after = await both('retrieval_optimizer');
  // The counter keeps what it counted; from now on it grows exactly as it would have without the fault.
  const offset = after.faulted.health.error_count - after.normal.health.error_count;
  expect(offset).toBe(during.faulted.health.error_count - during.normal.health.error_count);
  expect(after.faulted.health.status).toBe(after.normal.health.status);
});

test('latency_spike: the histogram and the quantiles move past a 1 s p95; clearing brings them back', async () => {
  await setFault({ service: 'trading_engine', mode: 'latency_spike' });
  clock.advance(10_000);
  const during = await both('trading_engine');
  const latency = during.faulted.stats.latency_seconds;
  expect(latency.p95).toBeGreaterThan(1);
  expect(during.faulted.health.performance_metrics.latency_p95_seconds).toBeGreaterThan(1);
  expect(during.normal.stats.latency_seconds.p95).toBeLessThan(1);
  // Most of the last 10 s of requests sit above the 1 s bucket, none of the normal ones do.
  const over1s = (l: any) => l.count - l.buckets.find((b: { le: number | string }) => b.le === 1).count;
  expect(over1s(latency) - over1s(during.normal.stats.latency_seconds)).toBeGreaterThan(0);

  await clearFault('trading_engine');
  clock.advance(2_000);
  const after = await both('trading_engine');
  expect(after.faulted.stats.latency_seconds.p95).toBe(after.normal.stats.latency_seconds.p95);
  expect(after.faulted.health.performance_metrics).toEqual(after.normal.health.performance_metrics);
});

test('stale_heartbeat: last_heartbeat stops advancing (optionally backdated) while status and uptime go on', async () => {
  const { fault } = await setFault({ service: 'pattern_storage', mode: 'stale_heartbeat', stalledForSeconds: 100 });
  expect(fault).toMatchObject({ mode: 'stale_heartbeat', stalled_for_seconds: 100 });
  const setAt = clock.now();
  clock.advance(30_000);
  const during = await both('pattern_storage');
  expect(Date.parse(during.faulted.health.last_heartbeat)).toBe(setAt - 100_000);
  expect(clock.now() - Date.parse(during.faulted.health.last_heartbeat)).toBe(130_000); // StaleHeartbeat: over 120 s
  expect(during.faulted.health.uptime).toBe(during.normal.health.uptime);
  expect(during.faulted.health.status).toBe(during.normal.health.status);

  // Replacing it with another stale_heartbeat keeps the loop stuck since the first one.
  await setFault({ service: 'pattern_storage', mode: 'stale_heartbeat' });
  clock.advance(5_000);
  expect(Date.parse((await read(emulator, 'pattern_storage')).health.last_heartbeat)).toBe(setAt);
  await clearFault('pattern_storage');
  clock.advance(1_000);
  // Without a backdate it freezes where the fault found it.
  await setFault({ service: 'pattern_storage', mode: 'stale_heartbeat' });
  const frozenAt = clock.now();
  clock.advance(5_000);
  expect(Date.parse((await read(emulator, 'pattern_storage')).health.last_heartbeat)).toBe(frozenAt);

  await clearFault('pattern_storage');
  clock.advance(1_000);
  const after = await both('pattern_storage');
  expect(after.faulted.health.last_heartbeat).toBe(new Date(clock.now()).toISOString());
  expect(after.faulted.health).toEqual(after.normal.health);
});

test('memory_leak: resident memory climbs past 3 GiB and is capped; clearing frees it', async () => {
  await setFault({ service: 'pattern_storage', mode: 'memory_leak' });
  clock.advance(15_000);
  const during = await both('pattern_storage');
  expect(during.normal.stats.resident_memory_bytes).toBeLessThan(GIB);
  expect(during.faulted.stats.resident_memory_bytes).toBeGreaterThan(3 * GIB); // HighMemory
  clock.advance(60_000);
  expect((await read(emulator, 'pattern_storage')).stats.resident_memory_bytes).toBeLessThanOrEqual(8 * GIB);

  await clearFault('pattern_storage');
  clock.advance(1_000);
  const after = await both('pattern_storage');
  expect(after.faulted.stats.resident_memory_bytes).toBe(after.normal.stats.resident_memory_bytes);
});

test('queue_backlog: distributed_processor queue_depth passes 5,000; clearing purges the runaway tasks', async () => {
  await setFault({ service: 'distributed_processor', mode: 'queue_backlog' });
  clock.advance(15_000);
  const during = await both('distributed_processor');
  // On top of whatever the queue waves hold at this hour.
  expect(during.faulted.stats.queue_depth - during.normal.stats.queue_depth).toBe(15_000);
  expect(during.faulted.stats.queue_depth).toBeGreaterThan(5_000); // QueueBacklog
  expect(during.faulted.health.performance_metrics.queue_depth).toBe(during.faulted.stats.queue_depth);
  expect(during.faulted.stats.pools.thread.workers_busy).toBe(during.faulted.stats.pools.thread.workers_total);
  expect(during.faulted.health.status).toBe('degraded'); // the kind's own backlog reason

  await clearFault('distributed_processor');
  clock.advance(1_000);
  const after = await both('distributed_processor');
  expect(after.faulted.stats).toEqual(after.normal.stats);
});

test('accuracy_drop: every model loses over 10 points of accuracy; clearing restores it exactly', async () => {
  await setFault({ service: 'predictive_optimizer', mode: 'accuracy_drop' });
  clock.advance(20_000);
  const during = await both('predictive_optimizer');
  for (const [model, stats] of Object.entries<any>(during.faulted.stats.models)) {
    expect(during.normal.stats.models[model].accuracy - stats.accuracy).toBeCloseTo(0.3, 3); // ModelAccuracyDrop: 0.1
  }
  expect(during.faulted.health.status).toBe('degraded'); // below the 0.6 retrain threshold

  await clearFault('predictive_optimizer');
  clock.advance(1_000);
  const after = await both('predictive_optimizer');
  expect(after.faulted.stats.models).toEqual(after.normal.stats.models);
});

test('drawdown: risk_manager current_drawdown_ratio goes past 15 %; clearing restores it, the max remembers', async () => {
  await setFault({ service: 'risk_manager', mode: 'drawdown' });
  clock.advance(20_000);
  const during = await both('risk_manager');
  expect(during.faulted.stats.current_drawdown_ratio).toBeGreaterThan(0.15); // DrawdownOverLimit
  expect(during.faulted.stats.max_drawdown_ratio).toBeGreaterThan(0.15);
  expect(during.faulted.health.performance_metrics.current_drawdown_ratio).toBe(during.faulted.stats.current_drawdown_ratio);
  expect(during.faulted.stats.gross_exposure).toBe(during.normal.stats.gross_exposure); // the shared market is untouched

  await clearFault('risk_manager');
  clock.advance(1_000);
  const after = await both('risk_manager');
  expect(after.faulted.stats.current_drawdown_ratio).toBe(after.normal.stats.current_drawdown_ratio);
  expect(after.faulted.stats.max_drawdown_ratio).toBeGreaterThan(0.15);
  // The trading engine shares the market, not the risk model: it never saw the mark-down.
  expect((await read(emulator, 'trading_engine')).stats.equity).toBe((await read(twin, 'trading_engine')).stats.equity);
});

test('scenario modes a kind does not report are refused with 400 naming the field they move', async () => {
  for (const mode of SCENARIO_FAULT_MODES) {
    const kinds = SCENARIO_SCOPE[mode].kinds;
    for (const service of SERVICE_KINDS) {
      const parsed = parseFaultRequest({ service, mode });
      if (!kinds || kinds.includes(service)) expect(parsed).toMatchObject({ ok: true });
      else expect(parsed).toMatchObject({ ok: false, field: 'mode', error: expect.stringContaining(SCENARIO_SCOPE[mode].field) });
    }
  }
  const res = await fetch(`${emulator.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service: 'risk_manager', mode: 'queue_backlog' }),
  });
  expect(res.status).toBe(400);
  expect(await json(res)).toEqual({
    field: 'mode',
    error: 'mode "queue_backlog" moves queue_depth, which only distributed_processor reports; it does not apply to risk_manager',
  });
  expect(parseFaultRequest({ service: 'risk_manager', mode: 'down', stalledForSeconds: 5 })).toMatchObject({ ok: false, field: 'stalledForSeconds' });
  expect(parseFaultRequest({ service: 'risk_manager', mode: 'stale_heartbeat', stalledForSeconds: -5 })).toMatchObject({ ok: false, field: 'stalledForSeconds' });
});

test('scenario faults expire by the clock like any other', async () => {
  await setFault({ service: 'sentiment_service', mode: 'memory_leak', durationSeconds: 10 });
  clock.advance(5_000);
  expect((await read(emulator, 'sentiment_service')).stats.resident_memory_bytes).toBeGreaterThan(GIB);
  clock.advance(6_000);
  const after = await both('sentiment_service');
  expect(after.faulted.stats.resident_memory_bytes).toBe(after.normal.stats.resident_memory_bytes);
});
