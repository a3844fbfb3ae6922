// Serves a query router on an ephemeral port, as the exporter mounts it (/api/v1), for the HTTP-level tests.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createQueryRouter, type QueryRouterOptions } from '../../src/query';

export interface TestServer {
  url: string;
  token: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  close(): Promise<void>;
}

export const TEST_TOKEN = 'test-token-0123456789';

export async function startQueryServer(options: Omit<QueryRouterOptions, 'token'> & { token?: string }): Promise<TestServer> {
  const token = options.token ?? TEST_TOKEN;
  const router = createQueryRouter({ ...options, token });
  const app = express();
  app.use('/api/v1', router);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // Longer than fetch's idle keep-alive, so a reused socket is never closed under a request (ECONNRESET) on a busy
  // machine; the exporter's server should do the same for Grafana's proxy (idle connections kept 90 s).
  server.keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const auth = { authorization: `Bearer ${token}` };
  const answer = async (response: Response) => {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, text };
  };
  return {
    url,
    token,
    async post(path, body, headers = auth) {
      const payload = typeof body === 'string' ? body : JSON.stringify(body);
      return answer(await fetch(url + path, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...headers } }));
    },
    async get(path, headers = auth) {
      return answer(await fetch(url + path, { headers }));
    },
    async close() {
      // Keep-alive sockets of fetch would hold close() open until they time out.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await router.close();
    },
  };
}
