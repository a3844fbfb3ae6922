// Builds docs/contract.md from the schemas and examples, so the document cannot drift from the code.
import { z } from 'zod';
import {
  SERVICE_KINDS,
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
    'from them. Rules for the Python services:',
    '',
    '- Field names are snake_case as below. Extra fields are allowed and ignored by consumers that do not',
    '  know them, so a service can add fields before the suite learns them.',
    '- Every listed field must have the listed type: a wrong type rejects the whole payload, and the error',
    '  names the exact path (e.g. `models.random_forest.accuracy: Invalid input: expected number, received string`).',
    '- Units are base units: seconds, bytes, ratios 0–1 (never percentages), money in the account currency.',
    '- `*_total` fields and `error_count` / `warning_count` are counters since the service started; they only',
    '  go back to zero when the service restarts (and then `uptime` restarts too).',
    '- Latency: prefer cumulative histogram buckets (`le` in seconds, increasing, last one `"+Inf"`, counts',
    '  non-decreasing, `count` equal to the `+Inf` bucket); p50/p95/p99 are accepted when buckets are not available.',
    '- `performance_metrics` in the health record is free-form: any name, finite numbers only. The exporter',
    '  exports names it does not know generically (see docs/metrics.md).',
    '- Bodies over 1 MiB are treated as malformed. Time stamps are ISO-8601 with a zone (`Z` or `+00:00`).',
    '',
    '## Services and default ports',
    '',
    '| service_name | default URL |',
    '|---|---|',
    ...SERVICE_KINDS.map((kind) => `| \`${kind}\` | http://127.0.0.1:${defaultServicePort(kind)} |`),
    '',
    '## GET /health',
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
