// Separate module so tests can replace it: jest cannot parse `import.meta`, webpack needs it to emit the worker.
export function spawnLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') {
    return undefined;
  }
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}
