// The one emulated market: the writer's minute simulation (writer/simulation.ts) is the source of every
// trading, sentiment and pattern number, for the database rows and for the emulated services alike.
// The data writer attaches the simulation it writes; until then (or with no database at all) the world
// runs one of its own from the same seed, so the services always answer and stay deterministic.
import {
  alignToMinute, emptyBatch, MINUTE_MS, Simulation, worldConfig, type SentimentRow, type SimulationConfig,
} from '../writer/simulation';
import { valuePortfolio } from '../writer/portfolio';
import type { StrategyName } from '../writer/strategies';

/** An own world starts this long before the first look, so the strategies are past their warm-up (240 min). */
export const OWN_WORLD_WARMUP_MINUTES = 300;
/** Clock jumps longer than this restart the own world instead of replaying every minute. */
export const OWN_WORLD_MAX_CATCH_UP_MINUTES = 7 * 1440;
/** 1-day value at risk from annualised volatility, markets trading every day. */
const DAYS_PER_YEAR = 365;

export interface StrategySnapshot {
  name: StrategyName;
  equity: number;
  cash: number;
  realizedPnl: number;
  unrealizedPnl: number;
  grossExposure: number;
  netExposure: number;
  openPositions: number;
}

/** The world as of the close of its latest minute: what the equity_snapshots row of that minute holds. */
export interface WorldSnapshot {
  /**
   * Which simulation this is from: it changes when a writer attaches or detaches (or the own world restarts),
   * and the counting services then take the new totals as their baseline instead of counting the difference.
   */
  source: number;
  /** Start of the latest generated minute (the `time` of its rows); NaN before the first minute. */
  timeMs: number;
  strategies: StrategySnapshot[];
  /** Sum of the strategies' equity (each to the cent, as written). */
  totalEquity: number;
  /** Highest totalEquity of any minute since the world began. */
  peakEquity: number;
  /**
   * Fall from that peak, 0–1 (positive, like the exporter's KPI alphapulse_strategy_drawdown_ratio; the
   * query API's drawdown series is the same quantity negated, equity / peak − 1).
   */
  drawdownRatio: number;
  /** Signed notional per symbol over all strategies at the minute's closes (long positive). */
  positionNotionals: Map<string, number>;
  grossExposure: number;
  netExposure: number;
  valueAtRisk: number;
  openPositions: number;
  /** Fills since the world began: one trades row each. */
  fills: number;
  buys: number;
  sells: number;
  losingCloses: number;
  patterns: number;
  /** The latest sentiment row per symbol and source. */
  sentiment: readonly SentimentRow[];
}

const cents = (x: number) => Math.round(x * 100) / 100 + 0;

/** Reads a simulation's state; pure (the state is not changed). */
export function snapshotOf(simulation: Simulation, source = 0): WorldSnapshot {
  const { state } = simulation;
  const closes: Record<string, number> = {};
  state.config.symbols.forEach((spec, i) => (closes[spec.symbol] = state.indicators[i].lastClose));
  const notionals = new Map<string, number>();
  let fills = 0;
  let openPositions = 0;
  const strategies = state.strategies.map((strategy): StrategySnapshot => {
    const v = valuePortfolio(strategy.portfolio, closes);
    fills += strategy.nextTradeId - 1;
    openPositions += v.openPositions;
    for (const symbol in strategy.portfolio.positions) {
      notionals.set(symbol, (notionals.get(symbol) ?? 0) + strategy.portfolio.positions[symbol].quantity * closes[symbol]);
    }
    return {
      name: strategy.name,
      equity: cents(v.equity),
      cash: cents(strategy.portfolio.cash),
      realizedPnl: cents(strategy.portfolio.realizedPnl),
      unrealizedPnl: cents(v.unrealizedPnl),
      grossExposure: cents(v.grossExposure),
      netExposure: cents(v.netExposure),
      openPositions: v.openPositions,
    };
  });
  const totalEquity = cents(strategies.reduce((sum, s) => sum + s.equity, 0));
  const tally = state.world;
  const peakEquity = Math.max(tally?.peakEquity ?? 0, totalEquity);
  let gross = 0;
  let net = 0;
  let variance = 0;
  for (const [symbol, notional] of notionals) {
    gross += Math.abs(notional);
    net += notional;
    const spec = state.config.symbols.find((s) => s.symbol === symbol);
    variance += (notional * (spec ? spec.annualVolatility / Math.sqrt(DAYS_PER_YEAR) : 0)) ** 2;
  }
  return {
    source,
    timeMs: state.nextTime - MINUTE_MS,
    strategies,
    totalEquity,
    peakEquity,
    drawdownRatio: peakEquity > 0 ? Math.min(1, Math.max(0, 1 - totalEquity / peakEquity)) : 0,
    positionNotionals: notionals,
    grossExposure: gross,
    netExposure: net,
    valueAtRisk: 1.645 * Math.sqrt(variance),
    openPositions,
    fills,
    buys: tally?.buys ?? 0,
    sells: tally?.sells ?? 0,
    losingCloses: tally?.losingCloses ?? 0,
    patterns: tally?.patterns ?? 0,
    sentiment: tally?.latestSentiment ?? [],
  };
}

export interface TradingWorldOptions {
  seed: number;
  /** As the data writer takes them: a count from the catalog (default 20) or names. */
  symbols?: number | string[];
  strategies?: StrategyName[];
}

export class TradingWorld {
  readonly config: SimulationConfig;
  private own: Simulation | null = null;
  private attached: Simulation | null = null;
  private attachedKey: string | null = null;
  private cached: { simulation: Simulation; nextTime: number; snapshot: WorldSnapshot } | null = null;
  /** Source ids by key: the own world, or a writer by its id (in-process or followed through its checkpoint). */
  private readonly sources = new Map<string, number>();
  private ownGeneration = 0;

  constructor(options: TradingWorldOptions) {
    this.config = worldConfig(options);
  }

  /**
   * The data writer's simulation becomes the world (the one whose rows are in the database). `key` names the
   * writer: a later simulation under the same key (a fresh copy from its checkpoint) continues the same
   * source, so the services go on counting instead of starting a new baseline.
   */
  attach(simulation: Simulation, key = 'writer:default'): void {
    this.attached = simulation;
    this.attachedKey = key;
  }

  detach(simulation: Simulation): void {
    if (this.attached === simulation) {
      this.attached = null;
      this.attachedKey = null;
    }
  }

  get isAttached(): boolean {
    return this.attached !== null;
  }

  /**
   * The world as a reader at `nowMs` sees it. Attached: the writer's latest minute, whatever `nowMs` is
   * (the writer keeps it current by its own clock). Otherwise the own world, stepped through every minute
   * completed before `nowMs`, like the live writer: a function of the seed and the first `nowMs` only.
   */
  at(nowMs: number): WorldSnapshot {
    const simulation = this.attached ?? this.ownAt(nowMs);
    const cached = this.cached;
    if (cached && cached.simulation === simulation && cached.nextTime === simulation.nextTime) return cached.snapshot;
    const key = this.attachedKey ?? `own#${this.ownGeneration}`;
    let source = this.sources.get(key);
    if (source === undefined) this.sources.set(key, (source = this.sources.size + 1));
    const snapshot = snapshotOf(simulation, source);
    this.cached = { simulation, nextTime: simulation.nextTime, snapshot };
    return snapshot;
  }

  private ownAt(nowMs: number): Simulation {
    const due = alignToMinute(nowMs);
    if (!this.own || due - this.own.nextTime > OWN_WORLD_MAX_CATCH_UP_MINUTES * MINUTE_MS) {
      if (this.own) this.ownGeneration++;
      this.own = Simulation.start(this.config, due - OWN_WORLD_WARMUP_MINUTES * MINUTE_MS);
    }
    const own = this.own;
    while (own.nextTime < due) own.runUntil(own.nextTime + MINUTE_MS, emptyBatch()); // rows are not kept
    return own;
  }
}
