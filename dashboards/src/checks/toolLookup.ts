// Finding a binary the tests need (promtool, prometheus). In CI a missing tool must fail the run, never skip it.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** skip: run locally without it (saying so); fail: CI=true must not pass silently without the check. */
export function missingToolPolicy(env: NodeJS.ProcessEnv = process.env): 'skip' | 'fail' {
  return env.CI === 'true' || env.CI === '1' ? 'fail' : 'skip';
}
