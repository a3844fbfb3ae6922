// Starting and stopping the emulator: port conflicts named clearly, ports overridable, nothing left open.
import { createServer, type Server } from 'node:net';
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { startEmulator } from '../src/emulator';
import { createManualClock } from '../src/services/clock';

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    (err: { cause?: { code?: string } }) => err.cause?.code === 'ECONNREFUSED',
  );

test('a service port already in use fails the start with an error naming the port, closing what had started', async () => {
  const { server, port } = await occupyPort();
  try {
    await expect(startEmulator({ basePort: 0, controlPort: 0, servicePorts: { trading_engine: port } })).rejects.toThrow(
      new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use \\(wanted by emulated trading_engine\\)`),
    );
  } finally {
    server.close();
  }
});

test('the control port already in use is named too', async () => {
  const { server, port } = await occupyPort();
  try {
    await expect(startEmulator({ basePort: 0, controlPort: port })).rejects.toThrow(new RegExp(`port ${port} .*control API`));
  } finally {
    server.close();
  }
});

test('per-service port overrides are honoured', async () => {
  const { server, port } = await occupyPort();
  await new Promise((resolve) => server.close(resolve)); // free again, now known to be usable
  const emulator = await startEmulator({ basePort: 0, controlPort: 0, servicePorts: { risk_manager: port } });
  try {
    expect(emulator.services.find((s) => s.name === 'risk_manager')!.url).toBe(`http://127.0.0.1:${port}`);
  } finally {
    await emulator.stop();
  }
});

test('ports follow basePort in SERVICE_KINDS order', async () => {
  // Find nine consecutive free ports; a few tries in case another process holds one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const basePort = 20_000 + Math.floor(Math.random() * 30_000);
    const emulator = await startEmulator({ basePort, controlPort: 0 }).catch(() => undefined);
    if (!emulator) continue;
    try {
      expect(emulator.services.map((s) => s.url)).toEqual(SERVICE_KINDS.map((_, i) => `http://127.0.0.1:${basePort + i}`));
    } finally {
      await emulator.stop();
    }
    return;
  }
  throw new Error('no free range of ports found');
});

test('stop closes every port, lets go of hung requests, and can be called twice', async () => {
  const emulator = await startEmulator({ basePort: 0, controlPort: 0, clock: createManualClock(Date.parse('2026-11-25T14:00:00Z')) });
  const hungUrl = emulator.services[0].url;
  await fetch(`${emulator.controlUrl}/faults`, { method: 'POST', body: JSON.stringify({ service: 'pattern_storage', mode: 'hung' }) });
  await fetch(`${emulator.controlUrl}/faults`, { method: 'POST', body: JSON.stringify({ service: 'risk_manager', mode: 'slow', delaySeconds: 30 }) });
  const held = fetch(`${hungUrl}/health`).then(() => 'answered', () => 'dropped');
  const slow = fetch(`${emulator.services[7].url}/health`).then(() => 'answered', () => 'dropped');
  await new Promise((resolve) => setTimeout(resolve, 100));

  const started = Date.now();
  await emulator.stop();
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(await held).toBe('dropped');
  expect(await slow).toBe('dropped');
  for (const { url } of emulator.services) expect(await refused(`${url}/health`)).toBe(true);
  expect(await refused(`${emulator.controlUrl}/faults`)).toBe(true);
  await emulator.stop();
});
