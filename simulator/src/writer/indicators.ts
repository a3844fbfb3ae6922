// Incremental per-symbol indicators shared by the strategies (O(1) per minute, JSON-serialisable).

export const BREAKOUT_LOOKBACK = 60;

export interface Indicators {
  count: number;
  lastClose: number;
  emaFast: number; // 20 minutes
  emaSlow: number; // 120 minutes
  mean: number; // 120-minute exponential mean of the close…
  variance: number; // …and its exponential variance
  returnVariance: number; // exponential variance of 1-minute log returns
  /** Last BREAKOUT_LOOKBACK closes, oldest first, not including the current one. */
  recentCloses: number[];
}

const alpha = (span: number) => 2 / (span + 1);
const FAST = alpha(20);
const SLOW = alpha(120);
const RETURNS = alpha(240);

export function createIndicators(price: number): Indicators {
  return { count: 0, lastClose: price, emaFast: price, emaSlow: price, mean: price, variance: 0, returnVariance: 0, recentCloses: [] };
}

export function updateIndicators(ind: Indicators, close: number): void {
  if (ind.count > 0) {
    ind.recentCloses.push(ind.lastClose);
    if (ind.recentCloses.length > BREAKOUT_LOOKBACK) ind.recentCloses.shift();
    const r = Math.log(close / ind.lastClose);
    ind.returnVariance += RETURNS * (r * r - ind.returnVariance);
  }
  ind.emaFast += FAST * (close - ind.emaFast);
  ind.emaSlow += SLOW * (close - ind.emaSlow);
  const deviation = close - ind.mean;
  ind.mean += SLOW * deviation;
  ind.variance = (1 - SLOW) * (ind.variance + SLOW * deviation * deviation);
  ind.lastClose = close;
  ind.count++;
}
