// Every fault mode, injected through the control API and observed over real HTTP.
import { MAX_PAYLOAD_BYTES, parseJsonBody, validateHealthRecord, validateStats } from '@alphapulse/contracts';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { createManualClock } from '../src/services/clock';

// fetch types json() as unknown; these tests look into the payloads freely.
const json = (res: Response): Promise<any> => res.json();

const clock = createManualClock(Date.parse('2026-11-25T14:00:00Z'));
let emulator: RunningEmulator;
const urlOf = (service: string) => emulator.services.find((s) => s.name === service)!.url;

async function setFault(body: Record<string, unknown>) {
  const res = await fetch(`${emulator.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return json(res);
}

const clearFaults = async (service?: string) =>
  json(await fetch(`${emulator.controlUrl}/faults${service ? `/${service}` : ''}`, { method: 'DELETE' }));

const health = async (service: string) => json(await fetch(`${urlOf(service)}/health`));

/** The error code under a failed fetch, e.g. ECONNREFUSED, or the error's name (TimeoutError). */
async function failureOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? (err as Error).name;
  }
  throw new Error('the request succeeded');
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 17, clock });
});
afterEach(() => clearFaults());
afterAll(() => emulator.stop());

test('down: the port refuses connections, dependents degrade, and clearing restarts the service', async () => {
  clock.advance(120_000);
  expect((await health('risk_manager')).uptime).toBe(120);
  await setFault({ service: 'risk_manager', mode: 'down' });
  expect(await failureOf(fetch(`${urlOf('risk_manager')}/health`))).toBe('ECONNREFUSED');
  clock.advance(2_000);
  const trading = await health('trading_engine');
  expect(trading.status).toBe('degraded');
  expect(trading.dependencies).toContain('risk_manager');

  await clearFaults('risk_manager');
  const restarted = await health('risk_manager');
  expect(validateHealthRecord(restarted).ok).toBe(true);
  expect(restarted.uptime).toBe(0);
  clock.advance(2_000);
  expect((await health('trading_engine')).status).not.toBe('down');
});

test('down with a duration comes back by itself once the clock passes it', async () => {
  await setFault({ service: 'pattern_storage', mode: 'down', durationSeconds: 10 });
  expect(await failureOf(fetch(`${urlOf('pattern_storage')}/health`))).toBe('ECONNREFUSED');
  clock.advance(10_000);
  await eventually(async () => (await fetch(`${urlOf('pattern_storage')}/health`).catch(() => undefined))?.status === 200);
  expect((await json(await fetch(`${emulator.controlUrl}/faults`))).faults).toEqual([]);
});

test('hung: the connection is accepted but never answered, and held requests are let go on clear', async () => {
  await setFault({ service: 'sentiment_service', mode: 'hung' });
  const started = Date.now();
  expect(await failureOf(fetch(`${urlOf('sentiment_service')}/health`, { signal: AbortSignal.timeout(300) }))).toBe('TimeoutError');
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);

  const held = fetch(`${urlOf('sentiment_service')}/stats`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  clock.advance(1_000);
  expect((await health('predictive_optimizer')).status).toBe('healthy'); // does not call sentiment_service
  expect((await health('trading_engine')).status).toBe('degraded');
  await clearFaults('sentiment_service');
  // The held connection is destroyed rather than leaked.
  expect(await failureOf(held)).not.toBe('TimeoutError');
  expect((await fetch(`${urlOf('sentiment_service')}/health`)).status).toBe(200);
});

test('slow: answers correctly, but only after the delay', async () => {
  await setFault({ service: 'alerting_service', mode: 'slow', delaySeconds: 0.6 });
  const started = Date.now();
  const res = await fetch(`${urlOf('alerting_service')}/stats`);
  expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  expect(res.status).toBe(200);
  expect(validateStats('alerting_service', await json(res)).ok).toBe(true);
});

test('slow defaults to a 5 s delay', async () => {
  const { fault } = await setFault({ service: 'alerting_service', mode: 'slow' });
  expect(fault).toMatchObject({ service: 'alerting_service', mode: 'slow', delay_seconds: 5 });
});

test('errors: HTTP 500 with a JSON error body, and error_count climbing', async () => {
  const before = (await health('retrieval_optimizer')).error_count;
  await setFault({ service: 'retrieval_optimizer', mode: 'errors' });
  for (const path of ['/health', '/stats']) {
    const res = await fetch(`${urlOf('retrieval_optimizer')}${path}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(res)).toMatchObject({ error: expect.any(String), service_name: 'retrieval_optimizer' });
  }
  clock.advance(20_000);
  await clearFaults('retrieval_optimizer');
  expect((await health('retrieval_optimizer')).error_count).toBeGreaterThan(before + 20);
});

test('malformed: 200 with bodies that fail the contract, alternating broken JSON and wrong types', async () => {
  await setFault({ service: 'trading_engine', mode: 'malformed' });
  const bodies = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${urlOf('trading_engine')}${i % 2 ? '/stats' : '/health'}`);
    expect(res.status).toBe(200);
    bodies.push(await res.text());
  }
  const parsed = bodies.map((body) => parseJsonBody(body));
  expect(parsed.filter((p) => !p.ok)).toHaveLength(2); // not JSON at all
  const wellFormed = parsed.filter((p) => p.ok).map((p) => (p.ok ? p.value : undefined));
  expect(wellFormed).toHaveLength(2);
  for (const payload of wellFormed) {
    const asHealth = validateHealthRecord(payload);
    const asStats = validateStats('trading_engine', payload);
    expect(asHealth.ok && asStats.ok).toBe(false);
  }
});

test('oversized: 200 with valid-looking JSON over 1 MiB', async () => {
  await setFault({ service: 'distributed_processor', mode: 'oversized' });
  const res = await fetch(`${urlOf('distributed_processor')}/stats`);
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  expect(validateStats('distributed_processor', JSON.parse(body)).ok).toBe(true);
  expect(parseJsonBody(body).ok).toBe(false);
});

test('degraded: health says degraded and warnings climb', async () => {
  const before = (await health('analytics_dashboard')).warning_count;
  await setFault({ service: 'analytics_dashboard', mode: 'degraded' });
  clock.advance(15_000);
  const record = await health('analytics_dashboard');
  expect(record.status).toBe('degraded');
  expect(record.warning_count).toBeGreaterThanOrEqual(before + 15);
});

test('one fault per service: setting another replaces it; DELETE /faults clears them all', async () => {
  await setFault({ service: 'risk_manager', mode: 'slow' });
  await setFault({ service: 'risk_manager', mode: 'errors' });
  await setFault({ service: 'pattern_storage', mode: 'degraded' });
  const { faults } = await json(await fetch(`${emulator.controlUrl}/faults`));
  expect(faults.map((f: { service: string; mode: string }) => `${f.service}:${f.mode}`).sort()).toEqual([
    'pattern_storage:degraded',
    'risk_manager:errors',
  ]);
  expect((await clearFaults()).cleared.sort()).toEqual(['pattern_storage', 'risk_manager']);
  expect((await fetch(`${urlOf('risk_manager')}/health`)).status).toBe(200);
});
