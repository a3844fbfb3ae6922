import { workerScriptFor } from './workerScript';

interface PluginWorkerConstructor {
  new (scriptUrl: URL | string, options?: WorkerOptions): Worker;
}

/**
 * `new PluginWorker(url)`: a Worker that also starts when the plugin is served from another origin (see
 * workerScriptFor). webpack.config.ts names it as worker syntax, so `new PluginWorker(new URL('./x.ts',
 * import.meta.url))` emits a worker chunk exactly like `new Worker(...)` does. A function, not
 * `class extends Worker`: that would throw when module.js loads on a page without Worker.
 */
export const PluginWorker = function PluginWorker(scriptUrl: URL | string, options?: WorkerOptions): Worker {
  const script = workerScriptFor(String(scriptUrl), document.baseURI || location.href);
  if (script.kind === 'direct') {
    return new Worker(script.url, options);
  }
  const url = URL.createObjectURL(new Blob([script.source], { type: 'text/javascript' }));
  const worker = new Worker(url, options);
  // A worker that never starts never runs its own revoke.
  worker.addEventListener('error', () => URL.revokeObjectURL(url));
  return worker;
} as unknown as PluginWorkerConstructor;
