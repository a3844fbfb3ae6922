// Panel factories with AlphaPulse's defaults: a unit on every panel, thresholds that mean something, legends
// that show, and data links into the service detail dashboard.
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGaugeBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TextBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { PanelBuilder as TimeSeriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { PanelBuilder as StateTimelineBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { DASHBOARDS, dashboardPath } from '../grafana/ids';

type Query = cog.Builder<cog.Dataquery>;

export interface Step {
  value: number | null;
  color: string;
}

export function thresholds(steps: Step[]): dashboard.ThresholdsConfigBuilder {
  return new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(steps as dashboard.Threshold[]);
}

/** green below `warn`, orange from `warn`, red from `critical`. */
export function rising(warn: number, critical: number): dashboard.ThresholdsConfigBuilder {
  return thresholds([
    { value: null, color: 'green' },
    { value: warn, color: 'orange' },
    { value: critical, color: 'red' },
  ]);
}

/** Health as a number: 2 healthy, 1 degraded, 0.5 unknown status word, 0 down (see healthScoreExpr). */
export const HEALTH_MAPPINGS: dashboard.ValueMapping[] = [
  {
    type: dashboard.MappingType.ValueToText,
    options: {
      '0': { text: 'down', color: 'red', index: 0 },
      '0.5': { text: 'unknown status', color: 'purple', index: 3 },
      '1': { text: 'degraded', color: 'orange', index: 1 },
      '2': { text: 'healthy', color: 'green', index: 2 },
    },
  },
  { type: dashboard.MappingType.SpecialValue, options: { match: 'null', result: { text: 'no data', color: 'gray', index: 4 } } },
] as dashboard.ValueMapping[];

/**
 * Per service and instance: 2 when healthy, 1 when degraded, 0.5 when it answers a status word we do not know
 * (its own state, not down: the service is up and said something), 0 when down; `selector` filters further.
 * Under `min by (service)` an unknown instance shows below degraded ones and above down ones.
 */
export function healthScoreExpr(selector = ''): string {
  const extra = selector ? `, ${selector}` : '';
  return (
    `2 * alphapulse_service_status{status="healthy"${extra}} + ignoring(status) alphapulse_service_status{status="degraded"${extra}}` +
    ` + ignoring(status) 0.5 * alphapulse_service_status{status="unknown"${extra}}`
  );
}

export function serviceDetailLink(serviceExpr = '${__field.labels.service}'): dashboard.DashboardLinkBuilder {
  return new dashboard.DashboardLinkBuilder('Service detail')
    .type(dashboard.DashboardLinkType.Link)
    .url(`${dashboardPath(DASHBOARDS.serviceDetail.uid)}?var-service=${serviceExpr}&\${__url_time_range}`);
}

export interface PanelSpec {
  title: string;
  description?: string;
  unit: string;
  queries: Query[];
  width?: number;
  height?: number;
}

function sized<T extends { span(w: number): T; height(h: number): T }>(panel: T, spec: PanelSpec, width: number, height: number): T {
  return panel.span(spec.width ?? width).height(spec.height ?? height);
}

const lastValue = () => new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false);

export function statPanel(spec: PanelSpec & { thresholds?: dashboard.ThresholdsConfigBuilder; mappings?: dashboard.ValueMapping[]; background?: boolean }): StatBuilder {
  const panel = new StatBuilder().title(spec.title).unit(spec.unit).reduceOptions(lastValue()).graphMode(common.BigValueGraphMode.Area);
  if (spec.description) panel.description(spec.description);
  if (spec.thresholds) panel.thresholds(spec.thresholds);
  if (spec.mappings) panel.mappings(spec.mappings);
  if (spec.background) panel.colorMode(common.BigValueColorMode.Background).graphMode(common.BigValueGraphMode.None);
  spec.queries.forEach((query) => panel.withTarget(query));
  return sized(panel, spec, 4, 4);
}

export function timeSeriesPanel(
  spec: PanelSpec & { thresholds?: dashboard.ThresholdsConfigBuilder; bars?: boolean; stacked?: boolean; min?: number; max?: number },
): TimeSeriesBuilder {
  const panel = new TimeSeriesBuilder()
    .title(spec.title)
    .unit(spec.unit)
    .fillOpacity(spec.bars ? 80 : 10)
    .legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom))
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending));
  if (spec.bars) panel.drawStyle(common.GraphDrawStyle.Bars);
  if (spec.stacked) panel.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal));
  if (spec.description) panel.description(spec.description);
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.max !== undefined) panel.max(spec.max);
  if (spec.thresholds) {
    panel.thresholds(spec.thresholds).thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.Dashed));
  }
  spec.queries.forEach((query) => panel.withTarget(query));
  return sized(panel, spec, 12, 8);
}

export function stateTimelinePanel(spec: PanelSpec & { mappings: dashboard.ValueMapping[] }): StateTimelineBuilder {
  const panel = new StateTimelineBuilder().title(spec.title).unit(spec.unit).mappings(spec.mappings).showValue(common.VisibilityMode.Never).mergeValues(true);
  if (spec.description) panel.description(spec.description);
  spec.queries.forEach((query) => panel.withTarget(query));
  return sized(panel, spec, 24, 6);
}

export function tablePanel(spec: PanelSpec & { transformations?: dashboard.DataTransformerConfig[] }): TableBuilder {
  const panel = new TableBuilder().title(spec.title).unit(spec.unit).filterable(true);
  if (spec.description) panel.description(spec.description);
  if (spec.transformations) panel.transformations(spec.transformations);
  spec.queries.forEach((query) => panel.withTarget(query));
  return sized(panel, spec, 12, 8);
}

export function barGaugePanel(spec: PanelSpec & { thresholds?: dashboard.ThresholdsConfigBuilder; min?: number; max?: number }): BarGaugeBuilder {
  const panel = new BarGaugeBuilder()
    .title(spec.title)
    .unit(spec.unit)
    .reduceOptions(lastValue())
    .displayMode(common.BarGaugeDisplayMode.Gradient)
    .orientation(common.VizOrientation.Horizontal);
  if (spec.description) panel.description(spec.description);
  if (spec.thresholds) panel.thresholds(spec.thresholds);
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.max !== undefined) panel.max(spec.max);
  spec.queries.forEach((query) => panel.withTarget(query));
  return sized(panel, spec, 12, 8);
}

export function textPanel(title: string, markdown: string, width = 24, height = 4): TextBuilder {
  return new TextBuilder().title(title).mode(TextMode.Markdown).content(markdown).span(width).height(height);
}

export interface AlertListSpec {
  title: string;
  /** Label matchers in the alert list's filter syntax, e.g. {severity="critical"}. */
  labelFilter?: string;
  viewMode?: 'list' | 'stat';
  width?: number;
  height?: number;
}

/** Grafana's built-in alert list; the SDK has no builder for it, so the options are written out. */
export function alertListPanel(spec: AlertListSpec): dashboard.PanelBuilder {
  return new dashboard.PanelBuilder()
    .type('alertlist')
    .title(spec.title)
    .options({
      viewMode: spec.viewMode ?? 'list',
      groupMode: 'default',
      groupBy: [],
      maxItems: 50,
      sortOrder: 1,
      dashboardAlerts: false,
      alertName: '',
      alertInstanceLabelFilter: spec.labelFilter ?? '',
      showInstances: true,
      stateFilter: { firing: true, pending: true, noData: true, normal: false, error: true, recovering: true },
    })
    .span(spec.width ?? 12)
    .height(spec.height ?? 8);
}

export function row(title: string, collapsed = false): dashboard.RowBuilder {
  return new dashboard.RowBuilder(title).collapsed(collapsed);
}
