// Every emulated service, over real HTTP, answers exactly per the contract as simulated time passes.
import { SERVICE_KINDS, defaultServicePort, validateHealthRecord, validateStats } from '@alphapulse/contracts';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { createManualClock } from '../src/services/clock';
import { Simulation } from '../src/services/simulation';

// fetch types json() as unknown; these tests look into the payloads freely.
const json = (res: Response): Promise<any> => res.json();

const START = Date.parse('2026-11-25T05:00:00Z');

describe('the nine services over HTTP', () => {
  const clock = createManualClock(START);
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: 11, clock });
  });
  afterAll(() => emulator.stop());

  test('one service per kind, in SERVICE_KINDS order, on 127.0.0.1', () => {
    expect(emulator.services.map((s) => s.name)).toEqual([...SERVICE_KINDS]);
    for (const service of emulator.services) expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('/health and /stats of every kind pass the contract over 3 hours of simulated time', async () => {
    for (let step = 0; step < 18; step++) {
      for (const { name, url } of emulator.services) {
        const health = await fetch(`${url}/health`);
        expect(health.status).toBe(200);
        expect(health.headers.get('content-type')).toMatch(/^application\/json/);
        const healthResult = validateHealthRecord(await json(health));
        if (!healthResult.ok) throw new Error(`${name} at step ${step}: ${healthResult.error}`);
        expect(healthResult.value.service_name).toBe(name);

        const stats = await fetch(`${url}/stats`);
        expect(stats.status).toBe(200);
        expect(stats.headers.get('content-type')).toMatch(/^application\/json/);
        const statsResult = validateStats(name, await json(stats));
        if (!statsResult.ok) throw new Error(`${name} at step ${step}: ${statsResult.error}`);
      }
      clock.advance(10 * 60_000);
    }
  });

  test('other paths answer 404 with a JSON error, other methods 405', async () => {
    const { url } = emulator.services[0];
    const missing = await fetch(`${url}/metrics`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(missing)).toMatchObject({ error: expect.stringContaining('/metrics') });
    const post = await fetch(`${url}/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await json(post)).toMatchObject({ error: expect.any(String) });
  });

  test('a query string does not change the route', async () => {
    const res = await fetch(`${emulator.services[0].url}/health?verbose=1`);
    expect(res.status).toBe(200);
  });
});

test('the contract holds second by second too (in process, one simulated hour)', () => {
  const clock = createManualClock(Date.parse('2026-11-25T14:00:00Z'));
  const simulation = new Simulation({ seed: 5, clock });
  for (let second = 0; second < 3600; second += 7) {
    clock.advance(7_000);
    for (const kind of SERVICE_KINDS) {
      const health = validateHealthRecord(simulation.health(kind));
      if (!health.ok) throw new Error(`${kind}: ${health.error}`);
      const stats = validateStats(kind, simulation.stats(kind));
      if (!stats.ok) throw new Error(`${kind}: ${stats.error}`);
    }
  }
});

test('default ports are 8101–8109 in SERVICE_KINDS order', async () => {
  // Not bound here (other runs may hold them): checks the same mapping the emulator uses.
  expect(SERVICE_KINDS.map(defaultServicePort)).toEqual([8101, 8102, 8103, 8104, 8105, 8106, 8107, 8108, 8109]);
});
