// The whole market as one deterministic state machine: each step produces one minute of rows for every table.
// Its state is plain JSON (PRNG words included), so a checkpoint taken after any minute resumes bit-for-bit.
import { createIndicators, updateIndicators, type Indicators } from './indicators';
import { createPatternWindow, observeCandle, type PatternDirection, type PatternName, type PatternWindow } from './patterns';
import { applyFill, createPortfolio, valuePortfolio, type Portfolio } from './portfolio';
import { initialPriceState, nextCandle, seasonality, type Candle, type PriceState } from './priceProcess';
import { Random, type RandomState } from './random';
import { createSentimentState, nextSentiment, SENTIMENT_INTERVAL_MS, type SentimentState } from './sentiment';
import {
  breakoutSignal, FEE_RATES, meanReversionSignal, momentumSignal, pairsSignal, POSITION_NOTIONAL, SLIPPAGE,
  STRATEGY_CAPITAL, STRATEGY_NAMES, strategyUniverse, WARMUP_MINUTES, type Direction, type SpreadState, type StrategyName,
} from './strategies';
import { defaultSymbols, roundTo, symbolsByName, type SymbolSpec } from './symbols';
import type { SentimentSource } from '../db/schema';

export const MINUTE_MS = 60_000;
export const TIMEFRAME = '1m';
/** Trades execute at the close of the bar that triggered them. */
export const TRADE_OFFSET_MS = 59_000;

export interface SimulationConfig {
  seed: number;
  symbols: SymbolSpec[];
  strategies: StrategyName[];
}

export const DEFAULT_SEED = 20_260_101;

/** The world a seed names: the first `symbols` catalog symbols (default 20) or those names, all strategies by default. */
export function worldConfig(options: { seed: number; symbols?: number | string[]; strategies?: StrategyName[] }): SimulationConfig {
  const symbols = Array.isArray(options.symbols) ? symbolsByName(options.symbols) : defaultSymbols(options.symbols ?? 20);
  return { seed: options.seed, symbols, strategies: options.strategies ?? [...STRATEGY_NAMES] };
}

export interface TradeRow {
  time: number;
  tradeId: number;
  strategy: StrategyName;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  fee: number;
  realizedPnl: number;
}

export interface EquityRow {
  time: number;
  strategy: StrategyName;
  equity: number;
  cash: number;
  unrealizedPnl: number;
  realizedPnl: number;
  grossExposure: number;
  netExposure: number;
  openPositions: number;
}

export interface PatternRow {
  time: number;
  symbol: string;
  pattern: PatternName;
  direction: PatternDirection;
  confidence: number;
  price: number;
}

export interface SentimentRow {
  time: number;
  symbol: string;
  source: SentimentSource;
  score: number;
  confidence: number;
  mentions: number;
}

/** Rows of one or more minutes, per table, in generation order. */
export interface RowBatch {
  candles: Candle[];
  trades: TradeRow[];
  equity: EquityRow[];
  patterns: PatternRow[];
  sentiment: SentimentRow[];
}

export function emptyBatch(): RowBatch {
  return { candles: [], trades: [], equity: [], patterns: [], sentiment: [] };
}

export function batchRowCount(batch: RowBatch): number {
  return batch.candles.length + batch.trades.length + batch.equity.length + batch.patterns.length + batch.sentiment.length;
}

interface StrategyRuntime {
  name: StrategyName;
  portfolio: Portfolio;
  /** Universe entries: symbol indexes (one, or two for a pair) */
  universe: number[][];
  targets: Direction[];
  spreads: SpreadState[];
  nextTradeId: number;
}

export interface SimulationState {
  version: 1;
  config: SimulationConfig;
  /** Start of the next minute to generate (ms since epoch, minute-aligned). */
  nextTime: number;
  random: RandomState;
  prices: PriceState[];
  indicators: Indicators[];
  patternWindows: PatternWindow[];
  sentiment: SentimentState[];
  strategies: StrategyRuntime[];
  /**
   * What the emulated services report besides the rows (see world/tradingWorld.ts). Optional: checkpoints
   * written before it existed resume with it started afresh.
   */
  world?: WorldTally;
}

/** Running totals over the simulation's life, read by the emulated services; never written as rows. */
export interface WorldTally {
  buys: number;
  sells: number;
  /** Fills that realised a loss (before fees): what risk_manager counts as stop-losses. */
  losingCloses: number;
  patterns: number;
  /** Highest total equity (sum over strategies, to the cent) of any minute so far. */
  peakEquity: number;
  /** The latest reading per symbol and source (generated every SENTIMENT_INTERVAL_MS). */
  latestSentiment: SentimentRow[];
}

const cents = (x: number) => Math.round(x * 100) / 100 + 0;

export function alignToMinute(timeMs: number): number {
  return Math.floor(timeMs / MINUTE_MS) * MINUTE_MS;
}

export function initialState(config: SimulationConfig, startTime: number): SimulationState {
  if (startTime % MINUTE_MS !== 0) throw new Error('startTime must be aligned to the minute');
  return {
    version: 1,
    config,
    nextTime: startTime,
    random: Random.fromSeed(config.seed).state(),
    prices: config.symbols.map(initialPriceState),
    indicators: config.symbols.map((s) => createIndicators(s.basePrice)),
    patternWindows: config.symbols.map(createPatternWindow),
    sentiment: config.symbols.map((s) => createSentimentState(s.basePrice)),
    strategies: config.strategies.map((name) => {
      const universe = strategyUniverse(name, config.symbols);
      return {
        name,
        portfolio: createPortfolio(STRATEGY_CAPITAL),
        universe,
        targets: universe.map(() => 0 as Direction),
        spreads: universe.map(() => ({ mean: 0, variance: 0, count: 0 })),
        nextTradeId: 1,
      };
    }),
    world: emptyTally(),
  };
}

export function emptyTally(): WorldTally {
  return { buys: 0, sells: 0, losingCloses: 0, patterns: 0, peakEquity: 0, latestSentiment: [] };
}

export class Simulation {
  private readonly random: Random;
  private readonly closes: Record<string, number> = {};

  constructor(readonly state: SimulationState) {
    this.random = new Random(state.random);
    state.world ??= emptyTally();
    state.config.symbols.forEach((s, i) => (this.closes[s.symbol] = state.indicators[i].lastClose));
  }

  static start(config: SimulationConfig, startTime: number): Simulation {
    return new Simulation(initialState(config, startTime));
  }

  /** A deep copy of the state, safe to store while the simulation goes on. */
  checkpoint(): SimulationState {
    this.state.random = this.random.state();
    return JSON.parse(JSON.stringify(this.state));
  }

  get nextTime(): number {
    return this.state.nextTime;
  }

  /** Generates every minute before `endTime` (exclusive) into `out`. */
  runUntil(endTime: number, out: RowBatch = emptyBatch()): RowBatch {
    while (this.state.nextTime < endTime) this.step(out);
    return out;
  }

  /** Generates one minute into `out` and advances. */
  step(out: RowBatch): void {
    const { config } = this.state;
    const tally = this.state.world!;
    const time = this.state.nextTime;
    const symbols = config.symbols;
    for (let i = 0; i < symbols.length; i++) {
      const candle = nextCandle(this.state.prices[i], symbols[i], this.random, time);
      out.candles.push(candle);
      updateIndicators(this.state.indicators[i], candle.close);
      this.closes[candle.symbol] = candle.close;
      for (const d of observeCandle(this.state.patternWindows[i], candle)) {
        out.patterns.push({ time, symbol: candle.symbol, pattern: d.pattern, direction: d.direction, confidence: d.confidence, price: candle.close });
        tally.patterns++;
      }
      if (time % SENTIMENT_INTERVAL_MS === 0) {
        if (i === 0) tally.latestSentiment = [];
        const activity = seasonality(symbols[i].assetClass, time);
        for (const r of nextSentiment(this.state.sentiment[i], symbols[i], candle.close, activity, this.random)) {
          const row = { time, symbol: candle.symbol, ...r };
          out.sentiment.push(row);
          tally.latestSentiment.push(row);
        }
      }
    }
    let totalEquity = 0;
    for (const strategy of this.state.strategies) totalEquity += this.runStrategy(strategy, time, out);
    tally.peakEquity = Math.max(tally.peakEquity, cents(totalEquity));
    this.state.nextTime = time + MINUTE_MS;
  }

  /** Trades one strategy for the minute and returns its equity snapshot (to the cent). */
  private runStrategy(strategy: StrategyRuntime, time: number, out: RowBatch): number {
    const { symbols } = this.state.config;
    for (let k = 0; k < strategy.universe.length; k++) {
      const legs = strategy.universe[k];
      const ind = this.state.indicators[legs[0]];
      let target: Direction;
      switch (strategy.name) {
        case 'momentum':
          target = momentumSignal(ind, strategy.targets[k]);
          break;
        case 'mean_reversion':
          target = meanReversionSignal(ind, strategy.targets[k]);
          break;
        case 'breakout':
          target = breakoutSignal(ind, strategy.targets[k]);
          break;
        case 'pairs':
          target = pairsSignal(strategy.spreads[k], ind.lastClose, this.state.indicators[legs[1]].lastClose, strategy.targets[k]);
          break;
      }
      if (ind.count < WARMUP_MINUTES || target === strategy.targets[k]) continue;
      strategy.targets[k] = target;
      for (let leg = 0; leg < legs.length; leg++) {
        const direction = leg === 0 ? target : (-target as Direction);
        this.rebalance(strategy, symbols[legs[leg]], direction, time, out);
      }
    }
    const v = valuePortfolio(strategy.portfolio, this.closes);
    const equity = cents(v.equity);
    // Money columns are reported to the cent (the state keeps full precision): shorter COPY text, readable values.
    out.equity.push({
      time,
      strategy: strategy.name,
      equity,
      cash: cents(strategy.portfolio.cash),
      unrealizedPnl: cents(v.unrealizedPnl),
      realizedPnl: cents(strategy.portfolio.realizedPnl),
      grossExposure: cents(v.grossExposure),
      netExposure: cents(v.netExposure),
      openPositions: v.openPositions,
    });
    return equity;
  }

  private rebalance(strategy: StrategyRuntime, spec: SymbolSpec, direction: Direction, time: number, out: RowBatch): void {
    const close = this.closes[spec.symbol];
    const held = strategy.portfolio.positions[spec.symbol]?.quantity ?? 0;
    const size = Math.max(10 ** -spec.quantityDecimals, roundTo(POSITION_NOTIONAL / close, spec.quantityDecimals));
    const delta = roundTo(direction * size - held, spec.quantityDecimals);
    if (delta === 0) return;
    const price = roundTo(close * (1 + Math.sign(delta) * SLIPPAGE), spec.priceDecimals);
    const fill = applyFill(strategy.portfolio, spec.symbol, delta, price, FEE_RATES[spec.assetClass]);
    const tally = this.state.world!;
    if (fill.side === 'buy') tally.buys++;
    else tally.sells++;
    if (fill.realizedPnl < 0) tally.losingCloses++;
    out.trades.push({
      time: time + TRADE_OFFSET_MS,
      tradeId: strategy.nextTradeId++,
      strategy: strategy.name,
      symbol: spec.symbol,
      side: fill.side,
      quantity: fill.quantity,
      price: fill.price,
      fee: roundTo(fill.fee, 6),
      realizedPnl: roundTo(fill.realizedPnl, 6) + 0,
    });
  }
}
