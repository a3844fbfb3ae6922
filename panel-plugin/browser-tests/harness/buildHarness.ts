// Bundles the harness (externals + a SystemJS-like AMD loader) with esbuild; serves dist/ as Grafana and as a CDN would.
import { build } from 'esbuild';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const PLUGIN_ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(PLUGIN_ROOT, 'browser-tests', '.harness');

export async function buildHarness(
  entry = path.join(__dirname, 'externals.entry.tsx'),
  outName = 'harness.js'
): Promise<string> {
  const outfile = path.join(OUT_DIR, outName);
  await build({
    entryPoints: [entry],
    bundle: true,
    outfile,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: false,
    sourcemap: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty', '.css': 'empty' },
  });
  return outfile;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export const PLUGIN_ID = 'alphapulse-servicegraph-panel';
/** Where Grafana serves a plugin's files from (pkg/api/api.go: /public/plugins/:pluginId/*). */
export const PLUGIN_PATH = `/public/plugins/${PLUGIN_ID}/`;
/** A plugin CDN path: <cdn_url>/<id>/<version>/public/plugins/<id>/ (Grafana's plugin CDN layout). */
export const CDN_PLUGIN_PATH = `/cdn/${PLUGIN_ID}/1.0.0/public/plugins/${PLUGIN_ID}/`;

async function sendFile(response: ServerResponse, file: string, extraHeaders: Record<string, string> = {}) {
  try {
    if ((await stat(file)).isFile()) {
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...extraHeaders,
      });
      response.end(await readFile(file));
      return true;
    }
  } catch {
    // not there
  }
  return false;
}

function inside(base: string, rest: string) {
  const file = path.join(base, rest);
  return file.startsWith(base) ? file : undefined;
}

/**
 * Serves the built plugin like Grafana does, at /public/plugins/<id>/* (dist/), the harness at /harness/*,
 * and a second server on another origin that plays the plugin CDN (dist/ again, with CORS as a CDN sends).
 */
export async function serveHarness(): Promise<{ url: string; cdnUrl: string; server: Server }> {
  const dist = path.join(PLUGIN_ROOT, 'dist');
  const harnessRoots = [OUT_DIR, __dirname];
  const cdn = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = pathname.startsWith(CDN_PLUGIN_PATH)
      ? inside(dist, pathname.slice(CDN_PLUGIN_PATH.length))
      : undefined;
    if (!(file && (await sendFile(response, file, { 'access-control-allow-origin': '*' })))) {
      response.writeHead(404).end();
    }
  });
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname.startsWith(PLUGIN_PATH)) {
      const file = inside(dist, pathname.slice(PLUGIN_PATH.length));
      if (file && (await sendFile(response, file))) {
        return;
      }
    } else if (pathname.startsWith('/harness/')) {
      for (const base of harnessRoots) {
        const file = inside(base, pathname.slice('/harness/'.length));
        if (file && (await sendFile(response, file))) {
          return;
        }
      }
    } else if (pathname.startsWith('/public/')) {
      // Grafana serves its icon sprites from public/; the harness answers with an empty icon.
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>');
      return;
    }
    response.writeHead(404).end();
  });
  server.on('close', () => cdn.close());
  const listen = async (s: Server) => {
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const address = s.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };
  const url = await listen(server);
  // Another port is another origin, as a CDN is.
  const cdnUrl = await listen(cdn);
  return { url, cdnUrl, server };
}
