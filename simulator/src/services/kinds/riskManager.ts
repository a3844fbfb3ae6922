// risk_manager: drawdown from the equity peak it has seen, exposure, value at risk and positions, all
// read from the shared trading book; stop-losses and limit breaches counted since its own start.
import { DRAWDOWN_SHOCK_CAP, DRAWDOWN_SHOCK_PER_SECOND } from '../../faults/faultModes';
import { defineKind, roundTo } from './kindModule';

interface RiskManagerState {
  equityPeak: number;
  currentDrawdown: number;
  maxDrawdown: number;
  limitBreaches: number;
  stopLosses: number;
  /**
   * The drawdown scenario: the share by which the risk manager marks the book's equity down (a gap in its
   * risk model's prices). The shared book is untouched, so trading_engine is unaffected and clearing restores.
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
  createState: (): RiskManagerState => ({ equityPeak: 0, currentDrawdown: 0, maxDrawdown: 0, limitBreaches: 0, stopLosses: 0, markDown: 0 }),
  step(state, { world: { book }, fault }) {
    state.markDown = fault === 'drawdown' ? Math.min(DRAWDOWN_SHOCK_CAP, state.markDown + DRAWDOWN_SHOCK_PER_SECOND) : 0;
    state.equityPeak = Math.max(state.equityPeak, book.totalEquity());
    const equity = book.totalEquity() * (1 - state.markDown);
    state.currentDrawdown = state.equityPeak > 0 ? Math.min(1, Math.max(0, 1 - equity / state.equityPeak)) : 0;
    state.maxDrawdown = Math.max(state.maxDrawdown, state.currentDrawdown);
    state.limitBreaches += book.lastTick.limitBreaches;
    state.stopLosses += book.lastTick.stopLosses;
  },
  stats: (state, common, { world: { book } }) => ({
    ...common,
    current_drawdown_ratio: roundTo(state.currentDrawdown, 6),
    max_drawdown_ratio: roundTo(state.maxDrawdown, 6),
    gross_exposure: roundTo(book.grossExposure(), 2),
    net_exposure: roundTo(book.netExposure(), 2),
    value_at_risk: roundTo(book.valueAtRisk(), 2),
    limit_breaches_total: state.limitBreaches,
    stop_losses_triggered_total: state.stopLosses,
    position_sizes: Object.fromEntries([...book.positionNotionals()].sort(([a], [b]) => a.localeCompare(b)).map(([symbol, notional]) => [symbol, roundTo(notional, 2)])),
  }),
  performanceMetrics: (state) => ({ current_drawdown_ratio: roundTo(state.currentDrawdown, 6) }),
  degradedReason: (state) => (state.currentDrawdown > DRAWDOWN_WARNING_RATIO ? 'drawdown over limit' : undefined),
});
