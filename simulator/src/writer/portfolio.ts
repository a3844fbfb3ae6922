// Position accounting (average-cost): fills update cash, realized P&L and fees, so at every instant
// equity = initial cash + realized P&L − fees + unrealized P&L.

export interface Position {
  quantity: number; // signed: > 0 long, < 0 short
  averagePrice: number;
}

export interface Portfolio {
  initialCash: number;
  cash: number;
  realizedPnl: number;
  fees: number;
  positions: Record<string, Position>;
}

export interface Fill {
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  fee: number;
  /** P&L realised by the part of this fill that reduced or closed a position (fees excluded). */
  realizedPnl: number;
}

export interface PortfolioValuation {
  equity: number;
  unrealizedPnl: number;
  grossExposure: number;
  netExposure: number;
  openPositions: number;
}

/** Lots are at least 1e-4, so rounding away binary noise below 1e-9 keeps "flat" exactly 0. */
const cleanQuantity = (q: number) => Math.round(q * 1e9) / 1e9 + 0;

export function createPortfolio(initialCash: number): Portfolio {
  return { initialCash, cash: initialCash, realizedPnl: 0, fees: 0, positions: {} };
}

/** Applies a signed quantity change at `price`; handles opening, adding, reducing, closing and reversing. */
export function applyFill(portfolio: Portfolio, symbol: string, signedQuantity: number, price: number, feeRate: number): Fill {
  const position = portfolio.positions[symbol] ?? { quantity: 0, averagePrice: 0 };
  const quantity = Math.abs(signedQuantity);
  const fee = quantity * price * feeRate;
  let realizedPnl = 0;
  const sameDirection = position.quantity === 0 || Math.sign(position.quantity) === Math.sign(signedQuantity);
  if (sameDirection) {
    const newQuantity = cleanQuantity(position.quantity + signedQuantity);
    position.averagePrice = (position.averagePrice * Math.abs(position.quantity) + price * quantity) / Math.abs(newQuantity);
    position.quantity = newQuantity;
  } else {
    const closing = Math.min(quantity, Math.abs(position.quantity));
    realizedPnl = closing * (price - position.averagePrice) * Math.sign(position.quantity);
    const newQuantity = cleanQuantity(position.quantity + signedQuantity);
    if (newQuantity === 0) position.averagePrice = 0;
    else if (Math.sign(newQuantity) !== Math.sign(position.quantity)) position.averagePrice = price; // reversed
    position.quantity = newQuantity;
  }
  portfolio.cash -= signedQuantity * price + fee;
  portfolio.realizedPnl += realizedPnl;
  portfolio.fees += fee;
  if (position.quantity === 0) delete portfolio.positions[symbol];
  else portfolio.positions[symbol] = position;
  return { side: signedQuantity > 0 ? 'buy' : 'sell', quantity, price, fee, realizedPnl };
}

/** Marks the portfolio to `prices` (symbol → last price). */
export function valuePortfolio(portfolio: Portfolio, prices: Record<string, number>): PortfolioValuation {
  let marketValue = 0;
  let unrealizedPnl = 0;
  let grossExposure = 0;
  let openPositions = 0;
  for (const symbol in portfolio.positions) {
    const { quantity, averagePrice } = portfolio.positions[symbol];
    const mark = prices[symbol];
    marketValue += quantity * mark;
    grossExposure += Math.abs(quantity * mark);
    unrealizedPnl += quantity * (mark - averagePrice);
    openPositions++;
  }
  return { equity: portfolio.cash + marketValue, unrealizedPnl, grossExposure, netExposure: marketValue, openPositions };
}
