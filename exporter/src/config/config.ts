// Parses and validates the exporter config (YAML text + environment overrides) into resolved targets.
// Pure: reading the file is loadConfigFile's job (configFile.ts).
import { parse as parseYaml } from 'yaml';
import { DEFAULT_HOST, SERVICE_KINDS, defaultServicePort, isServiceKind, type ServiceKind } from '@alphapulse/contracts';
import { formatPath } from '@alphapulse/contracts';
import { parseEndpointMappings, type EndpointMappings } from './fieldMap';
import { configSchema, type ParsedConfig } from './schema';

/** One service instance to fetch /health and /stats from. */
export interface Target {
  service: string;
  kind: ServiceKind;
  instance: string;
  url: string;
  /** Extra labels from the config (service-level, then instance-level). */
  labels: Record<string, string>;
  /** The service's own field names mapped onto the contract (config field_map), per endpoint. */
  fieldMap?: EndpointMappings;
}

export interface ExporterConfig {
  server: ParsedConfig['server'];
  scrape: ParsedConfig['scrape'];
  kpi: ParsedConfig['kpi'];
  targets: Target[];
}

export class ConfigError extends Error {}

/** Environment variables that override the file. */
export const CONFIG_ENV = {
  file: 'ALPHAPULSE_EXPORTER_CONFIG',
  host: 'ALPHAPULSE_EXPORTER_HOST',
  port: 'ALPHAPULSE_EXPORTER_PORT',
  targets: 'ALPHAPULSE_EXPORTER_TARGETS',
  bearerToken: 'ALPHAPULSE_EXPORTER_BEARER_TOKEN',
  basicAuth: 'ALPHAPULSE_EXPORTER_BASIC_AUTH',
  tlsCertFile: 'ALPHAPULSE_EXPORTER_TLS_CERT_FILE',
  tlsKeyFile: 'ALPHAPULSE_EXPORTER_TLS_KEY_FILE',
  defaultBudget: 'ALPHAPULSE_EXPORTER_DEFAULT_BUDGET_SECONDS',
  kpiEnabled: 'ALPHAPULSE_EXPORTER_KPI_ENABLED',
  kpiMinInterval: 'ALPHAPULSE_EXPORTER_KPI_MIN_INTERVAL_SECONDS',
  databaseUrl: 'DATABASE_URL',
} as const;

type Env = Record<string, string | undefined>;
type Raw = Record<string, unknown>;

/** The default: the nine emulated services on 127.0.0.1:8101–8109. */
export function defaultConfigFile(): Raw {
  return {
    services: SERVICE_KINDS.map((kind) => ({ kind, instances: [`http://${DEFAULT_HOST}:${defaultServicePort(kind)}`] })),
  };
}

function section(raw: Raw, key: string): Raw {
  const value = raw[key];
  if (value === undefined || value === null) return (raw[key] = {});
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${key}: must be a mapping`);
  return value as Raw;
}

function envNumber(env: Env, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new ConfigError(`${name}: "${text}" is not a number`);
  return value;
}

/** `trading_engine=http://a:1,trading_engine=http://b:1,risk_manager=http://c:2` → services list. */
export function parseTargetsEnv(text: string): Raw[] {
  const byService = new Map<string, string[]>();
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf('=');
    const kind = entry.slice(0, separator);
    if (separator < 1 || !isServiceKind(kind)) {
      throw new ConfigError(`${CONFIG_ENV.targets}: "${entry}" is not <service_kind>=<url> with one of ${SERVICE_KINDS.join(', ')}`);
    }
    byService.set(kind, [...(byService.get(kind) ?? []), entry.slice(separator + 1)]);
  }
  return [...byService].map(([kind, instances]) => ({ kind, instances }));
}

function applyEnv(raw: Raw, env: Env): void {
  const server = section(raw, 'server');
  if (env[CONFIG_ENV.host]) server.host = env[CONFIG_ENV.host];
  const port = envNumber(env, CONFIG_ENV.port);
  if (port !== undefined) server.port = port;
  if (env[CONFIG_ENV.bearerToken]) server.auth = { type: 'bearer', token: env[CONFIG_ENV.bearerToken] };
  const basic = env[CONFIG_ENV.basicAuth];
  if (basic) {
    const colon = basic.indexOf(':');
    if (colon < 1) throw new ConfigError(`${CONFIG_ENV.basicAuth}: expected <username>:<password>`);
    server.auth = { type: 'basic', username: basic.slice(0, colon), password: basic.slice(colon + 1) };
  }
  if (env[CONFIG_ENV.tlsCertFile] || env[CONFIG_ENV.tlsKeyFile]) {
    server.tls = { cert_file: env[CONFIG_ENV.tlsCertFile], key_file: env[CONFIG_ENV.tlsKeyFile] };
  }
  const budget = envNumber(env, CONFIG_ENV.defaultBudget);
  if (budget !== undefined) section(raw, 'scrape').default_budget_seconds = budget;
  if (env[CONFIG_ENV.targets]) raw.services = parseTargetsEnv(env[CONFIG_ENV.targets]!);
  const kpi = section(raw, 'kpi');
  if (env[CONFIG_ENV.kpiEnabled]) kpi.enabled = !['0', 'false', 'no', 'off'].includes(env[CONFIG_ENV.kpiEnabled]!.toLowerCase());
  const minInterval = envNumber(env, CONFIG_ENV.kpiMinInterval);
  if (minInterval !== undefined) kpi.min_interval_seconds = minInterval;
  if (env[CONFIG_ENV.databaseUrl]) kpi.database_url = env[CONFIG_ENV.databaseUrl];
}

function hostPort(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname}:${port}`;
}

function resolveTargets(parsed: ParsedConfig): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  parsed.services.forEach((service, serviceIndex) => {
    const name = service.name ?? service.kind;
    service.instances.forEach((entry, instanceIndex) => {
      const spec = typeof entry === 'string' ? { url: entry, labels: {}, field_map: undefined } : entry;
      const instance = ('instance' in spec && spec.instance) || hostPort(spec.url);
      const key = `${name}\u0000${instance}`;
      if (seen.has(key)) {
        throw new ConfigError(`services[${serviceIndex}].instances[${instanceIndex}]: instance "${instance}" of service "${name}" is configured twice`);
      }
      seen.add(key);
      const raw = { health: { ...service.field_map?.health, ...spec.field_map?.health }, stats: { ...service.field_map?.stats, ...spec.field_map?.stats } };
      const { mappings, errors } = parseEndpointMappings(service.kind, raw);
      if (errors.length) {
        const where = (endpoint: string) => (spec.field_map?.[endpoint as 'health'] ? `services[${serviceIndex}].instances[${instanceIndex}]` : `services[${serviceIndex}]`);
        throw new ConfigError(errors.map((e) => `${where(e.path[0])}.field_map.${e.path[0]}.${e.path[1]}: ${e.message}`).join('; '));
      }
      targets.push({
        service: name,
        kind: service.kind,
        instance,
        url: spec.url.replace(/\/+$/, ''),
        labels: { ...service.labels, ...spec.labels },
        ...(mappings.health || mappings.stats ? { fieldMap: mappings } : {}),
      });
    });
  });
  return targets;
}

/**
 * Parses YAML text (or the default config when `yamlText` is undefined), applies the environment, validates.
 * Throws ConfigError with every problem and the path of its key, e.g. `services[1].kind: Invalid option …`.
 */
export function parseConfig(yamlText: string | undefined, env: Env = {}, source = 'config'): ExporterConfig {
  let raw: unknown;
  try {
    raw = yamlText === undefined ? defaultConfigFile() : parseYaml(yamlText);
  } catch (err) {
    throw new ConfigError(`${source}: not valid YAML: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: must be a YAML mapping`);
  try {
    applyEnv(raw as Raw, env);
  } catch (err) {
    throw new ConfigError(`${source}: ${(err as Error).message}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(`${source}: ${problems.join('; ')}`);
  }
  try {
    return { server: result.data.server, scrape: result.data.scrape, kpi: result.data.kpi, targets: resolveTargets(result.data) };
  } catch (err) {
    throw new ConfigError(`${source}: ${(err as Error).message}`);
  }
}
