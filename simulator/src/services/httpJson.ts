// Small JSON helpers over Node's http module, shared by the service servers and the control API.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJsonText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  sendJsonText(res, status, JSON.stringify(payload));
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the request body exceeds ${limitBytes} bytes`);
  }
}

/** Reads a request body as text, refusing (without buffering it all) bodies over the limit. */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limitBytes) {
        refused = true;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** The path of a request without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Listens, turning "address in use" into an error that names the port and what wanted it. */
export function listen(server: import('node:http').Server, port: number, host: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use (wanted by ${what})`));
      else reject(new Error(`cannot listen on ${host}:${port} for ${what}: ${err.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
