// Independent computations of what each query type must answer for the fixture, in plain TypeScript.
import { alignDown } from '../../src/query/buckets';
import type { CandleRow, EquityRow, Fixture, PatternRow, SentimentRow, TradeRow } from './fixture';

function groupBy<T>(rows: T[], key: (row: T) => string | number): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  return groups;
}

const inWindow = <T extends { time: number }>(rows: T[], fromMs: number, toMs: number) => rows.filter((r) => r.time >= fromMs && r.time < toMs);

export function expectedCandles(rows: CandleRow[], symbol: string, fromMs: number, toMs: number, bucketMs: number) {
  const mine = inWindow(rows.filter((r) => r.symbol === symbol), fromMs, toMs).sort((a, b) => a.time - b.time);
  return [...groupBy(mine, (r) => alignDown(r.time, bucketMs))].map(([time, group]) => ({
    time: time as number,
    open: group[0].open,
    high: Math.max(...group.map((r) => r.high)),
    low: Math.min(...group.map((r) => r.low)),
    close: group[group.length - 1].close,
    volume: group.reduce((sum, r) => sum + r.volume, 0),
  }));
}

export function expectedEquity(rows: EquityRow[], strategy: string, fromMs: number, toMs: number, bucketMs: number) {
  const mine = inWindow(rows.filter((r) => r.strategy === strategy), fromMs, toMs);
  return [...groupBy(mine, (r) => alignDown(r.time, bucketMs))].map(([time, group]) => ({ time: time as number, equity: group[group.length - 1].equity }));
}

export function expectedPnl(rows: TradeRow[], strategy: string, fromMs: number, toMs: number, bucketMs: number, cumulative: boolean) {
  const mine = inWindow(rows.filter((r) => r.strategy === strategy), fromMs, toMs);
  let running = 0;
  return [...groupBy(mine, (r) => alignDown(r.time, bucketMs))].map(([time, group]) => {
    const pnl = group.reduce((sum, r) => sum + r.realized_pnl - r.fee, 0);
    running += pnl;
    return { time: time as number, pnl: cumulative ? running : pnl };
  });
}

export function expectedDrawdown(rows: EquityRow[], strategy: string, fromMs: number, toMs: number, bucketMs: number) {
  let peak = -Infinity;
  const points = inWindow(rows.filter((r) => r.strategy === strategy), fromMs, toMs).map((r) => {
    peak = Math.max(peak, r.equity);
    return { time: r.time, drawdown: r.equity / peak - 1 };
  });
  return [...groupBy(points, (r) => alignDown(r.time, bucketMs))].map(([time, group]) => ({ time: time as number, drawdown: Math.min(...group.map((r) => r.drawdown)) }));
}

export function expectedSummary(fixture: Fixture, strategy: string, fromMs: number, toMs: number) {
  const trades = fixture.trades.filter((r) => r.strategy === strategy && r.time >= fromMs && r.time <= toMs);
  const wins = trades.filter((r) => r.realized_pnl > 0);
  const losses = trades.filter((r) => r.realized_pnl < 0);
  const grossProfit = wins.reduce((s, r) => s + r.realized_pnl, 0);
  const grossLoss = -losses.reduce((s, r) => s + r.realized_pnl, 0);
  const equity = fixture.equity.filter((r) => r.strategy === strategy && r.time >= fromMs && r.time <= toMs);
  const dailyClose = [...groupBy(equity, (r) => alignDown(r.time, 86_400_000))].map(([, group]) => group[group.length - 1].equity);
  const returns = dailyClose.slice(1).map((close, i) => close / dailyClose[i] - 1);
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const sd = Math.sqrt(returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1));
  const downside = Math.sqrt(returns.reduce((s, r) => s + Math.min(r, 0) ** 2, 0) / returns.length);
  let peak = -Infinity;
  let maxDrawdown = 0;
  for (const r of equity) {
    peak = Math.max(peak, r.equity);
    maxDrawdown = Math.min(maxDrawdown, r.equity / peak - 1);
  }
  return {
    trades: trades.length,
    winRate: wins.length / (wins.length + losses.length),
    profitFactor: grossProfit / grossLoss,
    avgWin: grossProfit / wins.length,
    avgLoss: -grossLoss / losses.length,
    netPnl: trades.reduce((s, r) => s + r.realized_pnl - r.fee, 0),
    sharpe: returns.length >= 2 && sd > 0 ? (mean / sd) * Math.sqrt(365) : null,
    sortino: returns.length >= 2 && downside > 0 ? (mean / downside) * Math.sqrt(365) : null,
    maxDrawdown,
  };
}

export function expectedPatternCounts(rows: PatternRow[], pattern: string, minConfidence: number, fromMs: number, toMs: number, bucketMs: number) {
  const mine = inWindow(rows.filter((r) => r.pattern === pattern && r.confidence >= minConfidence), fromMs, toMs);
  const counts = groupBy(mine, (r) => alignDown(r.time, bucketMs));
  const series: { time: number; count: number }[] = [];
  for (let time = fromMs; time < toMs; time += bucketMs) series.push({ time, count: counts.get(time)?.length ?? 0 });
  return series;
}

export function expectedSentiment(rows: SentimentRow[], symbol: string, source: string | null, fromMs: number, toMs: number, bucketMs: number) {
  const mine = inWindow(rows.filter((r) => r.symbol === symbol && (source === null || r.source === source)), fromMs, toMs);
  return [...groupBy(mine, (r) => alignDown(r.time, bucketMs))]
    .sort(([a], [b]) => (a as number) - (b as number))
    .map(([time, group]) => ({
      time: time as number,
      score: group.reduce((s, r) => s + r.score * r.confidence, 0) / group.reduce((s, r) => s + r.confidence, 0),
      mentions: group.reduce((s, r) => s + r.mentions, 0),
    }));
}
