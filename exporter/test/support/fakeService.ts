// A small real HTTP server speaking the contract (the contract's example payloads), with a switchable fault.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exampleHealthRecord, exampleStats, type ServiceKind } from '@alphapulse/contracts';

export const FAKE_MODES = ['ok', 'down', 'hung', 'http_500', 'malformed', 'oversized', 'wrong_types'] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

export interface FakeService {
  url: string;
  setMode(mode: FakeMode): Promise<void>;
  close(): Promise<void>;
}

function body(kind: ServiceKind, path: string): unknown {
  if (path === '/health') return { ...exampleHealthRecord, service_name: kind };
  if (path === '/stats') return { ...exampleStats[kind], service_name: kind };
  return undefined;
}

export async function startFakeService(kind: ServiceKind, initialMode: FakeMode = 'ok'): Promise<FakeService> {
  let mode: FakeMode = initialMode;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const payload = body(kind, req.url ?? '');
    if (payload === undefined) return void res.writeHead(404).end();
    switch (mode) {
      case 'hung':
        return; // never answers
      case 'http_500':
        return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
      case 'malformed':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"service_name": "x", "status": ');
      case 'oversized': {
        // Streamed without a content-length: the cap must hold while reading.
        res.writeHead(200, { 'content-type': 'application/json' });
        const filler = 'x'.repeat(64 * 1024);
        res.write('{"padding":"');
        for (let i = 0; i < 40; i++) res.write(filler);
        return void res.end('"}');
      }
      case 'wrong_types':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...(payload as object), uptime: 'long', requests_total: -1 }));
      default:
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  const apply = async (next: FakeMode) => {
    mode = next;
    if (next === 'down') await stopListening();
    else if (!server.listening) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  };
  await apply(initialMode);
  return { url: `http://127.0.0.1:${port}`, setMode: apply, close: stopListening };
}
