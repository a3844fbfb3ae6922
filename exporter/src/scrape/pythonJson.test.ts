import fc from 'fast-check';
import { MAX_DEPTH, parsePythonJson } from './pythonJson';

// json.dumps's default output for a JS value: JSON with bare NaN / Infinity / -Infinity.
function pythonDumps(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonDumps(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

const pythonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double().map((n) => (Object.is(n, -0) ? 0 : n)), // json.dumps(-0.0) is "-0.0"; JSON.stringify drops the sign
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('parsePythonJson', () => {
  test('NaN, Infinity and -Infinity outside strings; inside strings they stay text', () => {
    expect(parsePythonJson('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN"}')).toEqual({ ok: true, value: { a: NaN, b: [Infinity, -Infinity], c: 'NaN' } });
  });

  test.each(['', 'NaNx', '{"a": nan}', '{"a": 1,}', '[1 2]', '{"a" 1}', '"\u0001"', '-', '01', '{"a": -Inf}', '<html>'])('%j is refused', (text) => {
    expect(parsePythonJson(text).ok).toBe(false);
  });

  test('nesting is bounded, without a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}NaN${']'.repeat(100_000)}`;
    const result = parsePythonJson(deep);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(`deeper than ${MAX_DEPTH}`);
  });

  test('"__proto__" is a data key, as with JSON.parse', () => {
    const result = parsePythonJson('{"__proto__": {"polluted": NaN}}');
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(result.ok && (result.value as Record<string, unknown>)['__proto__']).toEqual({ polluted: NaN });
  });

  test('property: whatever json.dumps writes reads back to the same value', () => {
    fc.assert(fc.property(pythonValue, (value) => {
      const result = parsePythonJson(pythonDumps(value));
      expect(result).toEqual({ ok: true, value });
    }));
  });

  test('property: agrees with JSON.parse on standard JSON and is total on any text', () => {
    fc.assert(fc.property(fc.json(), (text) => expect(parsePythonJson(text)).toEqual({ ok: true, value: JSON.parse(text) })));
    fc.assert(fc.property(fc.string(), (text) => typeof parsePythonJson(text).ok === 'boolean'));
    fc.assert(fc.property(fc.json(), fc.nat(), fc.constantFrom('NaN', 'Infinity', '-Infinity', ',', '}', ']', '"', ' '), (text, at, insert) => {
      const cut = at % (text.length + 1);
      return typeof parsePythonJson(text.slice(0, cut) + insert + text.slice(cut)).ok === 'boolean';
    }));
  });
});
