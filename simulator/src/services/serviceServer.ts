// One emulated service on its own port: GET /health and GET /stats from the simulation, bent by the
// fault in force (down closes the port, hung never answers, slow answers late, and so on).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServiceKind } from '@alphapulse/contracts';
import type { Logger } from 'pino';
import { malformedBody, oversizedBody } from '../faults/faultyBodies';
import type { FaultStore } from '../faults/faultStore';
import { encodePayload, type Dialect } from './dialects/pythonDialect';
import { listen, pathOf, sendJson, sendJsonText } from './httpJson';
import type { Simulation } from './simulation';

export interface ServiceServerOptions {
  kind: ServiceKind;
  host: string;
  /** 0 picks a free port once; the service keeps it across down/up cycles. */
  port: number;
  simulation: Simulation;
  faults: FaultStore;
  logger: Logger;
  /** How its answers are written: the contract's JSON, or as a Python service writes it. Default contract. */
  dialect?: Dialect;
}

export class ServiceServer {
  readonly kind: ServiceKind;
  private server: Server | undefined;
  private port: number;
  private readonly sockets = new Set<Socket>();
  /** Sockets of requests held open by the "hung" fault, destroyed when it clears. */
  private readonly hungSockets = new Set<Socket>();
  private readonly slowTimers = new Set<NodeJS.Timeout>();
  private malformedAnswers = 0;

  constructor(private readonly options: ServiceServerOptions) {
    this.kind = options.kind;
    this.port = options.port;
  }

  get dialect(): Dialect {
    return this.options.dialect ?? 'contract';
  }

  get url(): string {
    return `http://${this.options.host}:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.hungSockets.delete(socket);
      });
    });
    this.port = await listen(server, this.port, this.options.host, `emulated ${this.kind}`);
    this.server = server;
  }

  /** Stops listening and drops every connection: to clients the service is gone. */
  async stop(): Promise<void> {
    for (const timer of this.slowTimers) clearTimeout(timer);
    this.slowTimers.clear();
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Lets go of requests held by the "hung" fault. */
  releaseHung(): void {
    for (const socket of this.hungSockets) socket.destroy();
    this.hungSockets.clear();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = pathOf(req);
    if (path !== '/health' && path !== '/stats') {
      sendJson(res, 404, { error: `no route ${req.method} ${path}; try GET /health or GET /stats`, service_name: this.kind });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, { error: `${req.method} is not allowed on ${path}`, service_name: this.kind });
      return;
    }
    const fault = this.options.faults.faultAt(this.kind);
    switch (fault?.mode) {
      case 'hung':
        this.hungSockets.add(req.socket);
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          this.slowTimers.delete(timer);
          if (!res.destroyed) this.answer(path, res);
        }, (fault.delaySeconds ?? 0) * 1000);
        this.slowTimers.add(timer);
        return;
      }
      case 'errors':
        // Health and stats both fail: the process is up but its handlers throw.
        sendJson(res, 500, { error: 'internal server error', detail: 'injected fault: errors', service_name: this.kind });
        return;
      default:
        this.answer(path, res, fault?.mode);
    }
  }

  private answer(path: '/health' | '/stats', res: ServerResponse, mode?: string): void {
    try {
      const simulation = this.options.simulation;
      const payload = (path === '/health' ? simulation.health(this.kind) : simulation.stats(this.kind)) as Record<string, unknown>;
      // The broken-body faults break the contract payload whatever the dialect: broken is broken.
      if (mode === 'malformed') sendJsonText(res, 200, malformedBody(payload, this.malformedAnswers++));
      else if (mode === 'oversized') sendJsonText(res, 200, oversizedBody(payload));
      else sendJsonText(res, 200, encodePayload(this.dialect, this.kind, path, payload));
    } catch (err) {
      this.options.logger.error({ err, service: this.kind }, 'emulated service failed to answer');
      sendJson(res, 500, { error: 'emulator error', detail: (err as Error).message, service_name: this.kind });
    }
  }
}
