// The trading book shared by trading_engine (orders, fills, P&L) and risk_manager (exposure, drawdown,
// stop-losses): one source, so the two services' numbers agree the way the real ones would.
import type { OrderSides, OrderStatuses } from './tradingTypes';
import type { Random } from './random';

interface SymbolSpec {
  symbol: string;
  startPrice: number;
  /** Daily volatility; inflated a little over real markets so a demo shows movement within minutes. */
  dailyVolatility: number;
}

export const TRADED_SYMBOLS: readonly SymbolSpec[] = [
  { symbol: 'BTCUSD', startPrice: 67_000, dailyVolatility: 0.09 },
  { symbol: 'ETHUSD', startPrice: 3_400, dailyVolatility: 0.11 },
  { symbol: 'SOLUSD', startPrice: 150, dailyVolatility: 0.14 },
  { symbol: 'AAPL', startPrice: 228, dailyVolatility: 0.045 },
  { symbol: 'MSFT', startPrice: 415, dailyVolatility: 0.04 },
  { symbol: 'NVDA', startPrice: 135, dailyVolatility: 0.08 },
  { symbol: 'TSLA', startPrice: 250, dailyVolatility: 0.09 },
  { symbol: 'SPY', startPrice: 590, dailyVolatility: 0.03 },
];

/** Strategy name → how it picks a side from a symbol's recent drift (+1 follows it, −1 fades it, 0 random). */
const STRATEGIES = [
  { name: 'momentum', follow: 1 },
  { name: 'mean_reversion', follow: -1 },
  { name: 'stat_arb', follow: 0 },
  { name: 'breakout', follow: 1 },
] as const;

const INITIAL_CAPITAL_PER_STRATEGY = 250_000;
const FEE_RATE = 0.0002;
/** Chance per second that a strategy sends an order. */
const ORDER_PROBABILITY = 0.02;
const STOP_LOSS_RATIO = 0.02;
const MAX_POSITION_SHARE = 0.25;
/** Gross exposure above this multiple of equity is a limit breach. */
export const GROSS_EXPOSURE_LIMIT = 1.0;
const SECONDS_PER_DAY = 86_400;

interface Position {
  quantity: number;
  averagePrice: number;
}

export interface StrategyBook {
  readonly name: string;
  readonly follow: number;
  realizedPnl: number;
  readonly positions: Map<string, Position>;
}

export interface OrderEvent {
  side: OrderSides;
  status: OrderStatuses;
}

/** What happened in the latest tick, for the services that count it. */
export interface BookTickEvents {
  orders: OrderEvent[];
  fills: number;
  stopLosses: number;
  limitBreaches: number;
}

export class TradingBook {
  readonly prices = new Map<string, number>();
  /** Exponential average of each symbol's per-second return: the strategies' signal. */
  private readonly drift = new Map<string, number>();
  readonly strategies: StrategyBook[];
  lastTick: BookTickEvents = { orders: [], fills: 0, stopLosses: 0, limitBreaches: 0 };
  private overLimit = false;

  constructor() {
    for (const spec of TRADED_SYMBOLS) {
      this.prices.set(spec.symbol, spec.startPrice);
      this.drift.set(spec.symbol, 0);
    }
    this.strategies = STRATEGIES.map((s) => ({ name: s.name, follow: s.follow, realizedPnl: 0, positions: new Map() }));
  }

  /** One second of market and, when the engine runs, of trading. */
  step(rng: Random, tradingActive: boolean): void {
    const events: BookTickEvents = { orders: [], fills: 0, stopLosses: 0, limitBreaches: 0 };
    this.movePrices(rng);
    if (tradingActive) {
      for (const strategy of this.strategies) {
        this.triggerStopLosses(strategy, events);
        if (rng.chance(ORDER_PROBABILITY)) this.placeOrder(rng, strategy, events);
      }
      const breached = this.grossExposure() > GROSS_EXPOSURE_LIMIT * this.totalEquity();
      if (breached && !this.overLimit) events.limitBreaches++;
      this.overLimit = breached;
    }
    this.lastTick = events;
  }

  private movePrices(rng: Random): void {
    for (const spec of TRADED_SYMBOLS) {
      const sigma = spec.dailyVolatility / Math.sqrt(SECONDS_PER_DAY);
      const ret = sigma * rng.normal();
      this.prices.set(spec.symbol, this.price(spec.symbol) * Math.exp(ret));
      this.drift.set(spec.symbol, 0.98 * (this.drift.get(spec.symbol) ?? 0) + 0.02 * ret);
    }
  }

  price(symbol: string): number {
    return this.prices.get(symbol) ?? 0;
  }

  private placeOrder(rng: Random, strategy: StrategyBook, events: BookTickEvents): void {
    const symbol = rng.pick(TRADED_SYMBOLS).symbol;
    const price = this.price(symbol);
    const signal = Math.sign(this.drift.get(symbol) ?? 0) * strategy.follow;
    let direction = signal === 0 ? (rng.chance(0.5) ? 1 : -1) : signal;
    const equity = this.strategyEquity(strategy);
    const held = strategy.positions.get(symbol)?.quantity ?? 0;
    // Do not pile further into a position that is already a large share of the strategy's equity.
    if (Math.sign(held) === direction && Math.abs(held * price) > MAX_POSITION_SHARE * equity) direction = -direction;
    const quantity = (equity * rng.between(0.02, 0.06)) / price;
    const side: OrderSides = direction > 0 ? 'buy' : 'sell';
    const outcome = rng.next();
    const status: OrderStatuses =
      outcome < 0.86 ? 'filled' : outcome < 0.91 ? 'partially_filled' : outcome < 0.97 ? 'cancelled' : 'rejected';
    events.orders.push({ side, status });
    if (status === 'filled' || status === 'partially_filled') {
      const filled = status === 'filled' ? quantity : quantity * rng.between(0.3, 0.8);
      // Mostly passive limit orders: they tend to fill a little inside the mid, the strategies' small edge.
      const improvement = 1 - direction * rng.between(-0.0001, 0.0008);
      this.fill(strategy, symbol, direction * filled, price * improvement);
      events.fills++;
    }
  }

  private fill(strategy: StrategyBook, symbol: string, signedQuantity: number, price: number): void {
    const position = strategy.positions.get(symbol) ?? { quantity: 0, averagePrice: 0 };
    strategy.realizedPnl -= Math.abs(signedQuantity) * price * FEE_RATE;
    const before = position.quantity;
    if (before === 0 || Math.sign(before) === Math.sign(signedQuantity)) {
      const total = Math.abs(before) + Math.abs(signedQuantity);
      position.averagePrice = (position.averagePrice * Math.abs(before) + price * Math.abs(signedQuantity)) / total;
    } else {
      const closed = Math.min(Math.abs(signedQuantity), Math.abs(before));
      strategy.realizedPnl += closed * (price - position.averagePrice) * Math.sign(before);
      // A fill larger than the position flips it: the remainder opens at this price.
      if (Math.abs(signedQuantity) > Math.abs(before)) position.averagePrice = price;
    }
    position.quantity = before + signedQuantity;
    if (Math.abs(position.quantity * price) < 1) strategy.positions.delete(symbol);
    else strategy.positions.set(symbol, position);
  }

  private triggerStopLosses(strategy: StrategyBook, events: BookTickEvents): void {
    for (const [symbol, position] of [...strategy.positions]) {
      const price = this.price(symbol);
      const move = ((price - position.averagePrice) / position.averagePrice) * Math.sign(position.quantity);
      if (move < -STOP_LOSS_RATIO) {
        events.orders.push({ side: position.quantity > 0 ? 'sell' : 'buy', status: 'filled' });
        this.fill(strategy, symbol, -position.quantity, price);
        events.fills++;
        events.stopLosses++;
      }
    }
  }

  unrealizedPnl(strategy: StrategyBook): number {
    let pnl = 0;
    for (const [symbol, position] of strategy.positions) {
      pnl += (this.price(symbol) - position.averagePrice) * position.quantity;
    }
    return pnl;
  }

  strategyEquity(strategy: StrategyBook): number {
    return INITIAL_CAPITAL_PER_STRATEGY + strategy.realizedPnl + this.unrealizedPnl(strategy);
  }

  totalEquity(): number {
    return this.strategies.reduce((sum, strategy) => sum + this.strategyEquity(strategy), 0);
  }

  openPositions(): number {
    return this.strategies.reduce((sum, strategy) => sum + strategy.positions.size, 0);
  }

  /** Signed notional per symbol across strategies (long positive, short negative). */
  positionNotionals(): Map<string, number> {
    const notionals = new Map<string, number>();
    for (const strategy of this.strategies) {
      for (const [symbol, position] of strategy.positions) {
        notionals.set(symbol, (notionals.get(symbol) ?? 0) + position.quantity * this.price(symbol));
      }
    }
    return notionals;
  }

  grossExposure(): number {
    let gross = 0;
    for (const notional of this.positionNotionals().values()) gross += Math.abs(notional);
    return gross;
  }

  netExposure(): number {
    let net = 0;
    for (const notional of this.positionNotionals().values()) net += notional;
    return net;
  }

  /** 1-day 95 % parametric value at risk, treating symbols as uncorrelated. */
  valueAtRisk(): number {
    let variance = 0;
    for (const [symbol, notional] of this.positionNotionals()) {
      const volatility = TRADED_SYMBOLS.find((spec) => spec.symbol === symbol)?.dailyVolatility ?? 0;
      variance += (notional * volatility) ** 2;
    }
    return 1.645 * Math.sqrt(variance);
  }
}
