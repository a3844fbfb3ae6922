// risk_manager: drawdown of the emulated market's total equity from its peak (world/tradingWorld.ts: the sum
// of the latest equity_snapshots rows against the highest such sum), exposure, value at risk and positions;
// stop-losses (fills that realised a loss) and limit breaches counted since its own start.
// Sign: current_drawdown_ratio is the fall, 0–1, positive (as the exporter's KPI; the query API negates it).
import { DRAWDOWN_SHOCK_CAP, DRAWDOWN_SHOCK_PER_SECOND } from '../../faults/faultModes';
import { defineKind, roundTo } from './kindModule';

/** Gross exposure above this multiple of equity is a limit breach. */
export const GROSS_EXPOSURE_LIMIT = 1.0;

interface RiskManagerState {
  currentDrawdown: number;
  maxDrawdown: number;
  limitBreaches: number;
  stopLosses: number;
  /** The world's losing fills when last looked at, by world source (a new source is a new baseline). */
  seen: { source: number; losingCloses: number } | null;
  overLimit: boolean;
  /**
   * The drawdown scenario: the share by which the risk manager marks the market's equity down (a gap in its
   * risk model's prices). The market is untouched, so trading_engine is unaffected and clearing restores.
   */
  markDown: number;
}

/** Drawdown beyond which the risk manager reports itself degraded. */
export const DRAWDOWN_WARNING_RATIO = 0.1;

export const riskManager = defineKind({
  kind: 'risk_manager',
  profile: {
    version: '2.2.7',
    requestsPerSecond: 35,
    latencyMedianSeconds: 0.004,
    latencySigma: 0.45,
    cpuSecondsPerRequest: 0.002,
    idleCpuSecondsPerSecond: 0.02,
    baseMemoryBytes: 450 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 8_000,
    errorBurstsPerHour: 0.15,
  },
  createState: (): RiskManagerState => ({
    currentDrawdown: 0, maxDrawdown: 0, limitBreaches: 0, stopLosses: 0, seen: null, overLimit: false, markDown: 0,
  }),
  step(state, { world: { market }, fault }) {
    state.markDown = fault === 'drawdown' ? Math.min(DRAWDOWN_SHOCK_CAP, state.markDown + DRAWDOWN_SHOCK_PER_SECOND) : 0;
    const equity = market.totalEquity * (1 - state.markDown);
    state.currentDrawdown = market.peakEquity > 0 ? Math.min(1, Math.max(0, 1 - equity / market.peakEquity)) : 0;
    state.maxDrawdown = Math.max(state.maxDrawdown, state.currentDrawdown);
    const breached = market.grossExposure > GROSS_EXPOSURE_LIMIT * market.totalEquity;
    if (breached && !state.overLimit) state.limitBreaches++;
    state.overLimit = breached;
    const seen = state.seen?.source === market.source ? state.seen.losingCloses : market.losingCloses;
    state.stopLosses += Math.max(0, market.losingCloses - seen);
    state.seen = { source: market.source, losingCloses: market.losingCloses };
  },
  stats: (state, common, { world: { market } }) => ({
    ...common,
    current_drawdown_ratio: roundTo(state.currentDrawdown, 6),
    max_drawdown_ratio: roundTo(state.maxDrawdown, 6),
    gross_exposure: roundTo(market.grossExposure, 2),
    net_exposure: roundTo(market.netExposure, 2),
    value_at_risk: roundTo(market.valueAtRisk, 2),
    limit_breaches_total: state.limitBreaches,
    stop_losses_triggered_total: state.stopLosses,
    position_sizes: Object.fromEntries(
      [...market.positionNotionals].sort(([a], [b]) => a.localeCompare(b)).map(([symbol, notional]) => [symbol, roundTo(notional, 2)]),
    ),
  }),
  performanceMetrics: (state) => ({ current_drawdown_ratio: roundTo(state.currentDrawdown, 6) }),
  degradedReason: (state) => (state.currentDrawdown > DRAWDOWN_WARNING_RATIO ? 'drawdown over limit' : undefined),
});
