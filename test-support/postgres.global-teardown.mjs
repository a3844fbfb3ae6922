import { rmSync } from 'node:fs';

export default async function stopTestPostgres() {
  const running = globalThis.__ALPHAPULSE_TEST_PG__;
  if (!running) return;
  await running.server.stop();
  rmSync(running.root, { recursive: true, force: true });
}
