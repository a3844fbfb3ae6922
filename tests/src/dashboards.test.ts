// The generated dashboards: up to date with their code, wired only to provisioned datasources and existing
// dashboards, built from panel types Grafana has (or our plugin), with units, and with PromQL that a real
// Prometheus parses and evaluates, naming only metrics the exporter exposes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_METRICS } from '../../exporter/src/metrics/catalogue';
import { QUERY_TYPES } from '../../datasource-plugin/src/types/query.types';
import { defaultOptions as serviceGraphDefaults } from '../../panel-plugin/src/types';
import { ALL_RULES, DASHBOARDS, DASHBOARDS_DIR, GRAFANA_PROVISIONING_DIR, PLUGIN_IDS, buildDashboards, generatedFiles, prometheusArgs } from '@alphapulse/dashboards';
import { allPanels, allQueries, linkedDashboardUids, promqlOf } from '../../dashboards/src/checks/dashboardQueries';
import { substituteGrafanaVariables } from '../../dashboards/src/checks/grafanaVariables';
import { extractMetricNames, unknownMetricNames } from '../../dashboards/src/checks/metricNames';
import { promqlSyntaxErrors } from '../../dashboards/src/checks/promqlSyntax';
import { freePort } from '../../dashboards/src/checks/freePort';
import { findOnPath, missingToolPolicy } from '../../dashboards/src/checks/toolLookup';

type Json = Record<string, any>;
const dashboards = buildDashboards();
const models = dashboards.map((dashboard) => dashboard.model as Json);
const provisionedUids: string[] = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'datasources', 'alphapulse.yaml'), 'utf8')).datasources.map((ds: Json) => ds.uid);

/** Panel types that ship with Grafana 12.4 / 13 (the ones we use and a few neighbours). */
const BUILT_IN_PANELS = ['row', 'stat', 'timeseries', 'table', 'text', 'bargauge', 'gauge', 'state-timeline', 'status-history', 'candlestick', 'alertlist', 'barchart', 'piechart', 'heatmap', 'nodeGraph'];
/** Panels that show no field values, so a unit means nothing. */
const UNITLESS_PANELS = ['row', 'text', 'alertlist'];

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listJson(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );
}

describe('generated files', () => {
  test('the committed dashboards and alert rules are what the code generates (run npm run build -w @alphapulse/dashboards)', () => {
    const files = generatedFiles();
    for (const [path, text] of files) {
      expect(existsSync(path) ? readFileSync(path, 'utf8') : `missing ${path}`).toBe(text);
    }
    expect(listJson(DASHBOARDS_DIR).sort()).toEqual([...files.keys()].filter((path) => path.endsWith('.json')).sort());
  });

  test('one dashboard per audience view, each in its folder, with unique uids', () => {
    expect(dashboards.map((dashboard) => dashboard.id.uid).sort()).toEqual(Object.values(DASHBOARDS).map((id) => id.uid).sort());
    expect(new Set(models.map((model) => model.uid)).size).toBe(models.length);
    for (const { id, model } of dashboards) {
      expect(model.uid).toBe(id.uid);
      expect(model.title).toBe(id.title);
    }
  });
});

describe.each(dashboards.map((dashboard) => [dashboard.id.title, dashboard.model as Json]))('%s', (_title, model) => {
  test('every panel and query uses a provisioned datasource', () => {
    for (const panel of allPanels(model)) {
      if (panel.datasource) expect(provisionedUids).toContain(panel.datasource.uid);
    }
    const provisioned = new RegExp(`^(${provisionedUids.join('|')})$`);
    for (const ref of allQueries(model)) {
      expect({ where: ref.where, uid: ref.datasourceUid }).toEqual({ where: ref.where, uid: expect.stringMatching(provisioned) });
    }
  });

  test('every panel type is built into Grafana or is our service graph panel', () => {
    for (const panel of allPanels(model)) expect([...BUILT_IN_PANELS, PLUGIN_IDS.serviceGraphPanel]).toContain(panel.type);
  });

  test('every data panel has a unit, a title and unique id; every query a unique refId', () => {
    const ids = allPanels(model).map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of allPanels(model)) {
      expect(panel.title).toBeTruthy();
      if (!UNITLESS_PANELS.includes(panel.type)) expect({ panel: panel.title, unit: panel.fieldConfig?.defaults?.unit }).toEqual({ panel: panel.title, unit: expect.any(String) });
      const refIds = (panel.targets ?? []).map((target: Json) => target.refId);
      expect(refIds.every(Boolean)).toBe(true);
      expect(new Set(refIds).size).toBe(refIds.length);
    }
  });

  test('every link to a dashboard points at a provisioned dashboard', () => {
    const known = Object.values(DASHBOARDS).map((id) => id.uid);
    for (const uid of linkedDashboardUids(model)) expect(known).toContain(uid);
    if (model.uid !== DASHBOARDS.overview.uid) expect(linkedDashboardUids({ links: model.links })).toContain(DASHBOARDS.overview.uid);
  });

  test('queries of our datasource use query types the API knows', () => {
    for (const ref of allQueries(model).filter((query) => query.datasourceUid === 'alphapulse' && !query.where.startsWith('variable'))) {
      expect(QUERY_TYPES).toContain(ref.query.queryType);
    }
  });
});

describe('audience requirements', () => {
  const byUid = (uid: string) => models.find((model) => model.uid === uid)!;

  test('the overview refreshes every 5 seconds and shows a status grid, KPIs and active alerts', () => {
    const overview = byUid(DASHBOARDS.overview.uid);
    expect(overview.refresh).toBe('5s');
    const titles = allPanels(overview).map((panel) => panel.title);
    for (const title of ['Service status', 'Heartbeat age', 'Equity', "Today's P&L", 'Drawdown', 'Open positions', 'Active alerts']) expect(titles).toContain(title);
  });

  test('service detail is templated by service, and the service graph links to it with var-service', () => {
    expect(byUid(DASHBOARDS.serviceDetail.uid).templating.list.map((variable: Json) => variable.name)).toContain('service');
    const graph = allPanels(byUid(DASHBOARDS.dependencyGraph.uid)).find((panel) => panel.type === PLUGIN_IDS.serviceGraphPanel)!;
    expect(graph.options.linkUrl).toContain(`/d/${DASHBOARDS.serviceDetail.uid}?var-service=`);
    // Only options the panel knows, and the queries it matches by refId exist.
    for (const key of Object.keys(graph.options)) expect(Object.keys(serviceGraphDefaults)).toContain(key);
    const refIds = graph.targets.map((target: Json) => target.refId);
    for (const selector of Object.values(graph.options.queries as Record<string, string>).filter(Boolean)) expect(refIds).toContain(selector);
  });

  test('market candles carry trade and pattern annotations from our datasource', () => {
    const market = byUid(DASHBOARDS.market.uid);
    expect(allPanels(market).map((panel) => panel.type)).toContain('candlestick');
    const annotationTypes = market.annotations.list.filter((annotation: Json) => !annotation.builtIn).map((annotation: Json) => annotation.target.queryType);
    expect(annotationTypes.sort()).toEqual(['patternMarkers', 'tradeMarkers']);
  });

  test('every alert rule links to a panel that exists on its dashboard', () => {
    const rules = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'alerting', 'alert-rules.yaml'), 'utf8')).groups.flatMap((group: Json) => group.rules);
    for (const rule of rules) {
      const dashboard = byUid(rule.annotations.__dashboardUid__);
      expect(allPanels(dashboard).map((panel) => String(panel.id))).toContain(rule.annotations.__panelId__);
    }
  });
});

describe('metric names', () => {
  test('every alphapulse_* metric in the dashboards is one the exporter exposes', () => {
    const used = extractMetricNames(JSON.stringify(models));
    expect(used.size).toBeGreaterThan(40);
    expect(unknownMetricNames(used, ALL_METRICS)).toEqual([]);
  });
});

const allPromql = [
  ...models.flatMap((model) =>
    allQueries(model)
      .filter((ref) => ref.datasourceUid === 'prometheus')
      .map((ref) => [`${model.uid} ${ref.where}`, promqlOf(ref)!] as const),
  ),
  ...ALL_RULES.flatMap((rule) => (rule.datasource === 'prometheus' ? [[`rule ${rule.title}`, rule.expr] as const] : [])),
];

describe('PromQL syntax (@prometheus-io/lezer-promql)', () => {
  test.each(allPromql)('%s parses', (_where, expr) => {
    expect(promqlSyntaxErrors(substituteGrafanaVariables(expr))).toEqual([]);
  });

  test('the grammar does catch mistakes', () => {
    expect(promqlSyntaxErrors('sum by (service (rate(x[5m]))')).not.toEqual([]);
  });
});

// A real Prometheus (Debian's package) parses and evaluates every expression through its HTTP API.
const prometheusBinary = findOnPath('prometheus');
const describeWithPrometheus = prometheusBinary || missingToolPolicy() === 'fail' ? describe : describe.skip;
if (!prometheusBinary) console.warn(`prometheus not on PATH: live PromQL evaluation ${missingToolPolicy() === 'fail' ? 'FAILS (CI)' : 'skipped'}`);

describeWithPrometheus('every PromQL expression in a real Prometheus', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  let base: string;

  beforeAll(async () => {
    if (!prometheusBinary) throw new Error('prometheus is required when CI=true: apt-get install prometheus');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(join(tmpdir(), 'alphapulse-prometheus-'));
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    server = spawn(prometheusBinary, prometheusArgs({ configFile: join(dir, 'prometheus.yml'), dataDir: join(dir, 'data'), port }), { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt++) {
      const ready = await fetch(`${base}/-/ready`).then((response) => response.ok, () => false);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Prometheus did not become ready');
  });
  afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expressions = allPromql;

  test('there are expressions to check', () => {
    expect(expressions.length).toBeGreaterThan(60);
  });

  test.each(expressions)('%s', async (_where, expr) => {
    const query = substituteGrafanaVariables(expr);
    const response = await fetch(`${base}/api/v1/query?${new URLSearchParams({ query })}`);
    const body = (await response.json()) as { status: string; error?: string };
    expect({ query, status: body.status, error: body.error }).toEqual({ query, status: 'success', error: undefined });
  });
});
