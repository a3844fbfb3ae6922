// How to run Prometheus and Grafana from their binaries (Debian's prometheus package, Grafana's apt repo) on
// the repository's provisioning, for `npm start` on a machine without Docker. Pure: the caller spawns.
import { join } from 'node:path';

export interface PrometheusLaunch {
  configFile: string;
  dataDir: string;
  port: number;
  host?: string;
  retention?: string;
}

export function prometheusArgs(options: PrometheusLaunch): string[] {
  return [
    `--config.file=${options.configFile}`,
    `--storage.tsdb.path=${options.dataDir}`,
    `--storage.tsdb.retention.time=${options.retention ?? '15d'}`,
    `--web.listen-address=${options.host ?? '127.0.0.1'}:${options.port}`,
    // Lets `curl -X POST …/-/reload` pick up an edited prometheus.yml without a restart.
    '--web.enable-lifecycle',
  ];
}

export interface GrafanaLaunch {
  repoRoot: string;
  /** Grafana's own state (SQLite database, logs, plugin links), e.g. <repo>/.data/grafana. */
  dataDir: string;
  port: number;
  host?: string;
  prometheusUrl: string;
  /** Base URL of the exporter, whose query API is under /api/v1. */
  alphapulseApiUrl: string;
  alphapulseApiToken: string;
  database: { host: string; name: string; user: string; password: string; sslmode?: string };
  adminPassword: string;
  /** Contact point settings; without them alerts go to local addresses that nothing answers (still valid). */
  notifications?: Partial<Record<NotificationEnvName, string>>;
}

/** The environment variables the contact points read (provisioning/grafana/alerting/contact-points.yaml). */
export const NOTIFICATION_ENV_DEFAULTS = {
  SLACK_WEBHOOK_URL: 'http://127.0.0.1:8081/slack',
  SLACK_CRITICAL_CHANNEL: '#alphapulse-oncall',
  SLACK_WARNING_CHANNEL: '#alphapulse-alerts',
  AWS_SNS_API_URL: 'http://127.0.0.1:8081/sns',
  AWS_SNS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:alphapulse-critical',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  SMS_WEBHOOK_URL: 'http://127.0.0.1:8081/sms',
  SMS_WEBHOOK_TOKEN: 'local',
  ESCALATION_WEBHOOK_URL: 'http://127.0.0.1:8081/escalation',
  ALERT_EMAIL_ADDRESSES: 'ops@alphapulse.local',
  ALERT_EMAIL_ESCALATION: 'oncall-lead@alphapulse.local',
} as const;
export type NotificationEnvName = keyof typeof NOTIFICATION_ENV_DEFAULTS;

export const PLUGIN_DIST_DIRS = {
  'alphapulse-trading-datasource': 'datasource-plugin/dist',
  'alphapulse-servicegraph-panel': 'panel-plugin/dist',
} as const;

/** Grafana loads plugins from one directory: link each plugin's dist/ into it under its id. */
export function grafanaPluginLinks(repoRoot: string, dataDir: string): { link: string; target: string }[] {
  return Object.entries(PLUGIN_DIST_DIRS).map(([id, dist]) => ({ link: join(dataDir, 'plugins', id), target: join(repoRoot, dist) }));
}

/** `grafana server` arguments; homePath is where Grafana's static files live (/usr/share/grafana on Debian). */
export function grafanaArgs(homePath = '/usr/share/grafana'): string[] {
  return ['server', `--homepath=${homePath}`];
}

export function grafanaEnv(options: GrafanaLaunch): Record<string, string> {
  const { database } = options;
  return {
    GF_PATHS_DATA: options.dataDir,
    GF_PATHS_LOGS: join(options.dataDir, 'logs'),
    GF_PATHS_PLUGINS: join(options.dataDir, 'plugins'),
    GF_PATHS_PROVISIONING: join(options.repoRoot, 'provisioning', 'grafana'),
    GF_SERVER_HTTP_ADDR: options.host ?? '127.0.0.1',
    // X-Grafana-User on proxied requests, so the query API rate-limits per user (ds_proxy.go, applyUserHeader).
    GF_DATAPROXY_SEND_USER_HEADER: 'true',
    GF_SERVER_HTTP_PORT: String(options.port),
    GF_SECURITY_ADMIN_PASSWORD: options.adminPassword,
    GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS: Object.keys(PLUGIN_DIST_DIRS).join(','),
    PROMETHEUS_URL: options.prometheusUrl,
    ALPHAPULSE_API_URL: options.alphapulseApiUrl,
    ALPHAPULSE_API_TOKEN: options.alphapulseApiToken,
    TIMESCALEDB_HOST: database.host,
    TIMESCALEDB_DATABASE: database.name,
    TIMESCALEDB_READER_USER: database.user,
    TIMESCALEDB_READER_PASSWORD: database.password,
    TIMESCALEDB_SSLMODE: database.sslmode ?? 'disable',
    ...NOTIFICATION_ENV_DEFAULTS,
    ...options.notifications,
  };
}
