// python3 for tests that check our Python-style JSON against Python itself. Missing python3 skips such
// tests with a note, except under CI=true, where it fails them (a skipped check must never read as passed).
import { spawnSync } from 'node:child_process';

export const python3Available = spawnSync('python3', ['--version']).status === 0;

/** `test`, or a skip that says why; under CI=true, a test that fails because python3 is missing. */
export function testWithPython3(name: string, fn: () => Promise<void> | void, timeout?: number): void {
  if (python3Available) test(name, async () => fn(), timeout);
  else if (process.env.CI === 'true') test(name, () => { throw new Error('python3 is required under CI=true'); });
  else {
    test.skip(`${name} (skipped: no python3 on PATH)`, () => undefined);
    console.warn(`skipped, no python3 on PATH: ${name}`);
  }
}

/** Runs a python3 script with `input` on stdin; throws with its stderr when it fails. */
export function runPython3(script: string, input: string): string {
  const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/**
 * Reads one JSON text per line with json.loads and answers, per line, a strict-JSON description of
 * what Python got (floats as repr(), ints as decimal text, objects as ordered pairs) and whether
 * json.dumps writes the same value back byte for byte.
 */
export const DESCRIBE_LOADS = String.raw`
import json, sys
def tag(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return {"int": str(v)}
    if isinstance(v, float): return {"float": repr(v)}
    if isinstance(v, list): return [tag(x) for x in v]
    return {"object": [[k, tag(x)] for k, x in v.items()]}
for line in sys.stdin.read().split("\n"):
    if not line: continue
    value = json.loads(line)
    print(json.dumps({"value": tag(value), "same": json.dumps(value) == line}))
`;

export interface PythonView {
  value: unknown;
  same: boolean;
}

/** json.loads of each text in python3 (one process for all). */
export function pythonLoads(texts: string[]): PythonView[] {
  for (const text of texts) if (text.includes('\n')) throw new Error('one JSON text per line: no raw newlines');
  return runPython3(DESCRIBE_LOADS, texts.join('\n') + '\n')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PythonView);
}

/** A Python float's repr() back to the number it stands for. */
export function pyReprToNumber(repr: string): number {
  if (repr === 'nan') return NaN;
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  return Number(repr);
}

/** Python's view of a value turned back into plain JS (objects with their key order), for comparisons. */
export function untag(tagged: unknown): unknown {
  if (tagged === null || typeof tagged !== 'object') return tagged;
  if (Array.isArray(tagged)) return tagged.map(untag);
  const t = tagged as { int?: string; float?: string; object?: [string, unknown][] };
  if (t.int !== undefined) return Number(t.int);
  if (t.float !== undefined) return pyReprToNumber(t.float);
  return Object.fromEntries(t.object!.map(([k, v]) => [k, untag(v)]));
}
