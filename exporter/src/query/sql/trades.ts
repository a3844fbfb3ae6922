// Trades as a table (newest first) and as annotation markers; raw rows, capped at maxRows + 1 to detect truncation.
import { TABLES } from '../relations';
import { type RawWindow, type SqlQuery, Params, anyOf } from './common';

export function buildTradesSql(
  window: RawWindow,
  selection: { symbols: readonly string[]; strategies: readonly string[] },
  maxRows: number,
): SqlQuery {
  const params = new Params();
  const text = `SELECT time, trade_id::text AS trade_id, strategy, symbol, side, quantity, price, fee, realized_pnl
FROM ${TABLES.trades}
WHERE time >= ${params.time(window.fromMs)} AND time <= ${params.time(window.toMs)}${anyOf(params, 'strategy', selection.strategies)}${anyOf(params, 'symbol', selection.symbols)}
ORDER BY time DESC, trade_id DESC
LIMIT ${params.add(maxRows + 1, 'int')}`;
  return { text, values: params.values };
}
