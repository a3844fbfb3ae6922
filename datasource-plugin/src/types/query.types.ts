import { type DataQuery } from '@grafana/schema';
import { QUERY_TYPES, type PnlMode, type QueryType, type SearchKind } from '@alphapulse/contracts/constants';

// Query types, P&L modes and search kinds are the API's own names, from the shared contract (constants only).
export { QUERY_TYPES, type QueryType, type PnlMode, type SearchKind } from '@alphapulse/contracts/constants';

/** Bumped whenever the stored query model changes; migrate.ts upgrades older saved queries. */
export const QUERY_SCHEMA_VERSION = 1;

export interface AlphaPulseQuery extends DataQuery {
  queryType: QueryType;
  symbols?: string[];
  strategies?: string[];
  sources?: string[];
  patternTypes?: string[];
  timeframe?: string;
  minConfidence?: number;
  pnlMode?: PnlMode;
  schemaVersion?: number;
}

export type SelectionKey = 'symbols' | 'strategies' | 'sources' | 'patternTypes';

/** What each query type lets the editor choose, and which selections it needs before it can run. */
export interface QueryTypeInfo {
  label: string;
  description: string;
  group: 'Market' | 'Trading' | 'Patterns' | 'Sentiment';
  selections: SelectionKey[];
  required: SelectionKey[];
  timeframe?: boolean;
  minConfidence?: boolean;
  pnlMode?: boolean;
  annotation?: boolean;
}

export const QUERY_TYPE_INFO: Record<QueryType, QueryTypeInfo> = {
  candles: { label: 'Candles', description: 'OHLCV per symbol, for the candlestick panel', group: 'Market', selections: ['symbols'], required: ['symbols'], timeframe: true },
  price: { label: 'Price', description: 'Close price per symbol', group: 'Market', selections: ['symbols'], required: ['symbols'], timeframe: true },
  volume: { label: 'Volume', description: 'Traded volume per symbol', group: 'Market', selections: ['symbols'], required: ['symbols'], timeframe: true },
  trades: { label: 'Trades', description: 'Trades as a table, newest first', group: 'Trading', selections: ['strategies', 'symbols'], required: [] },
  tradeMarkers: { label: 'Trade markers', description: 'Trades as annotations on price charts', group: 'Trading', selections: ['strategies', 'symbols'], required: [], annotation: true },
  equity: { label: 'Equity curve', description: 'Equity per strategy', group: 'Trading', selections: ['strategies'], required: [] },
  pnl: { label: 'P&L', description: 'Net P&L per strategy, cumulative or per bucket', group: 'Trading', selections: ['strategies'], required: [], pnlMode: true },
  drawdown: { label: 'Drawdown', description: 'Drawdown from the running peak per strategy', group: 'Trading', selections: ['strategies'], required: [] },
  strategySummary: { label: 'Strategy summary', description: 'Trades, win rate, profit factor, Sharpe, Sortino, max drawdown', group: 'Trading', selections: ['strategies'], required: [] },
  patternCounts: { label: 'Pattern counts', description: 'Detections per pattern type over time', group: 'Patterns', selections: ['symbols', 'patternTypes'], required: [], timeframe: true, minConfidence: true },
  patternTable: { label: 'Pattern table', description: 'Detections as a table', group: 'Patterns', selections: ['symbols', 'patternTypes'], required: [], timeframe: true, minConfidence: true },
  patternMarkers: { label: 'Pattern markers', description: 'Detections as annotations', group: 'Patterns', selections: ['symbols', 'patternTypes'], required: [], timeframe: true, minConfidence: true, annotation: true },
  sentiment: { label: 'Sentiment', description: 'Confidence-weighted score per symbol (and source)', group: 'Sentiment', selections: ['symbols', 'sources'], required: ['symbols'] },
  mentions: { label: 'Mentions', description: 'Mention volume per symbol (and source)', group: 'Sentiment', selections: ['symbols', 'sources'], required: ['symbols'] },
};

export const SEARCH_KIND_OF: Record<SelectionKey, SearchKind> = {
  symbols: 'symbols',
  strategies: 'strategies',
  sources: 'sources',
  patternTypes: 'pattern_types',
};

export const DEFAULT_QUERY: Partial<AlphaPulseQuery> = {
  queryType: 'candles',
  symbols: [],
  timeframe: '1m',
  schemaVersion: QUERY_SCHEMA_VERSION,
};

export function isQueryType(value: unknown): value is QueryType {
  return typeof value === 'string' && (QUERY_TYPES as readonly string[]).includes(value);
}

/** Hidden queries and queries still missing a required selection are not sent. */
export function isRunnable(query: Partial<AlphaPulseQuery>): boolean {
  if (query.hide || !isQueryType(query.queryType)) {
    return false;
  }
  return QUERY_TYPE_INFO[query.queryType].required.every((key) => (query[key]?.length ?? 0) > 0);
}

/** Template variable query: which search route feeds the variable. */
export interface AlphaPulseVariableQuery extends DataQuery {
  kind: SearchKind;
  filter?: string;
}
