// The fault-injection control API: HTTP routing and input checking only; the emulator does the work.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { isServiceKind, type ServiceKind } from '@alphapulse/contracts';
import type { Logger } from 'pino';
import { handleAuthRoute, type AuthRoutesOptions } from '../auth/authRoutes';
import { BodyTooLargeError, listen, pathOf, readBody, sendJson } from '../services/httpJson';
import { parseFaultRequest } from './faultRequest';
import type { FaultRequest, FaultView } from './faultStore';

/** Largest POST /faults body accepted; a fault request is a few dozen bytes. */
export const MAX_CONTROL_BODY_BYTES = 16 * 1024;

export interface FaultController {
  listFaults(): FaultView[];
  setFault(request: FaultRequest): Promise<FaultView>;
  /** Clears one service's fault, or all when no service is given; returns the services cleared. */
  clearFaults(service?: ServiceKind): Promise<ServiceKind[]>;
  services(): { service_name: ServiceKind; url: string; dialect?: string; fault?: FaultView }[];
}

export interface ControlApi {
  url: string;
  stop(): Promise<void>;
}

const badRequest = (res: ServerResponse, field: string, error: string) => sendJson(res, 400, { error, field });

async function route(req: IncomingMessage, res: ServerResponse, controller: FaultController, auth?: AuthRoutesOptions): Promise<void> {
  const path = pathOf(req).replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  if (auth && handleAuthRoute(req, res, path, auth)) return;
  if (path === '/' && method === 'GET') {
    sendJson(res, 200, { services: controller.services(), faults: controller.listFaults() });
  } else if (path === '/faults' && method === 'GET') {
    sendJson(res, 200, { faults: controller.listFaults() });
  } else if (path === '/faults' && method === 'POST') {
    let text: string;
    try {
      text = await readBody(req, MAX_CONTROL_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        // Answer, then close: the rest of the oversized body is not worth reading.
        res.setHeader('Connection', 'close');
        badRequest(res, '(body)', `body too large: the limit is ${MAX_CONTROL_BODY_BYTES} bytes`);
        return;
      }
      throw err;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      badRequest(res, '(body)', `body is not valid JSON: ${(err as Error).message}`);
      return;
    }
    const parsed = parseFaultRequest(body);
    if (!parsed.ok) {
      badRequest(res, parsed.field, parsed.error);
      return;
    }
    sendJson(res, 201, { fault: await controller.setFault(parsed.request) });
  } else if (path === '/faults' && method === 'DELETE') {
    sendJson(res, 200, { cleared: await controller.clearFaults() });
  } else if (path.startsWith('/faults/') && method === 'DELETE') {
    const service = decodeURIComponent(path.slice('/faults/'.length));
    if (!isServiceKind(service)) {
      badRequest(res, 'service', `unknown service ${JSON.stringify(service)}`);
      return;
    }
    sendJson(res, 200, { cleared: await controller.clearFaults(service) });
  } else if (path === '/' || path === '/faults' || path.startsWith('/faults/')) {
    sendJson(res, 405, { error: `${method} is not allowed on ${path}` });
  } else {
    sendJson(res, 404, { error: `no route ${method} ${path}; see GET / for what is here` });
  }
}

export async function startControlApi(options: {
  host: string;
  port: number;
  controller: FaultController;
  logger: Logger;
  /** Demo JWT sign-in routes under /auth; absent = not served. */
  auth?: AuthRoutesOptions;
}): Promise<ControlApi> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    route(req, res, options.controller, options.auth).catch((err: unknown) => {
      options.logger.error({ err }, 'control API request failed');
      if (!res.headersSent) sendJson(res, 500, { error: (err as Error).message });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, options.port, options.host, 'the emulator control API');
  return {
    url: `http://${options.host}:${port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
