// Alerting as provisioned: the generated rule file has the shape of Grafana's file provisioning (apiVersion 1),
// every PromQL rule parses and behaves in a real Prometheus (promtool check/test rules), every metric exists in
// the exporter's catalogue, every rule routes to a contact point, and no secret is written down.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ALL_METRICS } from '../../exporter/src/metrics/catalogue';
import { ALERT_RULES_FILE, ALL_RULES, CONTACT_POINTS, DATASOURCES, GRAFANA_PROVISIONING_DIR, MUTE_TIMINGS, RULE_GROUPS, toPrometheusRuleFile, type PromRule } from '@alphapulse/dashboards';
import { envReferences } from '../../dashboards/src/checks/envReferences';
import { extractMetricNames, unknownMetricNames } from '../../dashboards/src/checks/metricNames';
import { route, type PolicyNode } from '../../dashboards/src/checks/policyRouting';
import { findOnPath, missingToolPolicy } from '../../dashboards/src/checks/toolLookup';

const ALERTING_DIR = join(GRAFANA_PROVISIONING_DIR, 'alerting');
const read = (file: string) => readFileSync(join(ALERTING_DIR, file), 'utf8');
const rulesText = readFileSync(ALERT_RULES_FILE, 'utf8');
const rulesFile = parse(rulesText);
const contactPoints = parse(read('contact-points.yaml'));
const policies = parse(read('notification-policies.yaml'));
const templates = parse(read('templates.yaml'));
const muteTimings = parse(read('mute-timings.yaml'));

type Json = Record<string, any>;
const rules: Json[] = rulesFile.groups.flatMap((group: Json) => group.rules);
const DURATION = /^\d+[smhd]$/;

describe('alert rule file (Grafana file provisioning, apiVersion 1)', () => {
  test('groups name an org, a folder and an evaluation interval', () => {
    expect(rulesFile.apiVersion).toBe(1);
    for (const group of rulesFile.groups) {
      expect(group).toEqual(expect.objectContaining({ orgId: 1, name: expect.any(String), folder: expect.any(String), interval: expect.stringMatching(DURATION) }));
      expect(group.rules.length).toBeGreaterThan(0);
    }
  });

  test('covers every alert the operators asked for', () => {
    const titles = rules.map((rule) => rule.title);
    for (const wanted of [
      'ServiceDown',
      'StaleHeartbeat',
      'HighErrorRate',
      'HighLatency',
      'HighMemory',
      'QueueBacklog',
      'ModelAccuracyDrop',
      'DrawdownOverLimit',
      'ExposureOverLimit',
      'StaleMarketData',
      'SentimentShift',
      'ExporterUnreachable',
      'DatabaseUnreachable',
    ]) {
      expect(titles).toContain(wanted);
    }
  });

  test.each(rules.map((rule) => [rule.title, rule]))('%s has the shape Grafana expects', (_title, rule) => {
    expect(rule.uid).toMatch(/^[a-zA-Z0-9-_]{1,40}$/);
    expect(rule.for).toMatch(DURATION);
    expect(['OK', 'NoData', 'Alerting', 'KeepLast']).toContain(rule.noDataState);
    expect(['OK', 'Error', 'Alerting', 'KeepLast']).toContain(rule.execErrState);
    expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);
    expect(rule.annotations).toEqual(
      expect.objectContaining({ summary: expect.any(String), description: expect.any(String), runbook_url: expect.stringMatching(/^https:\/\//) }),
    );
    // Grafana refuses a dashboard link without its panel.
    expect(rule.annotations.__panelId__).toMatch(/^\d+$/);
    const refIds = rule.data.map((query: Json) => query.refId);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(refIds).toContain(rule.condition);
    for (const query of rule.data) {
      expect(query.model.refId).toBe(query.refId);
      if (query.datasourceUid === '__expr__') {
        expect(['reduce', 'threshold', 'math', 'classic_conditions', 'resample']).toContain(query.model.type);
        expect(refIds).toContain(query.model.expression);
      } else {
        expect(Object.values(DATASOURCES).map((ds) => ds.uid)).toContain(query.datasourceUid);
        expect(query.relativeTimeRange.from).toBeGreaterThan(0);
      }
    }
  });

  test('uids and titles are unique', () => {
    expect(new Set(rules.map((rule) => rule.uid)).size).toBe(rules.length);
    expect(new Set(rules.map((rule) => rule.title)).size).toBe(rules.length);
  });

  test('every rule documents why it chose its no-data and error states', () => {
    for (const rule of ALL_RULES) expect(rule.stateReason.length).toBeGreaterThan(20);
  });

  test('labels hold no $ (Grafana would expand it as an environment variable)', () => {
    for (const rule of rules) expect(JSON.stringify(rule.labels)).not.toContain('$');
  });

  test('every metric a rule uses is one the exporter exposes', () => {
    expect(unknownMetricNames(extractMetricNames(rulesText), ALL_METRICS)).toEqual([]);
    expect(extractMetricNames(rulesText).size).toBeGreaterThan(10);
  });
});

describe('the scrape config the rules rely on', () => {
  test("ExporterUnreachable watches the job that provisioning/prometheus/prometheus.yml scrapes the exporter with", () => {
    const scrapeConfigPath = join(GRAFANA_PROVISIONING_DIR, '..', 'prometheus', 'prometheus.yml');
    const jobs = (parse(readFileSync(scrapeConfigPath, 'utf8')).scrape_configs as Json[]).map((config) => config.job_name);
    const exporterRule = ALL_RULES.find((rule) => rule.title === 'ExporterUnreachable') as PromRule;
    const watched = /job="([^"]+)"/.exec(exporterRule.expr)?.[1];
    expect(jobs).toContain(watched);
  });
});

describe('notification routing', () => {
  const contactPointNames = contactPoints.contactPoints.map((point: Json) => point.name);
  const root: PolicyNode = policies.policies[0];

  function receiversFor(labels: Record<string, string>) {
    return route(root, labels);
  }

  test('every policy names an existing contact point and mute timing', () => {
    const walk = (node: Json): void => {
      if (node.receiver) expect(contactPointNames).toContain(node.receiver);
      for (const name of node.mute_time_intervals ?? []) expect(muteTimings.muteTimes.map((timing: Json) => timing.name)).toContain(name);
      (node.routes ?? []).forEach(walk);
    };
    walk(root);
    expect(root.receiver).toBeDefined();
  });

  test('critical pages (SMS + Slack) and escalates; warning goes to Slack; info to the email digest', () => {
    expect(receiversFor({ severity: 'critical', alertname: 'ServiceDown' }).map((d) => d.receiver)).toEqual([CONTACT_POINTS.pager, CONTACT_POINTS.escalation]);
    expect(receiversFor({ severity: 'warning', alertname: 'HighLatency' }).map((d) => d.receiver)).toEqual([CONTACT_POINTS.slack]);
    expect(receiversFor({ severity: 'info', alertname: 'SentimentShift' }).map((d) => d.receiver)).toEqual([CONTACT_POINTS.emailDigest]);
    const pager = contactPoints.contactPoints.find((point: Json) => point.name === CONTACT_POINTS.pager);
    expect(pager.receivers.map((receiver: Json) => receiver.type).sort()).toEqual(['slack', 'sns', 'webhook']);
  });

  test('every rule reaches at least one contact point; trading-hours rules are muted outside them', () => {
    for (const rule of ALL_RULES) {
      const deliveries = receiversFor({ alertname: rule.title, severity: rule.severity, ...rule.labels });
      expect(deliveries.length).toBeGreaterThan(0);
      for (const delivery of deliveries) {
        expect(contactPointNames).toContain(delivery.receiver);
        expect(delivery.muteTimings.includes(MUTE_TIMINGS.outsideTradingHours)).toBe(rule.labels?.schedule === 'trading-hours');
      }
    }
    expect(ALL_RULES.some((rule) => rule.labels?.schedule === 'trading-hours')).toBe(true);
  });

  test('critical alerts repeat quickly; groups are per alert and service', () => {
    const critical = root.routes!.find((node: Json) => node.receiver === CONTACT_POINTS.pager) as Json;
    expect(critical.repeat_interval).toBe('15m');
    expect(critical.group_by).toEqual(['alertname', 'service']);
    const escalation = root.routes!.find((node: Json) => node.receiver === CONTACT_POINTS.escalation) as Json;
    expect(escalation.group_wait).toBe('30m');
  });
});

describe('contact points, templates and mute timings', () => {
  const allText = ['contact-points.yaml', 'notification-policies.yaml', 'templates.yaml', 'mute-timings.yaml'].map(read).join('\n');

  test('every receiver has a unique uid and a known integration type', () => {
    const receivers = contactPoints.contactPoints.flatMap((point: Json) => point.receivers);
    expect(new Set(receivers.map((receiver: Json) => receiver.uid)).size).toBe(receivers.length);
    for (const receiver of receivers) expect(['slack', 'email', 'sns', 'webhook']).toContain(receiver.type);
  });

  test('secrets and addresses are environment references, never literals', () => {
    const secretKeys = ['url', 'api_url', 'topic_arn', 'access_key', 'secret_key', 'authorization_credentials', 'addresses', 'recipient', 'region'];
    for (const receiver of contactPoints.contactPoints.flatMap((point: Json) => point.receivers)) {
      const flat = { ...receiver.settings, ...receiver.settings.sigv4 };
      for (const key of secretKeys) {
        if (key in flat) expect(flat[key]).toMatch(/^\$\{[A-Z0-9_]+\}$/);
      }
    }
  });

  test('the only $ signs are environment references (Grafana expands them in these files)', () => {
    const withoutReferences = allText.replace(/\$\{[A-Z0-9_]+\}/g, '');
    expect(withoutReferences).not.toContain('$');
  });

  test('every template a contact point uses is defined, and each message names service, value and dashboard', () => {
    const body: string = templates.templates.map((template: Json) => template.template).join('\n');
    const defined = new Set([...body.matchAll(/define "([^"]+)"/g)].map((match) => match[1]));
    const used = new Set([...allText.matchAll(/template "([^"]+)"/g)].map((match) => match[1]));
    for (const name of used) expect(defined).toContain(name);
    expect(body).toContain('.Labels.service');
    expect(body).toContain('index .Values "B"');
    expect(body).toContain('.Annotations.dashboard_url');
  });

  test('templates are well formed: balanced actions, every define/if/range/with closed by an end', () => {
    const texts = [
      ...templates.templates.map((template: Json) => template.template as string),
      ...rules.flatMap((rule) => Object.values(rule.annotations as Record<string, string>)),
    ];
    for (const text of texts) {
      expect(text.split('{{').length).toBe(text.split('}}').length);
      const actions = [...text.matchAll(/\{\{-?\s*(\w+)/g)].map((match) => match[1]);
      const opened = actions.filter((action) => ['define', 'if', 'range', 'with', 'block'].includes(action)).length;
      expect({ text: text.slice(0, 60), opened }).toEqual({ text: text.slice(0, 60), opened: actions.filter((action) => action === 'end').length });
    }
  });

  test('outside-trading-hours covers weekends and the hours around the session', () => {
    const timing = muteTimings.muteTimes.find((entry: Json) => entry.name === MUTE_TIMINGS.outsideTradingHours);
    expect(timing.time_intervals).toEqual(
      expect.arrayContaining([expect.objectContaining({ weekdays: ['saturday', 'sunday'] }), expect.objectContaining({ weekdays: ['monday:friday'] })]),
    );
  });

  test('every environment variable the alerting files use is documented in .env.example', () => {
    const example = readFileSync(join(GRAFANA_PROVISIONING_DIR, '..', '..', '.env.example'), 'utf8');
    for (const name of envReferences(allText)) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

// promtool (Debian's prometheus package) checks and runs the rules exactly as Prometheus would evaluate them.
const promtool = findOnPath('promtool');
const describeWithPromtool = promtool || missingToolPolicy() === 'fail' ? describe : describe.skip;
if (!promtool) console.warn(`promtool not on PATH: promtool rule checks ${missingToolPolicy() === 'fail' ? 'FAIL (CI)' : 'skipped'}; apt-get install prometheus`);

describeWithPromtool('PromQL rules in promtool', () => {
  let dir: string;
  beforeAll(() => {
    if (!promtool) throw new Error('promtool is required when CI=true: apt-get install prometheus');
    dir = mkdtempSync(join(tmpdir(), 'alphapulse-rules-'));
    writeFileSync(join(dir, 'rules.yml'), stringify(toPrometheusRuleFile(RULE_GROUPS)));
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  function runPromtool(args: string[]): string {
    try {
      return execFileSync(promtool!, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const failure = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool ${args.join(' ')} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
    }
  }

  test('every rule expression parses and type-checks (promtool check rules)', () => {
    const output = runPromtool(['check', 'rules', 'rules.yml']);
    const promRules = ALL_RULES.filter((rule) => rule.datasource === 'prometheus').length;
    expect(output).toContain(`SUCCESS: ${promRules} rules found`);
  });

  test('ServiceDown, DrawdownOverLimit, ExposureOverLimit and ExporterUnreachable fire on synthetic series, and only then', () => {
    const tests = {
      rule_files: ['rules.yml'],
      evaluation_interval: '30s',
      tests: [
        {
          name: 'a service whose every instance is down pages; one of two instances down does not',
          interval: '30s',
          input_series: [
            { series: 'alphapulse_service_status{service="risk_manager",instance="a:1",status="down"}', values: '0 0 1x20' },
            { series: 'alphapulse_service_status{service="trading_engine",instance="b:1",status="down"}', values: '0 0 1x20' },
            { series: 'alphapulse_service_status{service="trading_engine",instance="b:2",status="down"}', values: '0x22' },
          ],
          alert_rule_test: [
            { eval_time: '30s', alertname: 'ServiceDown', exp_alerts: [] },
            { eval_time: '90s', alertname: 'ServiceDown', exp_alerts: [] }, // pending: `for: 1m` not yet over
            { eval_time: '5m', alertname: 'ServiceDown', exp_alerts: [{ exp_labels: { severity: 'critical', service: 'risk_manager' } }] },
          ],
        },
        {
          name: 'drawdown over 15% for a minute fires; 5% does not',
          interval: '1m',
          input_series: [{ series: 'alphapulse_risk_manager_current_drawdown_ratio{service="risk_manager",instance="a:1"}', values: '0.05x4 0.2x10' }],
          alert_rule_test: [
            { eval_time: '3m', alertname: 'DrawdownOverLimit', exp_alerts: [] },
            { eval_time: '8m', alertname: 'DrawdownOverLimit', exp_alerts: [{ exp_labels: { severity: 'critical', service: 'risk_manager' } }] },
          ],
        },
        {
          name: 'leverage above 2× fires for that strategy only',
          interval: '1m',
          input_series: [
            { series: 'alphapulse_kpi_strategy_gross_exposure{strategy="momentum"}', values: '250000x10' },
            { series: 'alphapulse_kpi_strategy_equity{strategy="momentum"}', values: '100000x10' },
            { series: 'alphapulse_kpi_strategy_gross_exposure{strategy="mean_reversion"}', values: '50000x10' },
            { series: 'alphapulse_kpi_strategy_equity{strategy="mean_reversion"}', values: '100000x10' },
          ],
          alert_rule_test: [{ eval_time: '5m', alertname: 'ExposureOverLimit', exp_alerts: [{ exp_labels: { severity: 'critical', strategy: 'momentum' } }] }],
        },
        {
          name: 'no exporter scrape at all still pages',
          interval: '30s',
          input_series: [{ series: 'some_other_metric', values: '1x10' }],
          alert_rule_test: [{ eval_time: '3m', alertname: 'ExporterUnreachable', exp_alerts: [{ exp_labels: { severity: 'critical' } }] }],
        },
      ],
    };
    writeFileSync(join(dir, 'rules.test.yml'), stringify(tests));
    expect(runPromtool(['test', 'rules', 'rules.test.yml'])).toContain('SUCCESS');
  });

  test('error rate, latency (histogram or quantiles), model accuracy, stale market data and sentiment shift fire as intended', () => {
    const tests = {
      rule_files: ['rules.yml'],
      evaluation_interval: '30s',
      tests: [
        {
          name: '10% errors fires, 1% does not',
          interval: '30s',
          input_series: [
            { series: 'alphapulse_service_requests_total{service="trading_engine",instance="a:1"}', values: '0+3000x40' },
            { series: 'alphapulse_service_errors_total{service="trading_engine",instance="a:1"}', values: '0+300x40' },
            { series: 'alphapulse_service_requests_total{service="risk_manager",instance="b:1"}', values: '0+3000x40' },
            { series: 'alphapulse_service_errors_total{service="risk_manager",instance="b:1"}', values: '0+30x40' },
          ],
          alert_rule_test: [{ eval_time: '15m', alertname: 'HighErrorRate', exp_alerts: [{ exp_labels: { severity: 'warning', service: 'trading_engine' } }] }],
        },
        {
          name: 'p95 over 1 s from histogram buckets and from reported quantiles',
          interval: '30s',
          input_series: [
            { series: 'alphapulse_service_request_duration_seconds_bucket{service="pattern_storage",instance="a:1",le="0.5"}', values: '0+1x40' },
            { series: 'alphapulse_service_request_duration_seconds_bucket{service="pattern_storage",instance="a:1",le="5"}', values: '0+100x40' },
            { series: 'alphapulse_service_request_duration_seconds_bucket{service="pattern_storage",instance="a:1",le="+Inf"}', values: '0+100x40' },
            { series: 'alphapulse_service_request_latency_seconds{service="sentiment_service",instance="b:1",quantile="0.95"}', values: '2x40' },
            { series: 'alphapulse_service_request_latency_seconds{service="risk_manager",instance="c:1",quantile="0.95"}', values: '0.2x40' },
          ],
          alert_rule_test: [
            {
              eval_time: '15m',
              alertname: 'HighLatency',
              exp_alerts: [{ exp_labels: { severity: 'warning', service: 'pattern_storage' } }, { exp_labels: { severity: 'warning', service: 'sentiment_service' } }],
            },
          ],
        },
        {
          name: 'a model 15 points below its 6 h best fires',
          interval: '5m',
          input_series: [
            { series: 'alphapulse_predictive_optimizer_model_accuracy_ratio{service="predictive_optimizer",instance="a:1",model="random_forest"}', values: '0.8x12 0.65x12' },
            { series: 'alphapulse_predictive_optimizer_model_accuracy_ratio{service="predictive_optimizer",instance="a:1",model="gradient_boosting"}', values: '0.75x24' },
          ],
          alert_rule_test: [
            { eval_time: '55m', alertname: 'ModelAccuracyDrop', exp_alerts: [] },
            { eval_time: '95m', alertname: 'ModelAccuracyDrop', exp_alerts: [{ exp_labels: { severity: 'warning', service: 'predictive_optimizer', model: 'random_forest' } }] },
          ],
        },
        {
          name: 'a symbol without a new candle for 10 minutes fires, carrying the trading-hours label for the mute timing',
          interval: '1m',
          input_series: [
            { series: 'alphapulse_kpi_newest_candle_age_seconds{symbol="AAPL",timeframe="1m"}', values: '30x4 600x10' },
            { series: 'alphapulse_kpi_newest_candle_age_seconds{symbol="MSFT",timeframe="1m"}', values: '30x14' },
          ],
          alert_rule_test: [
            { eval_time: '12m', alertname: 'StaleMarketData', exp_alerts: [{ exp_labels: { severity: 'warning', schedule: 'trading-hours', symbol: 'AAPL', timeframe: '1m' } }] },
          ],
        },
        {
          // Samples every minute: with sparser ones the 5 min lookback leaves gaps that reset `for`.
          name: 'sentiment jumping from neutral to bullish is an info alert',
          interval: '1m',
          input_series: [
            { series: 'alphapulse_kpi_sentiment_score{symbol="TSLA",source="twitter"}', values: '0x360 0.8x60' },
            { series: 'alphapulse_kpi_sentiment_score{symbol="AAPL",source="news"}', values: '0.3x420' },
          ],
          alert_rule_test: [{ eval_time: '400m', alertname: 'SentimentShift', exp_alerts: [{ exp_labels: { severity: 'info', symbol: 'TSLA' } }] }],
        },
      ],
    };
    writeFileSync(join(dir, 'more-rules.test.yml'), stringify(tests));
    expect(runPromtool(['test', 'rules', 'more-rules.test.yml'])).toContain('SUCCESS');
  });
});
