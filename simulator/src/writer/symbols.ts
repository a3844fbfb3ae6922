// Tradable instruments with realistic starting prices, volatilities and liquidity.

export type AssetClass = 'crypto' | 'equity' | 'fx' | 'commodity';

export interface SymbolSpec {
  symbol: string;
  assetClass: AssetClass;
  basePrice: number;
  /** Annualised volatility, e.g. 0.6 for 60 %. */
  annualVolatility: number;
  /** Typical traded notional per minute in USD, at average seasonality. */
  minuteNotional: number;
  /** Price tick as decimals. */
  priceDecimals: number;
  /** Quantity lot as decimals (0: whole shares/units). */
  quantityDecimals: number;
}

const spec = (
  symbol: string, assetClass: AssetClass, basePrice: number, annualVolatility: number,
  minuteNotional: number, priceDecimals: number, quantityDecimals: number,
): SymbolSpec => ({ symbol, assetClass, basePrice, annualVolatility, minuteNotional, priceDecimals, quantityDecimals });

/** Default order mixes asset classes so that any prefix (the default is 20) is a believable book. */
export const SYMBOL_CATALOG: readonly SymbolSpec[] = [
  spec('BTCUSD', 'crypto', 67_000, 0.6, 2_500_000, 2, 4),
  spec('ETHUSD', 'crypto', 3_500, 0.7, 1_200_000, 2, 4),
  spec('SOLUSD', 'crypto', 150, 0.95, 400_000, 2, 3),
  spec('AAPL', 'equity', 190, 0.25, 3_000_000, 2, 0),
  spec('MSFT', 'equity', 420, 0.24, 2_500_000, 2, 0),
  spec('NVDA', 'equity', 120, 0.5, 6_000_000, 2, 0),
  spec('AMZN', 'equity', 180, 0.32, 2_200_000, 2, 0),
  spec('GOOGL', 'equity', 170, 0.3, 1_800_000, 2, 0),
  spec('META', 'equity', 500, 0.38, 1_700_000, 2, 0),
  spec('TSLA', 'equity', 240, 0.6, 4_000_000, 2, 0),
  spec('JPM', 'equity', 200, 0.22, 900_000, 2, 0),
  spec('V', 'equity', 280, 0.18, 700_000, 2, 0),
  spec('SPY', 'equity', 550, 0.15, 8_000_000, 2, 0),
  spec('QQQ', 'equity', 470, 0.2, 5_000_000, 2, 0),
  spec('EURUSD', 'fx', 1.08, 0.07, 9_000_000, 5, 0),
  spec('GBPUSD', 'fx', 1.27, 0.08, 5_000_000, 5, 0),
  spec('XAUUSD', 'commodity', 2_400, 0.15, 1_500_000, 2, 2),
  spec('XRPUSD', 'crypto', 0.55, 0.85, 250_000, 5, 0),
  spec('ADAUSD', 'crypto', 0.45, 0.9, 150_000, 5, 0),
  spec('WTIUSD', 'commodity', 78, 0.35, 1_000_000, 2, 1),
  spec('DOGEUSD', 'crypto', 0.15, 1.1, 200_000, 5, 0),
  spec('AVAXUSD', 'crypto', 35, 1.0, 120_000, 2, 2),
  spec('LINKUSD', 'crypto', 15, 0.95, 100_000, 3, 2),
  spec('BNBUSD', 'crypto', 580, 0.65, 300_000, 2, 3),
  spec('NFLX', 'equity', 650, 0.4, 600_000, 2, 0),
  spec('XOM', 'equity', 115, 0.25, 800_000, 2, 0),
  spec('JNJ', 'equity', 155, 0.15, 500_000, 2, 0),
  spec('IWM', 'equity', 210, 0.22, 1_500_000, 2, 0),
  spec('USDJPY', 'fx', 150, 0.09, 6_000_000, 3, 0),
  spec('XAGUSD', 'commodity', 29, 0.28, 400_000, 3, 1),
];

/** The first `count` catalog symbols; beyond the catalog, synthetic mid-cap equities SYM031, SYM032, … */
export function defaultSymbols(count = 20): SymbolSpec[] {
  const out = SYMBOL_CATALOG.slice(0, count);
  for (let i = out.length; i < count; i++) {
    const n = String(i + 1).padStart(3, '0');
    out.push(spec(`SYM${n}`, 'equity', 20 + ((i * 37) % 180), 0.3 + ((i * 7) % 20) / 100, 400_000, 2, 0));
  }
  return out;
}

/** Resolves symbol names against the catalog (unknown names become synthetic equities). */
export function symbolsByName(names: string[]): SymbolSpec[] {
  return names.map((name, i) => SYMBOL_CATALOG.find((s) => s.symbol === name) ?? { ...defaultSymbols(31 + i)[30 + i], symbol: name });
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
