// External programs the tests use (Debian's prometheus package). With CI=true a missing one fails the test run
// instead of skipping, so CI cannot pass without having checked anything.
import { execFileSync } from 'node:child_process';

export function findTool(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `describe` when the tool exists; a failing test under CI=true; a skipped suite otherwise. */
export function describeWithTool(name: string, title: string, body: (path: string) => void): void {
  const path = findTool(name);
  if (path) return describe(title, () => body(path));
  if (process.env.CI === 'true') {
    test(`${title}: ${name} is installed`, () => {
      throw new Error(`${name} is not installed (apt-get install -y prometheus); CI=true does not allow skipping`);
    });
    return;
  }
  describe.skip(`${title} (${name} not installed)`, () => test('skipped', () => undefined));
}
