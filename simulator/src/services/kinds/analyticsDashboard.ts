// analytics_dashboard: clients watching widgets that get metric updates pushed; it shows an alert for
// every other service that is not healthy.
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { clamp, defineKind } from './kindModule';

interface AnalyticsDashboardState {
  clients: number;
  widgets: number;
  updatesPushed: number;
  activeAlerts: number;
}

export const analyticsDashboard = defineKind({
  kind: 'analytics_dashboard',
  profile: {
    version: '2.0.5',
    requestsPerSecond: 25,
    latencyMedianSeconds: 0.015,
    latencySigma: 0.7,
    cpuSecondsPerRequest: 0.002,
    idleCpuSecondsPerSecond: 0.015,
    baseMemoryBytes: 380 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 12_000,
    errorBurstsPerHour: 0.2,
  },
  createState: (): AnalyticsDashboardState => ({ clients: 6, widgets: 48, updatesPushed: 0, activeAlerts: 0 }),
  step(state, { rng, process, world }) {
    // Clients drift toward a level set by the time of day.
    const target = 2 + 14 * process.load;
    state.clients = clamp(state.clients + (rng.chance(0.05) ? Math.sign(target - state.clients + rng.normal()) : 0), 0, 60);
    if (rng.chance(1 / 3600)) state.widgets = clamp(state.widgets + rng.pick([-1, 1]), 30, 80);
    // Each client's open dashboard refreshes roughly a fifth of the widgets each second.
    state.updatesPushed += rng.poisson((state.clients * state.widgets) / 5);
    state.activeAlerts = SERVICE_KINDS.filter((kind) => kind !== 'analytics_dashboard' && world.statusOf(kind) !== 'healthy').length;
  },
  stats: (state, common) => ({
    ...common,
    connected_clients: state.clients,
    widgets: state.widgets,
    metric_updates_pushed_total: state.updatesPushed,
    active_alerts_shown: state.activeAlerts,
  }),
  performanceMetrics: (state) => ({ connected_clients: state.clients }),
});
