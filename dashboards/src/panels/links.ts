// Dashboard-level navigation: every dashboard links to the overview and to the dashboards its audience uses next.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { type DashboardId, dashboardPath } from '../grafana/ids';

export function linkTo(target: DashboardId, options: { includeVars?: boolean } = {}): dashboard.DashboardLinkBuilder {
  return new dashboard.DashboardLinkBuilder(target.title)
    .type(dashboard.DashboardLinkType.Link)
    .url(dashboardPath(target.uid))
    .icon('dashboard')
    .keepTime(true)
    .includeVars(options.includeVars ?? false);
}
