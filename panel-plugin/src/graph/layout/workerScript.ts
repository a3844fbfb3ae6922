/** How to start a worker whose script may live on another origin than the page. */
export type WorkerScript = { kind: 'direct'; url: string } | { kind: 'blob'; source: string };

/**
 * Grafana serves a plugin from `public/plugins/<id>/` on its own origin, or from a plugin CDN on another one.
 * Browsers refuse `new Worker(url)` for a cross-origin script, but a same-origin blob worker may
 * `importScripts` it (a classic script, fetched like a <script> tag). Grafana's own CorsWorker
 * (public/app/core/utils/CorsWorker.ts) does the same with a module import for its ES-module workers.
 */
export function workerScriptFor(scriptUrl: string, pageUrl: string): WorkerScript {
  const script = new URL(scriptUrl, pageUrl);
  if (script.origin === new URL(pageUrl).origin) {
    return { kind: 'direct', url: script.href };
  }
  // JSON.stringify quotes and escapes the URL; the blob revokes itself once the real script has run.
  return {
    kind: 'blob',
    source: `importScripts(${JSON.stringify(script.href)});URL.revokeObjectURL(self.location.href);`,
  };
}
