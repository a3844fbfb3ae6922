import { type ScopedVars } from '@grafana/data';
import { interpolateList, interpolateQuery, usesVariables } from './interpolate';

// A miniature TemplateSrv.replace: knows $symbol (multi), $strategy (single), honours scopedVars and formats.
const variables: Record<string, string | string[]> = { symbol: ['AAA', 'BBB'], strategy: 'alpha', tf: '5m' };
function replace(target: string, scopedVars?: ScopedVars, format?: string | Function): string {
  return target.replace(/\$(\w+)/g, (whole, name: string) => {
    const value = scopedVars?.[name]?.value ?? variables[name];
    if (value === undefined) {
      return whole;
    }
    return typeof format === 'function' ? format(value) : String(value);
  });
}

test('a multi-value variable becomes one entry per value', () => {
  expect(interpolateList(['$symbol'], replace)).toEqual(['AAA', 'BBB']);
  expect(interpolateList(['$symbol', 'CCC', 'AAA'], replace)).toEqual(['AAA', 'BBB', 'CCC']);
  expect(interpolateList(['$strategy'], replace)).toEqual(['alpha']);
  expect(interpolateList(undefined, replace)).toEqual([]);
});

test('scoped variables (repeated panels) win over dashboard variables', () => {
  expect(interpolateList(['$symbol'], replace, { symbol: { text: 'ZZZ', value: 'ZZZ' } })).toEqual(['ZZZ']);
});

test('unknown variables stay as typed; empty values are dropped', () => {
  expect(interpolateList(['$nope', ' ', ''], replace)).toEqual(['$nope']);
});

test('a whole query: selections and timeframe, other fields untouched', () => {
  const query = { refId: 'A', queryType: 'candles' as const, symbols: ['$symbol'], timeframe: '$tf', minConfidence: 0.5 };
  expect(interpolateQuery(query, replace)).toEqual({ refId: 'A', queryType: 'candles', symbols: ['AAA', 'BBB'], timeframe: '5m', minConfidence: 0.5 });
  expect(usesVariables(query)).toBe(true);
  expect(usesVariables({ refId: 'A', queryType: 'equity', strategies: ['alpha'] })).toBe(false);
});
