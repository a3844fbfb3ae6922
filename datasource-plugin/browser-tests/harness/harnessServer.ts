// Bundles the harness page with esbuild and serves it with dist/, playing Grafana's data proxy: requests to
// /api/datasources/proxy/uid/<uid>/alphapulse/* go to <apiUrl>/api/v1/* with the bearer token added here,
// as plugin.json's route makes Grafana do. The page never sees the token.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PLUGIN_ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(PLUGIN_ROOT, 'browser-tests', '.harness');
const PROXY_PREFIX = /^\/api\/datasources\/proxy\/uid\/[^/]+\/alphapulse\//;

export async function bundleHarnessPage(): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'page.entry.ts')],
    bundle: true,
    outfile: path.join(OUT_DIR, 'page.js'),
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty', '.css': 'empty' },
  });
}

export async function startHarnessServer(api: { url: string; token: string }): Promise<{ url: string; server: Server; proxied: string[] }> {
  const proxied: string[] = [];
  const files: Record<string, [string, string]> = {
    '/harness/index.html': [path.join(__dirname, 'index.html'), 'text/html'],
    '/harness/page.js': [path.join(OUT_DIR, 'page.js'), 'text/javascript'],
    '/dist/module.js': [path.join(PLUGIN_ROOT, 'dist', 'module.js'), 'text/javascript'],
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://harness');
    if (PROXY_PREFIX.test(url.pathname)) {
      // Whatever the page sent as Authorization is dropped: only the configured token is forwarded.
      const target = `${api.url}/${url.pathname.replace(PROXY_PREFIX, '')}${url.search}`;
      proxied.push(`${request.method} ${url.pathname.replace(PROXY_PREFIX, '/')}${url.search}`);
      const chunks: Buffer[] = [];
      for await (const chunk of request) {
        chunks.push(chunk as Buffer);
      }
      const upstream = await fetch(target, {
        method: request.method,
        headers: { authorization: `Bearer ${api.token}`, 'content-type': request.headers['content-type'] ?? 'application/json' },
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    const file = files[url.pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[1] });
    response.end(await readFile(file[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, proxied };
}
