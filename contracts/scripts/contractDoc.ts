// Builds docs/contract.md from the schemas and examples, so the document cannot drift from the code.
import { z } from 'zod';
import {
  DEFAULT_FLATTEN_LIMITS,
  FIELD_ERROR_REASONS,
  FIELD_ERROR_REASON_HELP,
  MAPPING_EXAMPLES,
  SERVICE_KINDS,
  STATUS_SYNONYMS,
  defaultServicePort,
  exampleHealthRecord,
  exampleStats,
  healthRecordSchema,
  statsSchemas,
} from '../src';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
};

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' \\| ');
  if (schema.format === 'date-time') return 'string (ISO-8601 time)';
  let type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items) type = `array of ${describeType(schema.items)}`;
  if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    type = `map of name → ${describeType(schema.additionalProperties)}`;
  }
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? `≤ ${schema.maximum}` : '',
  ].filter(Boolean);
  return bounds.length ? `${type} (${bounds.join(', ')})` : type;
}

function fieldRows(schema: JsonSchema, prefix = ''): string[] {
  const rows: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${describeType(field)} | ${required.has(name) ? 'yes' : 'no'} |`);
    if (field.properties) rows.push(...fieldRows(field, `${path}.`));
    if (field.items?.properties) rows.push(...fieldRows(field.items, `${path}[].`));
    if (typeof field.additionalProperties === 'object' && field.additionalProperties.properties) {
      rows.push(...fieldRows(field.additionalProperties, `${path}.<name>.`));
    }
  }
  return rows;
}

function table(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return ['| field | type | required |', '|---|---|---|', ...fieldRows(json)].join('\n');
}

function statusWords(): string {
  const byStatus = new Map<string, string[]>();
  for (const [word, status] of Object.entries(STATUS_SYNONYMS)) byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${word}\``]);
  return [...byStatus].map(([status, words]) => `${words.join(', ')} → **${status}**`).join('; ');
}

/** Quotes a YAML key or value when it holds characters YAML would read otherwise. */
const yamlKey = (text: string) => (/^[A-Za-z_][A-Za-z0-9_.\-]*$/.test(text) ? text : JSON.stringify(text));

const fence = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');

export function renderContractDoc(): string {
  const parts: string[] = [
    '# AlphaPulse service contract',
    '',
    '<!-- Generated from contracts/src by `npm run docs -w @alphapulse/contracts`; do not edit by hand. -->',
    '',
    'Every AlphaPulse service answers two HTTP GET routes with JSON (`Content-Type: application/json`):',
    '`/health` (the health record, the same for all nine services) and `/stats` (common fields plus the',
    "service kind's own). The zod schemas in `contracts/src` are the source of truth; this page is generated",
    'from them. Written for the Python developers of AlphaPulse: what is required, what is tolerated, how',
    'dropped fields are reported, and how to connect a service whose field names differ.',
    '',
    '## What is required, what is tolerated',
    '',
    'Strict where it matters, lenient everywhere else. **Required**, or the instance counts as not answering',
    '(`alphapulse_up 0`, `status="down"`, and ServiceDown may page):',
    '',
    '- `GET /health` answers 2xx with a JSON **object** of at most 1 MiB that has a non-empty string',
    '  `service_name` and a string `status`.',
    '',
    '**Everything else is optional and judged field by field.** A field that is missing, null or unreadable is',
    'dropped and counted (see "How dropped fields are reported"); the rest of the payload is still exported. The',
    'same holds for `/stats`: any JSON object is read, each known field taken when present and well-typed.',
    '',
    '| you send | we read |',
    '|---|---|',
    '| `json.dumps` defaults: `NaN`, `Infinity`, `-Infinity` | gauges: exported as Prometheus `NaN` / `+Inf` / `-Inf`; counters (`*_total`, `error_count`, `warning_count`, `requests`/`errors`, histogram `count`/`sum`): dropped as `non_finite` |',
    '| numbers as strings: `"42"`, `"0.9"`, `"nan"`, `"inf"` | the number |',
    '| `true` / `false` where a gauge goes | 1 / 0 (in a counter: dropped as `wrong_type`) |',
    '| `null` | no value: skipped (counted as `missing` only for a field the contract lists) |',
    '| `12.0` for a count | 12 (a fractional count such as 12.5 is `out_of_range`) |',
    '| times: `2026-11-25T14:29:58.120333` (naive), `…Z`, `…+02:00`, `2026-11-25 14:29:58` (`str(datetime)`) | **a naive time is UTC**; sub-millisecond digits are cut |',
    '| times as epoch numbers: `time.time()` seconds or milliseconds | below 1e11 seconds, from 1e11 milliseconds |',
    '| a version as a number (`2.4`) | the string `"2.4"` |',
    '| enum values in any case: `"BUY"`, `" Filled "` | lower-cased and trimmed |',
    '| extra fields you add | ignored until the suite learns them (never an error) |',
    '| histogram bounds `float("inf")` or `"inf"` | the `"+Inf"` bucket |',
    '',
    `Status words (case and surrounding spaces ignored): ${statusWords()}. Any other word is its own`,
    'visible state, `alphapulse_service_status{status="unknown"} 1` with `alphapulse_up 1`: an unknown word never',
    'reads as down, and never pages. ServiceDown fires only when a service says down (or a synonym), is',
    'unreachable, or answers something that is not a health record at all.',
    '',
    '### performance_metrics',
    '',
    'Free-form, nested dicts allowed, flattened by one rule: **path segments joined with "."**.',
    '`{"cache": {"hit_ratio": 0.9}}` becomes `alphapulse_service_performance_metric{metric="cache.hit_ratio"} 0.9`.',
    'Numbers, numeric strings and booleans are exported; strings and lists are skipped and counted as',
    `\`not_numeric\`. Caps: ${DEFAULT_FLATTEN_LIMITS.maxDepth} levels deep (exporter config \`scrape.performance_metrics_max_depth\`), names of`,
    `at most 128 characters (\`scrape.max_label_value_length\`), ${DEFAULT_FLATTEN_LIMITS.maxMetrics} leaves read and 50 series exported per instance`,
    '(`scrape.max_performance_metrics_per_instance`; the rest is `alphapulse_service_performance_metrics_dropped`).',
    '',
    '### Label values you supply',
    '',
    'Every name that becomes a label value (dependencies, strategies, models, pools, channels, sources, symbols,',
    'dependency_calls, performance metric names, version) passes a per-target cardinality guard: control characters',
    'removed, at most 128 characters, at most 200 distinct values per label and 2,000 in all per instance (exporter',
    'config `scrape.max_label_values_per_label`, `scrape.max_label_values_per_target`, `scrape.max_label_value_length`).',
    'What does not fit is counted in `alphapulse_target_label_values_dropped{label}`; other services are never affected.',
    '',
    '### Conventions',
    '',
    '- Field names are snake_case as below.',
    '- Units are base units: seconds, bytes, ratios 0–1 (never percentages), money in the account currency.',
    '- `*_total` fields and `error_count` / `warning_count` are counters since the service started; they only',
    '  go back to zero when the service restarts (and then `uptime` restarts too).',
    '- Latency: prefer cumulative histogram buckets (`le` in seconds, increasing, last one `"+Inf"`, counts',
    '  non-decreasing, `count` equal to the `+Inf` bucket); p50/p95/p99 are accepted when buckets are not available.',
    '  A latency object whose buckets break these rules is dropped whole (`invalid_shape`).',
    '- `dependency_calls` (optional, in `/stats`): per dependency, `requests` and `errors` since start and',
    '  optionally `latency` (same shape as `latency_seconds`); the service graph draws traffic and errors on edges from it.',
    '',
    '## How dropped fields are reported',
    '',
    'Per instance and scrape, `alphapulse_target_field_errors{service, instance, endpoint, reason}` counts the',
    'fields dropped from a payload that was otherwise used (absent when none). The Service detail dashboard shows it',
    "(row \"Contract drift\"), and the info alert PayloadDrift fires when an instance has dropped fields other than",
    '`missing` and `not_numeric` (strings among the free-form performance_metrics are normal) for 15 minutes.',
    'The exporter never pages for drift.',
    '',
    '| reason | meaning |',
    '|---|---|',
    ...FIELD_ERROR_REASONS.map((reason) => `| \`${reason}\` | ${FIELD_ERROR_REASON_HELP[reason]} |`),
    '',
    'A payload that cannot be used at all is `alphapulse_target_scrape_error{endpoint, reason}` instead:',
    '`unreachable`, `timeout`, `http_status`, `oversized` (over 1 MiB), `malformed_json` (not JSON even with',
    'NaN/Infinity), `contract_violation` (JSON, but not an object, or a health record without service name or status).',
    '',
    '## Mapping a real service',
    '',
    'When a service names its fields differently, map them in the exporter config instead of changing code:',
    '`field_map` on a service entry (every instance) or on one instance (wins for the same field), with `health`',
    'and/or `stats` sections of **contract path: your path**. Contract paths are dotted field names as in the',
    'tables below (map keys included: `strategies.main.equity`); your paths are dotted names or a small JSONPath',
    "subset: `$.a.b`, indexes `a[0]`, quoted names `a['x.y']`. A source that is absent leaves the field as sent.",
    'The config is checked at load: an unknown contract field or a bad path is an error naming the key, e.g.',
    '`services[6].field_map.stats.equitee: "equitee" is not a field of the contract of trading_engine /stats`.',
    '',
    ...SERVICE_KINDS.flatMap((kind) => [
      `**${kind}**, when the service ${MAPPING_EXAMPLES[kind].situation}:`,
      '',
      '```yaml',
      '- kind: ' + kind,
      '  instances: [http://127.0.0.1:' + defaultServicePort(kind) + ']',
      '  field_map:',
      ...Object.entries(MAPPING_EXAMPLES[kind].field_map).flatMap(([endpoint, map]) => [
        `    ${endpoint}:`,
        ...Object.entries(map ?? {}).map(([to, from]) => `      ${yamlKey(to)}: ${yamlKey(from)}`),
      ]),
      '```',
      '',
    ]),
    '## Services and default ports',
    '',
    '| service_name | default URL |',
    '|---|---|',
    ...SERVICE_KINDS.map((kind) => `| \`${kind}\` | http://127.0.0.1:${defaultServicePort(kind)} |`),
    '',
    '## GET /health',
    '',
    'In the tables, *required* yes means "counted as `missing` when absent"; only `service_name` and `status` of',
    'the health record are truly required (see above). Fields marked no are optional and never counted.',
    '',
    table(healthRecordSchema),
    '',
    fence(exampleHealthRecord),
    '',
    '## GET /stats',
  ];
  for (const kind of SERVICE_KINDS) {
    parts.push('', `### ${kind}`, '', table(statsSchemas[kind]), '', fence(exampleStats[kind]));
  }
  return parts.join('\n') + '\n';
}
