// The control API: what it lists, and clear 400s for every kind of bad input without ever falling over.
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { MAX_CONTROL_BODY_BYTES } from '../src/faults/controlApi';
import { parseFaultRequest } from '../src/faults/faultRequest';
import { createManualClock } from '../src/services/clock';

// fetch types json() as unknown; these tests look into the payloads freely.
const json = (res: Response): Promise<any> => res.json();

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 3, clock: createManualClock(Date.parse('2026-11-25T14:00:00Z')) });
});
afterAll(() => emulator.stop());

const post = (body: string) =>
  fetch(`${emulator.controlUrl}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

test('GET / lists the services and their URLs', async () => {
  const res = await fetch(`${emulator.controlUrl}/`);
  expect(res.status).toBe(200);
  const index = await json(res);
  expect(index.services.map((s: { service_name: string }) => s.service_name)).toEqual([...SERVICE_KINDS]);
  expect(index.services[0].url).toBe(emulator.services[0].url);
  expect(index.faults).toEqual([]);
});

test('a set fault shows in GET /faults and GET /, with its expiry', async () => {
  const res = await post(JSON.stringify({ service: 'risk_manager', mode: 'degraded', durationSeconds: 60 }));
  expect(res.status).toBe(201);
  const { faults } = await json(await fetch(`${emulator.controlUrl}/faults`));
  expect(faults).toEqual([
    { service: 'risk_manager', mode: 'degraded', since: '2026-11-25T14:00:00.000Z', expires_at: '2026-11-25T14:01:00.000Z' },
  ]);
  const index = await json(await fetch(`${emulator.controlUrl}/`));
  expect(index.services.find((s: { service_name: string }) => s.service_name === 'risk_manager').fault.mode).toBe('degraded');
  await fetch(`${emulator.controlUrl}/faults/risk_manager`, { method: 'DELETE' });
});

test.each([
  ['unknown service', '{"service":"billing","mode":"down"}', 'service', /unknown service "billing"/],
  ['missing service', '{"mode":"down"}', 'service', /required/],
  ['unknown mode', '{"service":"risk_manager","mode":"on_fire"}', 'mode', /unknown mode "on_fire"/],
  ['missing mode', '{"service":"risk_manager"}', 'mode', /required/],
  ['bad JSON', '{"service": "risk_manager",', '(body)', /not valid JSON/],
  ['not an object', '["risk_manager","down"]', '(body)', /JSON object/],
  ['unknown field', '{"service":"risk_manager","mode":"down","duration":5}', 'duration', /unknown field/],
  ['negative duration', '{"service":"risk_manager","mode":"down","durationSeconds":-1}', 'durationSeconds', /durationSeconds/],
  ['string delay', '{"service":"risk_manager","mode":"slow","delaySeconds":"5"}', 'delaySeconds', /delaySeconds/],
  ['delay on another mode', '{"service":"risk_manager","mode":"down","delaySeconds":5}', 'delaySeconds', /only applies/],
])('POST /faults with %s → 400 naming the field', async (_case, body, field, message) => {
  const res = await post(body);
  expect(res.status).toBe(400);
  const error = await json(res);
  expect(error.field).toBe(field);
  expect(error.error).toMatch(message);
});

test('a body over the limit → 400', async () => {
  const res = await post(JSON.stringify({ service: 'risk_manager', mode: 'down', padding: 'x'.repeat(MAX_CONTROL_BODY_BYTES) }));
  expect(res.status).toBe(400);
  expect((await json(res)).error).toMatch(/too large/);
});

test('unknown routes and methods, and DELETE of an unknown service', async () => {
  expect((await fetch(`${emulator.controlUrl}/nothing`)).status).toBe(404);
  expect((await fetch(`${emulator.controlUrl}/faults`, { method: 'PUT' })).status).toBe(405);
  const res = await fetch(`${emulator.controlUrl}/faults/billing`, { method: 'DELETE' });
  expect(res.status).toBe(400);
  expect((await json(res)).field).toBe('service');
});

test('after all that, the API and the services still work', async () => {
  expect((await json(await fetch(`${emulator.controlUrl}/faults`))).faults).toEqual([]);
  expect((await fetch(`${emulator.services[0].url}/health`)).status).toBe(200);
});

test('parseFaultRequest accepts the documented shapes', () => {
  expect(parseFaultRequest({ service: 'trading_engine', mode: 'slow', delaySeconds: 2, durationSeconds: 30 })).toEqual({
    ok: true,
    request: { service: 'trading_engine', mode: 'slow', delaySeconds: 2, durationSeconds: 30 },
  });
  expect(parseFaultRequest({ service: 'trading_engine', mode: 'down' })).toEqual({ ok: true, request: { service: 'trading_engine', mode: 'down' } });
  expect(parseFaultRequest(null)).toMatchObject({ ok: false, field: '(body)' });
});
