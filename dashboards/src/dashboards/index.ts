// Every provisioned dashboard, in one list: the build writes them, the tests check them.
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { DashboardId } from '../grafana/ids';
import { DASHBOARDS } from '../grafana/ids';
import { finalizeDashboard } from '../panels/finalize';
import { alertsDashboard } from './alerts';
import { databaseDashboard } from './database';
import { dependencyGraphDashboard } from './dependencyGraph';
import { marketDashboard } from './market';
import { overviewDashboard } from './overview';
import { resourcesDashboard } from './resources';
import { sentimentDashboard } from './sentiment';
import { serviceDetailDashboard } from './serviceDetail';
import { tradingDashboard } from './trading';

const BUILDERS: [DashboardId, () => dashboard.DashboardBuilder][] = [
  [DASHBOARDS.overview, overviewDashboard],
  [DASHBOARDS.alerts, alertsDashboard],
  [DASHBOARDS.serviceDetail, serviceDetailDashboard],
  [DASHBOARDS.resources, resourcesDashboard],
  [DASHBOARDS.dependencyGraph, dependencyGraphDashboard],
  [DASHBOARDS.database, databaseDashboard],
  [DASHBOARDS.trading, tradingDashboard],
  [DASHBOARDS.market, marketDashboard],
  [DASHBOARDS.sentiment, sentimentDashboard],
];

export interface GeneratedDashboard {
  id: DashboardId;
  model: Record<string, unknown>;
}

export function buildDashboards(): GeneratedDashboard[] {
  return BUILDERS.map(([id, build]) => ({ id, model: finalizeDashboard(build().build() as unknown as Record<string, unknown>) }));
}
