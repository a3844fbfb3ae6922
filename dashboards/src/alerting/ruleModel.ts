// One alert rule as we write it (a query, a threshold, how long, who cares), and its translation into
// Grafana's file-provisioning format (apiVersion 1: groups → rules → data[query, reduce, threshold]).
import { DATASOURCES, EXPRESSION_DATASOURCE, type DashboardId } from '../grafana/ids';

export type Severity = 'critical' | 'warning' | 'info';
export type NoDataState = 'OK' | 'NoData' | 'Alerting' | 'KeepLast';
export type ExecErrState = 'OK' | 'Error' | 'Alerting' | 'KeepLast';

export interface Threshold {
  /** gt: fires when the value is above `value`; lt: below. */
  op: 'gt' | 'lt';
  value: number;
}

interface RuleBase {
  uid: string;
  /** Alert name (Grafana's `title`, Prometheus' `alert`): CamelCase, stable, used in routing and silences. */
  title: string;
  severity: Severity;
  threshold: Threshold;
  /** Pending period before firing: long enough to ride out one bad scrape. */
  for: string;
  noDataState: NoDataState;
  execErrState: ExecErrState;
  /** Why these no-data and error states: written down because the right choice differs per rule. */
  stateReason: string;
  summary: string;
  description: string;
  /** Anchor in docs/operations.md#runbooks. */
  runbook: string;
  /** The dashboard (and panel, by title) that shows what the alert is about. */
  dashboard: DashboardId;
  panelTitle: string;
  /** Link straight to the affected service in the service detail dashboard. */
  linkService?: boolean;
  labels?: Record<string, string>;
  /** Seconds of history the query needs (relativeTimeRange.from). */
  lookbackSeconds?: number;
}

export interface PromRule extends RuleBase {
  datasource: 'prometheus';
  /** PromQL giving one value per alert instance; the threshold is applied by Grafana (and by promtool in tests). */
  expr: string;
}

export interface SqlRule extends RuleBase {
  datasource: 'timescaledb';
  /** SQL in table format: numeric column = value, text columns = labels. */
  sql: string;
}

export type AlertRuleSpec = PromRule | SqlRule;

export interface RuleGroupSpec {
  name: string;
  /** Folder title; the folder's permissions decide who sees the rules (see roles). */
  folder: string;
  interval: string;
  rules: AlertRuleSpec[];
}

export const RUNBOOK_BASE = 'https://github.com/alphapulse/observability/blob/main/docs/operations.md';

/** Resolves a panel title on a generated dashboard to its id (annotations __dashboardUid__/__panelId__). */
export type PanelIdResolver = (dashboardUid: string, panelTitle: string) => number;

const QUERY = 'A';
const REDUCED = 'B';
const CONDITION = 'C';

function queryModel(rule: AlertRuleSpec): Record<string, unknown> {
  if (rule.datasource === 'prometheus') {
    return { refId: QUERY, datasource: DATASOURCES.prometheus, expr: rule.expr, instant: true, range: false, intervalMs: 1000, maxDataPoints: 43200 };
  }
  return { refId: QUERY, datasource: DATASOURCES.timescaledb, editorMode: 'code', format: 'table', rawQuery: true, rawSql: rule.sql, intervalMs: 1000, maxDataPoints: 43200 };
}

/**
 * Annotation templates use Grafana's `externalURL` function (its root URL, usually with a trailing slash, which
 * is trimmed); file provisioning leaves annotations unexpanded, so the template survives until evaluation.
 */
function dashboardUrl(rule: AlertRuleSpec): string {
  const base = `{{ externalURL | reReplaceAll "/$" "" }}/d/${rule.dashboard.uid}`;
  return rule.linkService ? `${base}?var-service={{ $labels.service }}` : base;
}

export function toGrafanaRule(rule: AlertRuleSpec, resolvePanelId: PanelIdResolver): Record<string, unknown> {
  return {
    uid: rule.uid,
    title: rule.title,
    condition: CONDITION,
    data: [
      {
        refId: QUERY,
        relativeTimeRange: { from: rule.lookbackSeconds ?? 600, to: 0 },
        datasourceUid: rule.datasource === 'prometheus' ? DATASOURCES.prometheus.uid : DATASOURCES.timescaledb.uid,
        model: queryModel(rule),
      },
      {
        refId: REDUCED,
        datasourceUid: EXPRESSION_DATASOURCE.uid,
        model: { refId: REDUCED, datasource: EXPRESSION_DATASOURCE, type: 'reduce', expression: QUERY, reducer: 'last', settings: { mode: 'dropNN' } },
      },
      {
        refId: CONDITION,
        datasourceUid: EXPRESSION_DATASOURCE.uid,
        model: {
          refId: CONDITION,
          datasource: EXPRESSION_DATASOURCE,
          type: 'threshold',
          expression: REDUCED,
          conditions: [{ evaluator: { type: rule.threshold.op, params: [rule.threshold.value] } }],
        },
      },
    ],
    noDataState: rule.noDataState,
    execErrState: rule.execErrState,
    for: rule.for,
    annotations: {
      summary: rule.summary,
      description: rule.description,
      runbook_url: `${RUNBOOK_BASE}#${rule.runbook}`,
      dashboard_url: dashboardUrl(rule),
      __dashboardUid__: rule.dashboard.uid,
      __panelId__: String(resolvePanelId(rule.dashboard.uid, rule.panelTitle)),
    },
    labels: { severity: rule.severity, ...rule.labels },
    isPaused: false,
  };
}

export function toProvisioningFile(groups: RuleGroupSpec[], resolvePanelId: PanelIdResolver): Record<string, unknown> {
  return {
    apiVersion: 1,
    groups: groups.map((group) => ({
      orgId: 1,
      name: group.name,
      folder: group.folder,
      interval: group.interval,
      rules: group.rules.map((rule) => toGrafanaRule(rule, resolvePanelId)),
    })),
  };
}
