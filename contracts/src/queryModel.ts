// The names the datasource plugin and the query API agree on. The API validates the full model with zod;
// the plugin imports these constants only (no zod in its bundle).

export const QUERY_TYPES = [
  'candles',
  'price',
  'volume',
  'trades',
  'tradeMarkers',
  'equity',
  'pnl',
  'drawdown',
  'strategySummary',
  'patternCounts',
  'patternTable',
  'patternMarkers',
  'sentiment',
  'mentions',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const PNL_MODES = ['cumulative', 'perBucket'] as const;
export type PnlMode = (typeof PNL_MODES)[number];

/** Template-variable lookups under GET /api/v1/search/<kind>. */
export const SEARCH_KINDS = ['symbols', 'strategies', 'sources', 'pattern_types', 'timeframes'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
