import { SERVICE_KINDS } from '@alphapulse/contracts';
import { ConfigError, parseConfig, parseTargetsEnv } from './config';

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('exporter config', () => {
  test('the default points at the nine emulated services on 127.0.0.1:8101–8109 and listens on 9464', () => {
    const config = parseConfig(undefined);
    expect(config.targets.map((t) => t.service)).toEqual([...SERVICE_KINDS]);
    expect(config.targets[0]).toEqual({ service: 'pattern_storage', kind: 'pattern_storage', instance: '127.0.0.1:8101', url: 'http://127.0.0.1:8101', labels: {} });
    expect(config.targets[8].url).toBe('http://127.0.0.1:8109');
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 9464, auth: { type: 'none' } });
    expect(config.scrape).toEqual({
      default_budget_seconds: 5,
      timeout_offset_seconds: 0.5,
      max_body_bytes: 1048576,
      max_performance_metrics_per_instance: 50,
      performance_metrics_max_depth: 4,
      max_label_values_per_label: 200,
      max_label_values_per_target: 2000,
      max_label_value_length: 128,
    });
    expect(config.kpi.enabled).toBe(true);
    expect(config.kpi.database_url).toBeUndefined();
  });

  test('YAML with many instances, instance names and extra labels', () => {
    const config = parseConfig(`
services:
  - kind: trading_engine
    labels: { team: trading }
    instances:
      - http://10.0.0.5:8000/
      - url: http://10.0.0.6:8000
        instance: te-b
        labels: { zone: b }
  - name: risk_eu
    kind: risk_manager
    instances: [https://risk.example]
scrape: { default_budget_seconds: 3 }
kpi: { min_interval_seconds: 30 }
`);
    expect(config.targets).toEqual([
      { service: 'trading_engine', kind: 'trading_engine', instance: '10.0.0.5:8000', url: 'http://10.0.0.5:8000', labels: { team: 'trading' } },
      { service: 'trading_engine', kind: 'trading_engine', instance: 'te-b', url: 'http://10.0.0.6:8000', labels: { team: 'trading', zone: 'b' } },
      { service: 'risk_eu', kind: 'risk_manager', instance: 'risk.example:443', url: 'https://risk.example', labels: {} },
    ]);
    expect(config.scrape.default_budget_seconds).toBe(3);
    expect(config.kpi.min_interval_seconds).toBe(30);
  });

  test('errors name the bad key', () => {
    expect(errorOf(() => parseConfig('services:\n  - kind: trading_engin\n    instances: [http://a:1]\n', {}, 'x.yaml'))).toMatch(
      /^x\.yaml: services\[0\]\.kind: /,
    );
    expect(errorOf(() => parseConfig('services: []\nscrape: { default_budget_secs: 3 }\n'))).toMatch(/scrape: Unrecognized key: "default_budget_secs"/);
    expect(errorOf(() => parseConfig('services:\n  - kind: risk_manager\n    instances: [ftp://a]\n'))).toMatch(/services\[0\]\.instances\[0\]/);
    expect(errorOf(() => parseConfig('services: []\nserver: { port: 70000 }\n'))).toMatch(/server\.port: /);
    expect(errorOf(() => parseConfig('services: []\nserver: { auth: { type: bearer, token: short } }\n'))).toMatch(/server\.auth\.token: /);
    expect(errorOf(() => parseConfig('services: [\n'))).toMatch(/not valid YAML/);
    expect(errorOf(() => parseConfig('- a\n'))).toMatch(/must be a YAML mapping/);
  });

  test('extra labels must be label names the exporter does not set itself', () => {
    const yaml = (labels: string) => `services:\n  - kind: risk_manager\n    labels: ${labels}\n    instances: [http://a:1]\n`;
    expect(errorOf(() => parseConfig(yaml('{ instance: x }')))).toMatch(/services\[0\]\.labels\.instance: is a label the exporter sets itself/);
    expect(errorOf(() => parseConfig(yaml('{ job: x }')))).toMatch(/services\[0\]\.labels\.job/);
    expect(errorOf(() => parseConfig(yaml('{ "bad-name": x }')))).toMatch(/must be a Prometheus label name/);
    expect(parseConfig(yaml('{ region: eu }')).targets[0].labels).toEqual({ region: 'eu' });
  });

  test('the same service instance twice is rejected (it would duplicate series)', () => {
    expect(errorOf(() => parseConfig('services:\n  - kind: risk_manager\n    instances: [http://a:1, http://a:1/]\n'))).toMatch(
      /services\[0\]\.instances\[1\]: instance "a:1" of service "risk_manager" is configured twice/,
    );
  });

  test('environment overrides the file', () => {
    const config = parseConfig('services: []\n', {
      ALPHAPULSE_EXPORTER_HOST: '0.0.0.0',
      ALPHAPULSE_EXPORTER_PORT: '9999',
      ALPHAPULSE_EXPORTER_TARGETS: 'trading_engine=http://a:1, trading_engine=http://b:1,risk_manager=http://c:2',
      ALPHAPULSE_EXPORTER_BEARER_TOKEN: 'a-long-enough-token-123',
      ALPHAPULSE_EXPORTER_DEFAULT_BUDGET_SECONDS: '2.5',
      ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false',
      ALPHAPULSE_EXPORTER_KPI_MIN_INTERVAL_SECONDS: '60',
      DATABASE_URL: 'postgres://db/alphapulse',
    });
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: 9999, auth: { type: 'bearer', token: 'a-long-enough-token-123' } });
    expect(config.targets.map((t) => `${t.service}@${t.instance}`)).toEqual(['trading_engine@a:1', 'trading_engine@b:1', 'risk_manager@c:2']);
    expect(config.scrape.default_budget_seconds).toBe(2.5);
    expect(config.kpi).toMatchObject({ enabled: false, min_interval_seconds: 60, database_url: 'postgres://db/alphapulse' });
    expect(parseConfig(undefined, { ALPHAPULSE_EXPORTER_BASIC_AUTH: 'ops:s3cr:et' }).server.auth).toEqual({ type: 'basic', username: 'ops', password: 's3cr:et' });
    expect(errorOf(() => parseConfig(undefined, { ALPHAPULSE_EXPORTER_PORT: 'nine' }))).toMatch(/ALPHAPULSE_EXPORTER_PORT: "nine" is not a number/);
    expect(errorOf(() => parseTargetsEnv('nope=http://a:1'))).toMatch(/not <service_kind>=<url>/);
  });
});

test('the example config file parses and matches the default targets', () => {
  const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../config/exporter.example.yaml'), 'utf8');
  const example = parseConfig(text, {}, 'exporter.example.yaml');
  const defaults = parseConfig(undefined);
  expect(example.targets.map((t) => t.url)).toEqual(defaults.targets.map((t) => t.url));
  expect(example.server).toEqual(defaults.server);
  expect(example.scrape).toEqual(defaults.scrape);
  expect(example.kpi).toEqual(defaults.kpi);
});
