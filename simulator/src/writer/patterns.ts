// Candlestick and chart pattern detection on each symbol's recent 1-minute candles. Thresholds are strict
// (bodies and ranges well above the recent average, a prior trend, a neckline break) so that detections stay
// at a believable rate of a few per symbol per day rather than firing on every wiggle of a random walk.
import type { Candle } from './priceProcess';

export const PATTERN_NAMES = [
  'engulfing', 'hammer', 'shooting_star', 'doji',
  'double_top', 'double_bottom', 'head_and_shoulders', 'inverse_head_and_shoulders',
] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];
export type PatternDirection = 'bullish' | 'bearish';

export interface Detection {
  pattern: PatternName;
  direction: PatternDirection;
  confidence: number;
}

export const WINDOW = 40;
const COOLDOWN_MS = 30 * 60_000;
const TREND_LOOKBACK = 6;

export interface PatternWindow {
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  /** Last detection time per pattern, to report a formation once rather than on every following minute. */
  lastSeen: Partial<Record<PatternName, number>>;
}

export function createPatternWindow(): PatternWindow {
  return { open: [], high: [], low: [], close: [], lastSeen: {} };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function averages(w: PatternWindow, count: number): { body: number; range: number } {
  const n = w.close.length;
  let body = 0;
  let range = 0;
  const from = Math.max(0, n - 1 - count);
  for (let i = from; i < n - 1; i++) {
    body += Math.abs(w.close[i] - w.open[i]);
    range += w.high[i] - w.low[i];
  }
  const k = Math.max(1, n - 1 - from);
  return { body: body / k, range: range / k };
}

/** Candlestick patterns on the newest candle. */
export function detectCandlestick(w: PatternWindow): Detection[] {
  const n = w.close.length;
  if (n < 21) return [];
  const i = n - 1;
  const o = w.open[i], h = w.high[i], l = w.low[i], c = w.close[i];
  const body = Math.abs(c - o);
  const range = h - l;
  const avg = averages(w, 20);
  if (range <= 0 || avg.range <= 0) return [];
  const trend = (w.close[i - 1] - w.close[i - 1 - TREND_LOOKBACK]) / avg.range; // in average ranges
  const out: Detection[] = [];

  const po = w.open[i - 1], pc = w.close[i - 1];
  const prevBody = Math.abs(pc - po);
  const opposite = Math.sign(c - o) !== 0 && Math.sign(c - o) === -Math.sign(pc - po);
  if (opposite && body >= 2.2 * avg.body && body > 1.3 * prevBody &&
      Math.max(o, c) >= Math.max(po, pc) && Math.min(o, c) <= Math.min(po, pc) && Math.sign(trend) === -Math.sign(c - o) && Math.abs(trend) >= 2) {
    out.push({ pattern: 'engulfing', direction: c > o ? 'bullish' : 'bearish',
      confidence: round3(clamp(0.5 + 0.08 * (body / avg.body - 2.2) + 0.05 * Math.abs(trend), 0.5, 0.97)) });
  }
  const upper = h - Math.max(o, c);
  const lower = Math.min(o, c) - l;
  if (range >= 1.8 * avg.range && body > 0.08 * range) {
    if (lower >= 2.5 * body && upper <= 0.4 * body && trend <= -2) {
      out.push({ pattern: 'hammer', direction: 'bullish', confidence: round3(clamp(0.45 + 0.05 * lower / body + 0.04 * -trend, 0.45, 0.95)) });
    } else if (upper >= 2.5 * body && lower <= 0.4 * body && trend >= 2) {
      out.push({ pattern: 'shooting_star', direction: 'bearish', confidence: round3(clamp(0.45 + 0.05 * upper / body + 0.04 * trend, 0.45, 0.95)) });
    }
  }
  if (body <= 0.04 * range && range >= 2.2 * avg.range && Math.abs(trend) >= 2.5) {
    out.push({ pattern: 'doji', direction: trend > 0 ? 'bearish' : 'bullish', confidence: round3(clamp(0.35 + 0.05 * Math.abs(trend), 0.35, 0.75)) });
  }
  return out;
}

// Hot path (every symbol, every minute): plain loops, no closures or array copies.
function swings(values: number[], sign: 1 | -1): number[] {
  const idx: number[] = [];
  for (let i = 2; i < values.length - 2; i++) {
    const v = values[i] * sign;
    if (v > values[i - 1] * sign && v > values[i - 2] * sign && v > values[i + 1] * sign && v > values[i + 2] * sign) idx.push(i);
  }
  return idx;
}

function minBetween(series: number[], from: number, to: number): number {
  let m = Infinity;
  for (let i = from; i <= to; i++) if (series[i] < m) m = series[i];
  return m;
}

function maxBetween(series: number[], from: number, to: number): number {
  let m = -Infinity;
  for (let i = from; i <= to; i++) if (series[i] > m) m = series[i];
  return m;
}

/** Chart patterns (double tops/bottoms, head and shoulders) completed by a neckline break on the newest candle. */
export function detectChartPatterns(w: PatternWindow): Detection[] {
  const n = w.close.length;
  if (n < WINDOW) return [];
  const avg = averages(w, WINDOW - 1);
  if (avg.range <= 0) return [];
  const last0 = w.close[n - 1];
  const prev0 = w.close[n - 2];
  // Cheap pre-check: every pattern here needs a close crossing a neckline at least 3 average ranges from the
  // extreme of the window, so most minutes stop here.
  const falling = last0 < prev0 && maxBetween(w.high, 0, n - 1) - last0 >= 3 * avg.range;
  const rising = last0 > prev0 && last0 - minBetween(w.low, 0, n - 1) >= 3 * avg.range;
  if (!falling && !rising) return [];
  const tolerance = 0.35 * avg.range;
  const last = w.close[n - 1];
  const prev = w.close[n - 2];
  const out: Detection[] = [];

  const highs = falling ? swings(w.high, 1) : [];
  if (highs.length >= 2) {
    const [a, b] = highs.slice(-2);
    const neckline = minBetween(w.low, a, b);
    const peak = Math.min(w.high[a], w.high[b]);
    if (b - a >= 6 && Math.abs(w.high[a] - w.high[b]) <= tolerance && peak - neckline >= 3 * avg.range && prev >= neckline && last < neckline) {
      out.push({ pattern: 'double_top', direction: 'bearish', confidence: round3(clamp(0.55 + 0.35 * (1 - Math.abs(w.high[a] - w.high[b]) / tolerance), 0.5, 0.95)) });
    }
  }
  if (highs.length >= 3) {
    const [s1, head, s2] = highs.slice(-3);
    const neckline = Math.min(minBetween(w.low, s1, head), minBetween(w.low, head, s2));
    const shoulders = Math.max(w.high[s1], w.high[s2]);
    if (w.high[head] - shoulders >= 1.5 * avg.range && Math.abs(w.high[s1] - w.high[s2]) <= 2 * tolerance && prev >= neckline && last < neckline) {
      out.push({ pattern: 'head_and_shoulders', direction: 'bearish', confidence: round3(clamp(0.6 + 0.1 * (w.high[head] - shoulders) / avg.range - 0.1 * Math.abs(w.high[s1] - w.high[s2]) / tolerance, 0.5, 0.95)) });
    }
  }
  const lows = rising ? swings(w.low, -1) : [];
  if (lows.length >= 2) {
    const [a, b] = lows.slice(-2);
    const neckline = maxBetween(w.high, a, b);
    const trough = Math.max(w.low[a], w.low[b]);
    if (b - a >= 6 && Math.abs(w.low[a] - w.low[b]) <= tolerance && neckline - trough >= 3 * avg.range && prev <= neckline && last > neckline) {
      out.push({ pattern: 'double_bottom', direction: 'bullish', confidence: round3(clamp(0.55 + 0.35 * (1 - Math.abs(w.low[a] - w.low[b]) / tolerance), 0.5, 0.95)) });
    }
  }
  if (lows.length >= 3) {
    const [s1, head, s2] = lows.slice(-3);
    const neckline = Math.max(maxBetween(w.high, s1, head), maxBetween(w.high, head, s2));
    const shoulders = Math.min(w.low[s1], w.low[s2]);
    if (shoulders - w.low[head] >= 1.5 * avg.range && Math.abs(w.low[s1] - w.low[s2]) <= 2 * tolerance && prev <= neckline && last > neckline) {
      out.push({ pattern: 'inverse_head_and_shoulders', direction: 'bullish', confidence: round3(clamp(0.6 + 0.1 * (shoulders - w.low[head]) / avg.range - 0.1 * Math.abs(w.low[s1] - w.low[s2]) / tolerance, 0.5, 0.95)) });
    }
  }
  return out;
}

/** Adds the candle to the window and returns the patterns it completes (each at most once per cooldown). */
export function observeCandle(w: PatternWindow, candle: Candle): Detection[] {
  w.open.push(candle.open);
  w.high.push(candle.high);
  w.low.push(candle.low);
  w.close.push(candle.close);
  if (w.close.length > WINDOW) {
    w.open.shift();
    w.high.shift();
    w.low.shift();
    w.close.shift();
  }
  const found = detectCandlestick(w).concat(detectChartPatterns(w));
  const fresh: Detection[] = [];
  for (const d of found) {
    const seen = w.lastSeen[d.pattern];
    if (seen !== undefined && candle.time - seen < COOLDOWN_MS) continue;
    w.lastSeen[d.pattern] = candle.time;
    fresh.push(d);
  }
  return fresh;
}
