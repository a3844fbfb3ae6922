// Values for template variables. Distinct values come from a loose index scan (a recursive CTE hopping along the
// index), so listing 50 symbols costs 50 index probes, not a scan of millions of rows.
import { TABLES } from '../relations';
import type { SearchKind } from '../model';
import { type SqlQuery, Params } from './common';

const LIMIT = 1000;

/** Escapes LIKE wildcards so the filter matches literally, anywhere in the value, case-insensitively. */
export function likePattern(filter: string): string {
  return `%${filter.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function distinctLeadingColumn(table: string, column: string): string {
  return `WITH RECURSIVE hops AS (
  SELECT min(${column}) AS value FROM ${table}
  UNION ALL
  SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > hops.value) FROM hops WHERE hops.value IS NOT NULL
)
SELECT value FROM hops WHERE value IS NOT NULL`;
}

/** Timeframes are second in candles' key (symbol, timeframe, time): hop over (symbol, timeframe) pairs. */
function distinctTimeframes(): string {
  return `WITH RECURSIVE hops AS (
  (SELECT symbol, timeframe FROM ${TABLES.candles} ORDER BY symbol, timeframe LIMIT 1)
  UNION ALL
  SELECT next.symbol, next.timeframe FROM hops, LATERAL (
    SELECT symbol, timeframe FROM ${TABLES.candles} WHERE (symbol, timeframe) > (hops.symbol, hops.timeframe)
    ORDER BY symbol, timeframe LIMIT 1) AS next
)
SELECT DISTINCT timeframe AS value FROM hops`;
}

const SOURCES: Record<SearchKind, () => string> = {
  symbols: () => distinctLeadingColumn(TABLES.candles, 'symbol'),
  strategies: () => distinctLeadingColumn(TABLES.equitySnapshots, 'strategy'),
  // Sources are second in sentiment's key; their set is fixed by the table's CHECK constraint.
  sources: () => `SELECT unnest(ARRAY['news', 'reddit', 'twitter']) AS value`,
  pattern_types: () => distinctLeadingColumn(TABLES.patterns, 'pattern'),
  timeframes: distinctTimeframes,
};

export function buildSearchSql(kind: SearchKind, filter: string | undefined): SqlQuery {
  const params = new Params();
  const where = filter ? ` WHERE value ILIKE ${params.add(likePattern(filter))}` : '';
  const text = `SELECT value FROM (${SOURCES[kind]()}) AS found${where} ORDER BY value LIMIT ${LIMIT}`;
  return { text, values: params.values };
}
