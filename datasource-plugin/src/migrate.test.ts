import { migrateQuery } from './migrate';
import { QUERY_SCHEMA_VERSION } from './types/query.types';

test('the scaffold query becomes a default candles query', () => {
  expect(migrateQuery({ refId: 'A', queryText: 'x', constant: 6.5 })).toEqual({ refId: 'A', queryType: 'candles', schemaVersion: 1 });
});

test('single-value fields of version 0 become selections', () => {
  expect(migrateQuery({ refId: 'B', queryType: 'patternTable', symbol: 'AAA, BBB', pattern: 'engulfing', confidence: 0.7, hide: true })).toEqual({
    refId: 'B',
    queryType: 'patternTable',
    symbols: ['AAA', 'BBB'],
    patternTypes: ['engulfing'],
    minConfidence: 0.7,
    hide: true,
    schemaVersion: 1,
  });
  expect(migrateQuery({ refId: 'C', queryType: 'equity', strategy: '$strategy', strategies: ['beta'] })).toMatchObject({ strategies: ['beta'] });
});

test('current queries pass through unchanged, and migration is idempotent', () => {
  const current = { refId: 'A', queryType: 'sentiment' as const, symbols: ['AAA'], sources: ['news'], schemaVersion: QUERY_SCHEMA_VERSION };
  expect(migrateQuery(current)).toBe(current);
  const once = migrateQuery({ refId: 'A', symbol: 'AAA' });
  expect(migrateQuery(once)).toEqual(once);
});
