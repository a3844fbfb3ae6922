// The query API mirrors names owned elsewhere; these fail when the copies drift apart.
import * as schema from '../../simulator/src/db/schema';
import { AGGREGATES, MIGRATIONS_TABLE, SCHEMA, TABLES } from '../src/query/relations';
import { QUERY_TYPES, SENTIMENT_SOURCES } from '../src/query/model';
import { QUERY_TYPES as PLUGIN_QUERY_TYPES } from '../../datasource-plugin/src/types/query.types';

test('relation names equal the migrations\' (simulator/src/db/schema.ts)', () => {
  expect(SCHEMA).toBe(schema.SCHEMA);
  expect(MIGRATIONS_TABLE).toBe(`${schema.SCHEMA}.${schema.MIGRATIONS_TABLE}`);
  for (const [key, name] of Object.entries(TABLES)) expect(schema.TABLES[key as keyof typeof schema.TABLES]).toBe(name);
  for (const [key, name] of Object.entries(AGGREGATES)) expect(schema.AGGREGATES[key as keyof typeof schema.AGGREGATES]).toBe(name);
  expect([...SENTIMENT_SOURCES]).toEqual([...schema.SENTIMENT_SOURCES]);
});

test('the datasource plugin knows exactly the query types the API answers', () => {
  expect([...PLUGIN_QUERY_TYPES].sort()).toEqual([...QUERY_TYPES].sort());
});
