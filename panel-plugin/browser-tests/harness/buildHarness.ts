// Bundles the harness (externals + AMD shim) with esbuild, and serves dist/ and the harness over HTTP.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
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

/** Serves /dist/* from the plugin's build output and /harness/* from the harness folder and its bundle. */
export async function serveHarness(): Promise<{ url: string; server: Server }> {
  const roots: Record<string, string[]> = {
    dist: [path.join(PLUGIN_ROOT, 'dist')],
    harness: [OUT_DIR, __dirname],
  };
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [, top, ...rest] = pathname.split('/');
    for (const base of roots[top] ?? []) {
      const file = path.join(base, ...rest);
      if (!file.startsWith(base)) {
        break;
      }
      try {
        if ((await stat(file)).isFile()) {
          response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
          response.end(await readFile(file));
          return;
        }
      } catch {
        // try the next root
      }
    }
    if (top === 'harness' && rest[0] === 'public') {
      // Grafana serves its icon sprites from public/; the harness answers with an empty icon.
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>');
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}
