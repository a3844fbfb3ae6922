// The exporter's config file, as a zod schema. Objects are strict: a misspelt key is an error that names it,
// rather than a setting silently ignored.
import { z } from 'zod';
import { DEFAULT_HOST, DEFAULT_PORTS, SERVICE_KINDS } from '@alphapulse/contracts';
import { RESERVED_LABELS } from '../metrics/catalogue';
import { MAX_BUDGET_SECONDS } from '../scrape/budget';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Extra target labels; each key is checked here so the error names it (zod's record key errors do not). */
const extraLabels = z
  .record(z.string(), z.string())
  .superRefine((labels, ctx) => {
    for (const name of Object.keys(labels)) {
      let message: string | undefined;
      if (!LABEL_NAME.test(name)) message = 'must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)';
      else if (name.startsWith('__')) message = 'names starting with __ are reserved by Prometheus';
      else if (RESERVED_LABELS.has(name)) message = 'is a label the exporter sets itself (service, instance, job, le, quantile, …)';
      if (message) ctx.addIssue({ code: 'custom', path: [name], message });
    }
  })
  .default({});
const seconds = z.number().finite().positive();

/** contract path → the service's own path (dotted, or the small JSONPath subset of config/fieldMap.ts). */
const pathMap = z.record(z.string().min(1), z.string().min(1));
const fieldMapSchema = z.strictObject({ health: pathMap.optional(), stats: pathMap.optional() }).optional();

const instanceSchema = z.union([
  z.url({ protocol: /^https?$/ }),
  z.strictObject({
    url: z.url({ protocol: /^https?$/ }),
    /** The `instance` label; defaults to the URL's host:port. */
    instance: z.string().min(1).optional(),
    labels: extraLabels,
    /** Per target; wins over the service's field_map for the same contract path. */
    field_map: fieldMapSchema,
  }),
]);

const serviceSchema = z.strictObject({
  /** The `service` label; defaults to the kind. */
  name: z.string().min(1).optional(),
  kind: z.enum(SERVICE_KINDS),
  instances: z.array(instanceSchema).min(1),
  labels: extraLabels,
  /** Maps this service's own field names onto the contract, e.g. { stats: { equity: portfolio.total_equity } }. */
  field_map: fieldMapSchema,
});

const authSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('basic'), username: z.string().min(1), password: z.string().min(1) }),
  z.strictObject({ type: z.literal('bearer'), token: z.string().min(16, 'use a token of at least 16 characters') }),
]);

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default(DEFAULT_HOST),
      port: z.number().int().min(0).max(65535).default(DEFAULT_PORTS.exporter),
      /** Protects /metrics only; the health endpoints stay open for probes. */
      auth: authSchema.default({ type: 'none' }),
      tls: z.strictObject({ cert_file: z.string().min(1), key_file: z.string().min(1) }).optional(),
    })
    .prefault({}),
  scrape: z
    .strictObject({
      /** Budget when Prometheus sends no X-Prometheus-Scrape-Timeout-Seconds header. */
      default_budget_seconds: seconds.max(MAX_BUDGET_SECONDS).default(5),
      /** Subtracted from Prometheus' scrape timeout, leaving time to render and send. */
      timeout_offset_seconds: z.number().finite().nonnegative().default(0.5),
      /** Larger health or stats bodies are refused as oversized. */
      max_body_bytes: z.number().int().positive().default(1024 * 1024),
      /** Cap on generically exported performance_metrics fields per instance. */
      max_performance_metrics_per_instance: z.number().int().nonnegative().default(50),
      /** Levels of nested performance_metrics followed (1 = flat only). */
      performance_metrics_max_depth: z.number().int().min(1).max(16).default(4),
      /** Cardinality guard on every label value a service supplies (dependencies, strategies, models, …), per target. */
      max_label_values_per_label: z.number().int().nonnegative().default(200),
      max_label_values_per_target: z.number().int().nonnegative().default(2000),
      max_label_value_length: z.number().int().min(1).max(1024).default(128),
    })
    .prefault({}),
  services: z.array(serviceSchema),
  kpi: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Overridden by DATABASE_URL and by startExporter's databaseUrl. */
      database_url: z.string().min(1).optional(),
      /** KPI queries run at most this often; scrapes in between get the cached results. */
      min_interval_seconds: seconds.default(15),
      statement_timeout_ms: z.number().int().positive().default(2000),
      window_seconds: seconds.default(300),
      win_rate_lookback_seconds: seconds.default(86_400),
      drawdown_lookback_seconds: seconds.default(30 * 86_400),
      sentiment_lookback_seconds: seconds.default(3600),
    })
    .prefault({}),
});

export type ConfigFile = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
