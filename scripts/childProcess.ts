// Runs a helper binary (Prometheus, Grafana) as a child of `npm start`, its output in our logs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';

export function onPath(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$0"`, binary], { stdio: 'ignore' }).status === 0;
}

export interface RunningChild {
  name: string;
  process: ChildProcess;
  exited(): boolean;
  stop(): Promise<void>;
}

export function startChild(name: string, command: string, args: string[], log: Logger, env: NodeJS.ProcessEnv = process.env): RunningChild {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const childLog = log.child({ component: name });
  // The last lines explain an unexpected exit (a bad flag, a port in use) without flooding the log.
  const recentLines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      childLog.debug({ out: line });
      recentLines.push(line);
      if (recentLines.length > 10) recentLines.shift();
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) childLog.error({ code, signal, lastOutput: recentLines }, `${name} exited unexpectedly`);
  });
  let stopping = false;
  return {
    name,
    process: child,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers 2xx, so we only announce what is really up. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
