// The frame every AlphaPulse dashboard shares: uid, title, tags, time range, refresh and navigation links.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS, type DashboardId } from '../grafana/ids';
import { linkTo } from './links';

export interface BaseOptions {
  tags: string[];
  refresh?: string;
  from?: string;
  description?: string;
  /** Dashboards this audience goes to next; the overview is always linked. */
  related?: DashboardId[];
}

export function baseDashboard(id: DashboardId, options: BaseOptions): dashboard.DashboardBuilder {
  const builder = new dashboard.DashboardBuilder(id.title)
    .uid(id.uid)
    .tags(['alphapulse', ...options.tags])
    .refresh(options.refresh ?? '30s')
    .time({ from: options.from ?? 'now-6h', to: 'now' })
    .timezone('browser')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .editable();
  if (options.description) builder.description(options.description);
  const related = id.uid === DASHBOARDS.overview.uid ? options.related ?? [] : [DASHBOARDS.overview, ...(options.related ?? [])];
  for (const target of related) builder.link(linkTo(target));
  // Every other AlphaPulse dashboard the viewer may open, in one menu (Grafana filters by permission).
  builder.link(
    new dashboard.DashboardLinkBuilder('AlphaPulse').type(dashboard.DashboardLinkType.Dashboards).tags(['alphapulse']).asDropdown(true).keepTime(true),
  );
  return builder;
}
