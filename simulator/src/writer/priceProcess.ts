// Minute candles from a GARCH(1,1)-style random walk: volatility clusters, rare regime switches and jumps
// give fat tails; volume follows the asset class's intraday/weekly seasonality and reacts to big moves.
import type { Random } from './random';
import { roundTo, type AssetClass, type SymbolSpec } from './symbols';

export interface PriceState {
  /** Unrounded last close; the next candle opens at its rounded value. */
  price: number;
  /** Current per-minute return variance. */
  variance: number;
  /** Multiplier on the long-run variance, switched rarely: calm 0.5, normal 1, stressed 2.5. */
  regime: number;
}

export interface Candle {
  time: number;
  symbol: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const MINUTES_PER_YEAR = 525_600;
const GARCH_ALPHA = 0.05;
const GARCH_BETA = 0.93;
const REGIME_SWITCH_PROBABILITY = 1 / 4_000;
const REGIMES = [0.5, 1, 1, 2.5];
const JUMP_PROBABILITY = 0.0005;

export function longRunVariance(spec: SymbolSpec): number {
  return (spec.annualVolatility * spec.annualVolatility) / MINUTES_PER_YEAR;
}

export function initialPriceState(spec: SymbolSpec): PriceState {
  return { price: spec.basePrice, variance: longRunVariance(spec), regime: 1 };
}

/** Relative activity (1 = average) by UTC time: US session U-shape for equities, 24/5 for FX, 24/7 for crypto. */
export function seasonality(assetClass: AssetClass, timeMs: number): number {
  // Arithmetic instead of Date: this runs for every symbol every minute. 1970-01-01 was a Thursday (4).
  const days = Math.floor(timeMs / 86_400_000);
  const day = (days + 4) % 7;
  const hour = (timeMs - days * 86_400_000) / 3_600_000;
  const weekend = day === 0 || day === 6;
  switch (assetClass) {
    case 'crypto':
      return (weekend ? 0.75 : 1) * (1 + 0.35 * Math.sin((2 * Math.PI * (hour - 8)) / 24));
    case 'equity': {
      if (weekend) return 0.03;
      if (hour < 13.5 || hour >= 20) return 0.12; // pre/after-market quotes
      const x = (hour - 13.5) / 6.5; // 0..1 through the regular session
      return 1.6 * (0.6 + 2.2 * (x - 0.5) * (x - 0.5)); // busy open and close, quiet lunch
    }
    case 'fx':
    case 'commodity':
      if (weekend) return 0.05;
      return hour >= 12 && hour < 16 ? 1.6 : hour >= 7 && hour < 21 ? 1.1 : 0.5; // London/New York overlap
  }
}

/** Advances one minute and returns that minute's candle. Mutates `state`. */
export function nextCandle(state: PriceState, spec: SymbolSpec, random: Random, time: number): Candle {
  if (random.chance(REGIME_SWITCH_PROBABILITY)) state.regime = REGIMES[Math.floor(random.next() * REGIMES.length)];
  const activity = seasonality(spec.assetClass, time);
  const target = longRunVariance(spec) * state.regime;
  const sigma = Math.sqrt(state.variance * Math.max(0.15, Math.min(2, activity)));
  let shock = random.normal();
  if (random.chance(JUMP_PROBABILITY)) shock *= 6;
  const logReturn = sigma * shock - 0.5 * sigma * sigma;
  state.variance = target * (1 - GARCH_ALPHA - GARCH_BETA) + GARCH_ALPHA * sigma * sigma * shock * shock + GARCH_BETA * state.variance;

  const decimals = spec.priceDecimals;
  const open = roundTo(state.price, decimals);
  state.price *= Math.exp(logReturn);
  const close = roundTo(state.price, decimals);
  const upperWick = Math.abs(random.normal()) * sigma * 0.6;
  const lowerWick = Math.abs(random.normal()) * sigma * 0.6;
  // Rounding is monotone, so high >= max(open, close) and low <= min(open, close) survive it.
  const high = roundTo(Math.max(open, close) * (1 + upperWick), decimals);
  const low = roundTo(Math.min(open, close) * (1 - lowerWick), decimals);

  const surprise = Math.min(4, Math.abs(shock));
  const notional = spec.minuteNotional * activity * (0.6 + 0.4 * surprise) * Math.exp(0.35 * random.normal() - 0.06);
  const lot = 10 ** -spec.quantityDecimals;
  const volume = Math.max(lot, roundTo(notional / close, spec.quantityDecimals));
  return { time, symbol: spec.symbol, open, high, low, close, volume };
}
