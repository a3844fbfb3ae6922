// The Python-style JSON writer against python3 itself: whatever we write, json.loads reads back as the
// value we meant (ints as ints, floats as floats, NaN/±Infinity, any string), and json.dumps of that value
// is byte for byte what we wrote.
import fc from 'fast-check';
import { PyFloat, pyFloat, pythonFloatRepr, pythonJsonDumps, type PyValue } from '../src/services/dialects/pythonJson';
import { pythonLoads, pyReprToNumber, testWithPython3 } from './support/python3';

const pyValue: fc.Arbitrary<PyValue> = fc.letrec<{ value: PyValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.string({ unit: 'binary' }),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.double().map((x) => (Number.isInteger(x) ? pyFloat(x) : x)),
    fc.double().map(pyFloat),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Does Python's view (tagged by support/python3) stand for exactly `expected`? */
function sameAsPython(expected: PyValue, tagged: unknown): boolean {
  if (expected === null || typeof expected === 'boolean' || typeof expected === 'string') return tagged === expected;
  const t = tagged as { int?: string; float?: string; object?: [string, unknown][] } | unknown[];
  if (expected instanceof PyFloat || typeof expected === 'number') {
    const asFloat = expected instanceof PyFloat || !Number.isInteger(expected);
    const value = expected instanceof PyFloat ? expected.value : expected;
    if (Array.isArray(t)) return false;
    if (asFloat) return t.float !== undefined && Object.is(pyReprToNumber(t.float), value);
    return t.int !== undefined && BigInt(t.int) === BigInt(value);
  }
  if (Array.isArray(expected)) return Array.isArray(t) && t.length === expected.length && expected.every((item, i) => sameAsPython(item, t[i]));
  if (Array.isArray(t) || !t.object) return false;
  const entries = Object.entries(expected);
  return t.object.length === entries.length && entries.every(([key, item], i) => t.object![i][0] === key && sameAsPython(item, t.object![i][1]));
}

testWithPython3('json.loads of our output is the input, and json.dumps writes it back byte for byte', () => {
  fc.assert(
    fc.property(fc.array(pyValue, { minLength: 1, maxLength: 40 }), (values) => {
      const texts = values.map(pythonJsonDumps);
      const views = pythonLoads(texts);
      views.forEach((view, i) => {
        if (!sameAsPython(values[i], view.value)) throw new Error(`python read ${JSON.stringify(view.value)} from ${texts[i]}`);
        if (!view.same) throw new Error(`json.dumps writes ${texts[i]} differently`);
      });
    }),
    { numRuns: 60 },
  );
});

testWithPython3('float repr at the edges: exponent thresholds, -0.0, subnormals, the largest double', () => {
  const edges = [0.0001, 0.00009999, 1e-5, 1e15, 9999999999999998, 1e16, 1.5e16, 1e21, 1e22, -0, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, 2 ** 53, NaN, Infinity, -Infinity];
  const views = pythonLoads(edges.map((x) => pythonJsonDumps(pyFloat(x))));
  views.forEach((view, i) => {
    expect(view.value).toEqual({ float: expect.any(String) });
    expect(pythonFloatRepr(edges[i])).toBe(pythonJsonDumps(pyFloat(edges[i])));
    expect(view.same).toBe(true);
  });
});

test('written as Python writes them (pinned examples)', () => {
  expect(pythonJsonDumps({ a: NaN, b: Infinity, c: -Infinity, d: pyFloat(7), e: 7, f: 0.91, g: 1e-5, h: 1e16 })).toBe(
    '{"a": NaN, "b": Infinity, "c": -Infinity, "d": 7.0, "e": 7, "f": 0.91, "g": 1e-05, "h": 10000000000000000}',
  );
  expect(pythonJsonDumps(pyFloat(1e16))).toBe('1e+16');
  expect(pythonJsonDumps(['é', '\u007f', '😀', '"\\\n'])).toBe('["\\u00e9", "\\u007f", "\\ud83d\\ude00", "\\"\\\\\\n"]');
  expect(pythonJsonDumps({ nested: { list: [1, 2.5, null, true] } })).toBe('{"nested": {"list": [1, 2.5, null, true]}}');
});
