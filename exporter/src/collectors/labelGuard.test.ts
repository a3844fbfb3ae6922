import fc from 'fast-check';
import { LabelGuard } from './labelGuard';

test('caps per label and per target, length limit, sanitising; overflow counted per label', () => {
  const guard = new LabelGuard({ maxPerLabel: 2, maxPerTarget: 3, maxLength: 5 });
  expect(guard.value('strategy', 'a')).toBe('a');
  expect(guard.value('strategy', 'a')).toBe('a'); // a repeat is no new value
  expect(guard.value('strategy', 'b\n')).toBe('b');
  expect(guard.value('strategy', 'c')).toBeUndefined(); // third strategy
  expect(guard.value('symbol', 'AAPL')).toBe('AAPL');
  expect(guard.value('symbol', 'TSLA')).toBeUndefined(); // fourth value of the target
  expect(guard.value('model', 'toolong')).toBeUndefined();
  expect(guard.value('model', ' \u0000 ')).toBeUndefined();
  expect(Object.fromEntries(guard.dropped)).toEqual({ strategy: 1, symbol: 1, model: 2 });
});

test('property: never more distinct values than the caps, each within the length limit and well-formed', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.string({ unit: 'binary' })), { maxLength: 200 }), fc.nat({ max: 20 }), fc.nat({ max: 40 }), (entries, perLabel, perTarget) => {
      const guard = new LabelGuard({ maxPerLabel: perLabel, maxPerTarget: perTarget, maxLength: 10 });
      const kept = new Map<string, Set<string>>();
      let dropped = 0;
      for (const [label, value] of entries) {
        const out = guard.value(label, value);
        if (out === undefined) dropped += 1;
        else {
          expect(out.length).toBeLessThanOrEqual(10);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          expect(out).not.toMatch(/[\u0000-\u001f]/);
          kept.set(label, (kept.get(label) ?? new Set()).add(out));
        }
      }
      const total = [...kept.values()].reduce((n, s) => n + s.size, 0);
      expect(total).toBeLessThanOrEqual(perTarget);
      for (const values of kept.values()) expect(values.size).toBeLessThanOrEqual(perLabel);
      expect([...guard.dropped.values()].reduce((a, b) => a + b, 0)).toBe(dropped);
    }),
  );
});
