// Static checks of the stack definition. Docker cannot run here, so docker-compose.yml is checked as data:
// pinned images, health checks, no secret literals, every mounted file present, Grafana wired to both plugins
// and to the provisioning. The datasource and dashboard provider files are checked against what the
// dashboards and the launch helpers expect.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DATASOURCES, FOLDERS, GRAFANA_PROVISIONING_DIR, NOTIFICATION_ENV_DEFAULTS, PLUGIN_IDS, REPO_ROOT, grafanaEnv, grafanaPluginLinks, prometheusArgs } from '@alphapulse/dashboards';
import { envReferences } from '../../dashboards/src/checks/envReferences';

type Json = Record<string, any>;
// merge: compose files use YAML merge keys (<<: *anchor), as docker compose does.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const envExample = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
const datasources = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'datasources', 'alphapulse.yaml'), 'utf8')).datasources as Json[];

function provisioningFiles(dir = GRAFANA_PROVISIONING_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? provisioningFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}
const allProvisioningText = provisioningFiles().map((file) => readFileSync(file, 'utf8')).join('\n');

describe('datasources', () => {
  const byUid = (uid: string) => datasources.find((ds) => ds.uid === uid)!;

  test('the three fixed uids with their plugin types', () => {
    expect(datasources.map((ds) => [ds.uid, ds.type])).toEqual(Object.values(DATASOURCES).map((ds) => [ds.uid, ds.type]));
  });

  test('our datasource gets the API URL in jsonData and the token only in secureJsonData, from the environment', () => {
    const alphapulse = byUid('alphapulse');
    expect(alphapulse.jsonData.apiUrl).toBe('${ALPHAPULSE_API_URL}');
    expect(alphapulse.secureJsonData.apiToken).toBe('${ALPHAPULSE_API_TOKEN}');
    expect(JSON.stringify(alphapulse.jsonData)).not.toMatch(/token/i);
  });

  test('TimescaleDB uses the built-in PostgreSQL datasource with its TimescaleDB option and a reader login from the environment', () => {
    const timescale = byUid('timescaledb');
    expect(timescale.jsonData.timescaledb).toBe(true);
    expect(timescale.user).toBe('${TIMESCALEDB_READER_USER}');
    expect(timescale.secureJsonData.password).toBe('${TIMESCALEDB_READER_PASSWORD}');
  });
});

describe('Prometheus datasource and scrape config agree', () => {
  test("the datasource's minimum step is the exporter job's scrape interval", () => {
    const scrape = parse(readFileSync(join(REPO_ROOT, 'provisioning', 'prometheus', 'prometheus.yml'), 'utf8'));
    const job = (scrape.scrape_configs as Json[]).find((config) => config.job_name === 'alphapulse')!;
    expect(datasources.find((ds) => ds.uid === 'prometheus')!.jsonData.timeInterval).toBe(job.scrape_interval ?? scrape.global.scrape_interval);
  });
});

describe('dashboard providers', () => {
  const providers = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'dashboards', 'alphapulse.yaml'), 'utf8')).providers as Json[];

  test('one per folder, reading the sub-folder the build writes (folder UIDs: provisioningFolders.test.ts)', () => {
    const folders = readdirSync(join(GRAFANA_PROVISIONING_DIR, 'dashboards', 'alphapulse'));
    expect(folders.sort()).toEqual(Object.values(FOLDERS).sort());
    expect(providers.map((provider) => provider.options.path).sort()).toEqual(folders.map((folder) => `\${GF_PATHS_PROVISIONING}/dashboards/alphapulse/${folder}`).sort());
  });
});

describe('no secrets committed', () => {
  test('.env is git-ignored and not tracked', () => {
    expect(execFileSync('git', ['check-ignore', '.env'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('.env');
    expect(execFileSync('git', ['ls-files', '.env'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('');
  });

  test('provisioning files hold no password, token or key literal', () => {
    const secretValue = /(password|token|secret|apiKey|access_key|credentials)["']?\s*:\s*["']?(?!\$\{)[^\s"'{][^\n]*/gi;
    expect(allProvisioningText.match(secretValue) ?? []).toEqual([]);
  });

  test('every environment variable the provisioning reads is documented in .env.example or set by compose', () => {
    const grafanaEnvironment = Object.keys(compose.services.grafana.environment);
    for (const name of envReferences(allProvisioningText)) {
      if (name === 'GF_PATHS_PROVISIONING') continue; // set by Grafana itself
      expect({ name, passedToGrafana: grafanaEnvironment.includes(name) }).toEqual({ name, passedToGrafana: true });
    }
  });
});

describe('docker-compose.yml', () => {
  const services = Object.entries(compose.services as Record<string, Json>);

  test('the whole stack is there', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['timescaledb', 'prometheus', 'grafana', 'exporter', 'emulator', 'mailpit', 'sinks']),
    );
  });

  test.each(services)('%s: pinned image and a health check', (_name, service) => {
    expect(service.image).toMatch(/:[^:]+$/);
    expect(service.image).not.toMatch(/:latest$/);
    expect(service.healthcheck?.test).toBeDefined();
  });

  test('Grafana: version matrix variable defaulting to 12.4, both plugins mounted from dist/, unsigned loading for exactly them', () => {
    const grafana = compose.services.grafana;
    expect(grafana.image).toMatch(/^grafana\/grafana:\$\{GRAFANA_VERSION:-12\.4\.\d+\}$/);
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort()).toEqual(Object.values(PLUGIN_IDS).sort());
    expect(grafana.volumes).toEqual(
      expect.arrayContaining([
        './provisioning/grafana:/etc/grafana/provisioning:ro',
        `./datasource-plugin/dist:/var/lib/grafana/plugins/${PLUGIN_IDS.datasource}:ro`,
        `./panel-plugin/dist:/var/lib/grafana/plugins/${PLUGIN_IDS.serviceGraphPanel}:ro`,
      ]),
    );
  });

  test('Prometheus mounts provisioning/prometheus and shares the exporter network, so its 127.0.0.1 target works as under npm start', () => {
    expect(compose.services.prometheus.volumes).toContain('./provisioning/prometheus:/etc/prometheus:ro');
    expect(compose.services.prometheus.network_mode).toBe('service:exporter');
    expect(compose.services.exporter.ports).toContain('127.0.0.1:9090:9090');
    expect(compose.services.grafana.environment.PROMETHEUS_URL).toBe('http://exporter:9090');
  });

  test('no secret literal: every credential-like variable comes from .env', () => {
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
        if (/PASSWORD|TOKEN|SECRET|ACCESS_KEY/.test(key)) expect({ service: name, key, value }).toEqual({ service: name, key, value: expect.stringMatching(/^\$\{[A-Z0-9_]+\}$/) });
      }
    }
  });

  test('every ${VAR} compose reads is in .env.example', () => {
    const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    for (const match of text.matchAll(/\$\{([A-Z0-9_]+)(:-[^}]*)?\}/g)) {
      if (match[2]) continue; // has a default
      expect(envExample).toMatch(new RegExp(`^${match[1]}=`, 'm'));
    }
  });

  test('every file or folder mounted from the repository exists (plugin dist/ is built by the deps service)', () => {
    for (const [, service] of services) {
      for (const volume of (service.volumes ?? []) as string[]) {
        const [source] = volume.split(':');
        if (!source.startsWith('./') || source.endsWith('/dist')) continue;
        expect({ volume, exists: existsSync(join(REPO_ROOT, source)) }).toEqual({ volume, exists: true });
      }
    }
  });

  test('the node services run code that exists', () => {
    // The emulator is built into its own image (tests/src/shipping.test.ts checks the Dockerfile and its entry).
    expect(existsSync(join(REPO_ROOT, compose.services.emulator.build.dockerfile))).toBe(true);
    const rootScripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts;
    expect(rootScripts.start).toBeDefined();
  });
});

describe('launching Prometheus and Grafana without Docker', () => {
  test('prometheusArgs', () => {
    expect(prometheusArgs({ configFile: '/p.yml', dataDir: '/d', port: 9090 })).toEqual([
      '--config.file=/p.yml',
      '--storage.tsdb.path=/d',
      '--storage.tsdb.retention.time=15d',
      '--web.listen-address=127.0.0.1:9090',
      '--web.enable-lifecycle',
    ]);
  });

  test('grafanaEnv sets every variable the provisioning reads, so Grafana starts with valid contact points', () => {
    const env = grafanaEnv({
      repoRoot: '/repo',
      dataDir: '/repo/.data/grafana',
      port: 3000,
      prometheusUrl: 'http://127.0.0.1:9090',
      alphapulseApiUrl: 'http://127.0.0.1:9464',
      alphapulseApiToken: 't',
      database: { host: '127.0.0.1:5433', name: 'alphapulse', user: 'alphapulse_query', password: 'p' },
      adminPassword: 'a',
    });
    expect(env.GF_PATHS_PROVISIONING).toBe('/repo/provisioning/grafana');
    for (const name of envReferences(allProvisioningText)) expect({ name, set: typeof env[name] === 'string' && env[name] !== '' }).toEqual({ name, set: true });
    expect(Object.keys(NOTIFICATION_ENV_DEFAULTS).length).toBeGreaterThan(5);
    expect(grafanaPluginLinks('/repo', '/repo/.data/grafana')).toEqual([
      { link: '/repo/.data/grafana/plugins/alphapulse-trading-datasource', target: '/repo/datasource-plugin/dist' },
      { link: '/repo/.data/grafana/plugins/alphapulse-servicegraph-panel', target: '/repo/panel-plugin/dist' },
    ]);
  });
});
