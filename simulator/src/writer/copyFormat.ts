// Rows to PostgreSQL COPY text format (tab-separated, one row a line). Our values never contain tabs,
// newlines or backslashes, so no escaping is needed; numbers print in JS shortest round-trip form,
// which float8 parses back to the identical double.
import { TABLES } from '../db/schema';
import { TIMEFRAME, type RowBatch } from './simulation';

export interface CopyTable {
  table: string;
  columns: string[];
  text: string;
  rows: number;
}

export const COPY_COLUMNS = {
  candles: ['time', 'symbol', 'timeframe', 'open', 'high', 'low', 'close', 'volume'],
  trades: ['time', 'trade_id', 'strategy', 'symbol', 'side', 'quantity', 'price', 'fee', 'realized_pnl'],
  equity: ['time', 'strategy', 'equity', 'cash', 'unrealized_pnl', 'realized_pnl', 'gross_exposure', 'net_exposure', 'open_positions'],
  patterns: ['time', 'symbol', 'timeframe', 'pattern', 'direction', 'confidence', 'price'],
  sentiment: ['time', 'symbol', 'source', 'score', 'confidence', 'mentions'],
} as const;

/** ISO strings are costly and a batch holds few distinct minutes, so format each once. */
class TimeFormatter {
  private readonly cache = new Map<number, string>();
  format(ms: number): string {
    let iso = this.cache.get(ms);
    if (iso === undefined) {
      iso = new Date(ms).toISOString();
      this.cache.set(ms, iso);
    }
    return iso;
  }
}

/** Candles are generated minute by minute for all symbols; this is how many share the first minute. */
function symbolsPerMinute(batch: RowBatch): number {
  let n = 0;
  while (n < batch.candles.length && batch.candles[n].time === batch.candles[0].time) n++;
  return Math.max(1, n);
}

export function toCopyTables(batch: RowBatch): CopyTable[] {
  const t = new TimeFormatter();
  let candles = '';
  // Written symbol by symbol: heap pages and primary-key inserts then cluster by (symbol, time), which is how
  // candles are read (one symbol over a range) — far fewer pages touched than minute-interleaved rows.
  const stride = symbolsPerMinute(batch);
  for (let s = 0; s < stride; s++) {
    for (let i = s; i < batch.candles.length; i += stride) {
      const r = batch.candles[i];
      candles += `${t.format(r.time)}\t${r.symbol}\t${TIMEFRAME}\t${r.open}\t${r.high}\t${r.low}\t${r.close}\t${r.volume}\n`;
    }
  }
  let trades = '';
  for (const r of batch.trades) trades += `${t.format(r.time)}\t${r.tradeId}\t${r.strategy}\t${r.symbol}\t${r.side}\t${r.quantity}\t${r.price}\t${r.fee}\t${r.realizedPnl}\n`;
  let equity = '';
  for (const r of batch.equity) equity += `${t.format(r.time)}\t${r.strategy}\t${r.equity}\t${r.cash}\t${r.unrealizedPnl}\t${r.realizedPnl}\t${r.grossExposure}\t${r.netExposure}\t${r.openPositions}\n`;
  let patterns = '';
  for (const r of batch.patterns) patterns += `${t.format(r.time)}\t${r.symbol}\t${TIMEFRAME}\t${r.pattern}\t${r.direction}\t${r.confidence}\t${r.price}\n`;
  let sentiment = '';
  for (const r of batch.sentiment) sentiment += `${t.format(r.time)}\t${r.symbol}\t${r.source}\t${r.score}\t${r.confidence}\t${r.mentions}\n`;
  return [
    { table: TABLES.candles, columns: [...COPY_COLUMNS.candles], text: candles, rows: batch.candles.length },
    { table: TABLES.trades, columns: [...COPY_COLUMNS.trades], text: trades, rows: batch.trades.length },
    { table: TABLES.equitySnapshots, columns: [...COPY_COLUMNS.equity], text: equity, rows: batch.equity.length },
    { table: TABLES.patterns, columns: [...COPY_COLUMNS.patterns], text: patterns, rows: batch.patterns.length },
    { table: TABLES.sentiment, columns: [...COPY_COLUMNS.sentiment], text: sentiment, rows: batch.sentiment.length },
  ];
}

/** Joins per-slice COPY texts table by table (all lists come from toCopyTables, so tables align). */
export function concatCopyTables(parts: CopyTable[][]): CopyTable[] {
  if (parts.length === 0) return toCopyTables({ candles: [], trades: [], equity: [], patterns: [], sentiment: [] });
  return parts[0].map((first, i) => ({
    table: first.table,
    columns: first.columns,
    text: parts.map((p) => p[i].text).join(''),
    rows: parts.reduce((n, p) => n + p[i].rows, 0),
  }));
}
