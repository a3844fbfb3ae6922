// Four strategy kinds that decide a target direction (−1 short, 0 flat, +1 long) per symbol every minute;
// the simulation turns target changes into fills through the portfolio.
import type { Indicators } from './indicators';
import type { SymbolSpec } from './symbols';

export const STRATEGY_NAMES = ['momentum', 'mean_reversion', 'breakout', 'pairs'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];
export type Direction = -1 | 0 | 1;

export const WARMUP_MINUTES = 240;
export const POSITION_NOTIONAL = 100_000;
export const STRATEGY_CAPITAL = 1_000_000;

export const FEE_RATES: Record<SymbolSpec['assetClass'], number> = { crypto: 0.001, equity: 0.0005, fx: 0.0002, commodity: 0.0005 };
export const SLIPPAGE = 0.0001;

/** Which symbols (by index into the configured list) each strategy trades; pairs trade two legs together. */
export function strategyUniverse(name: StrategyName, symbols: SymbolSpec[]): number[][] {
  const singles = (remainder: number) => symbols.map((_, i) => i).filter((i) => i % 3 === remainder).map((i) => [i]);
  switch (name) {
    case 'momentum':
      return singles(0);
    case 'mean_reversion':
      return singles(1);
    case 'breakout':
      return singles(2);
    case 'pairs': {
      const pairs: number[][] = [];
      for (let i = 0; i + 1 < symbols.length && pairs.length < 3; i++) {
        if (symbols[i].assetClass === symbols[i + 1].assetClass) {
          pairs.push([i, i + 1]);
          i++;
        }
      }
      return pairs;
    }
  }
}

export function momentumSignal(ind: Indicators, current: Direction): Direction {
  const threshold = 1.5 * Math.sqrt(ind.returnVariance * 30);
  const trend = (ind.emaFast - ind.emaSlow) / ind.emaSlow;
  if (trend > threshold) return 1;
  if (trend < -threshold) return -1;
  return current;
}

export function meanReversionSignal(ind: Indicators, current: Direction): Direction {
  if (ind.variance <= 0) return current;
  const z = (ind.lastClose - ind.mean) / Math.sqrt(ind.variance);
  if (z > 2.5) return -1;
  if (z < -2.5) return 1;
  if (current !== 0 && Math.abs(z) < 0.25) return 0;
  return current;
}

export function breakoutSignal(ind: Indicators, current: Direction): Direction {
  if (ind.recentCloses.length === 0) return current;
  let highest = -Infinity;
  let lowest = Infinity;
  for (const c of ind.recentCloses) {
    if (c > highest) highest = c;
    if (c < lowest) lowest = c;
  }
  // Enter only on a decisive break (two 1-minute deviations past the channel), exit on a clear move back
  // through the slow average: without these margins a random walk whipsaws the strategy into fees.
  const margin = 2 * Math.sqrt(ind.returnVariance) * ind.lastClose;
  const exitBand = Math.sqrt(ind.returnVariance * 30) * ind.lastClose;
  if (ind.lastClose > highest + margin) return 1;
  if (ind.lastClose < lowest - margin) return -1;
  if (current === 1 && ind.lastClose < ind.emaSlow - exitBand) return 0;
  if (current === -1 && ind.lastClose > ind.emaSlow + exitBand) return 0;
  return current;
}

export interface SpreadState {
  mean: number;
  variance: number;
  count: number;
}

const SPREAD_ALPHA = 2 / (240 + 1);

/** Pairs: z-score of the log price ratio; returns the first leg's direction (the second leg takes the opposite). */
export function pairsSignal(spread: SpreadState, priceA: number, priceB: number, current: Direction): Direction {
  const s = Math.log(priceA / priceB);
  if (spread.count === 0) spread.mean = s;
  const deviation = s - spread.mean;
  spread.mean += SPREAD_ALPHA * deviation;
  spread.variance = (1 - SPREAD_ALPHA) * (spread.variance + SPREAD_ALPHA * deviation * deviation);
  spread.count++;
  if (spread.variance <= 0) return current;
  const z = (s - spread.mean) / Math.sqrt(spread.variance);
  if (z > 2.2) return -1;
  if (z < -2.2) return 1;
  if (current !== 0 && Math.abs(z) < 0.3) return 0;
  return current;
}
