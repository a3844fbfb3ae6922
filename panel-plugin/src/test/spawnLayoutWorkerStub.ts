// Jest stand-in for spawnLayoutWorker: no Worker in jsdom, so the layout client runs synchronously.
export function spawnLayoutWorker(): Worker | undefined {
  return undefined;
}
