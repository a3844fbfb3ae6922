import { PluginWorker } from './pluginWorker';

// Separate module so tests can replace it: jest cannot parse `import.meta`, webpack needs it to emit the worker.
// The chunk is a plain script (`self` library), not AMD like module.js: a worker has no `define`.
export function spawnLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') {
    return undefined;
  }
  return new PluginWorker(
    /* webpackChunkName: "layout-worker" */
    /* webpackEntryOptions: { library: { type: "self" } } */
    new URL('./layout.worker.ts', import.meta.url)
  );
}
