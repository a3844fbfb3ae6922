// Building blocks of the Prometheus text format 0.0.4 and OpenMetrics 1.0: escaping and number formatting.
import type { Labels, MetricDefinition } from '../metrics/model';

export type ExpositionFormat = 'text' | 'openmetrics';

export const CONTENT_TYPES: Record<ExpositionFormat, string> = {
  text: 'text/plain; version=0.0.4; charset=utf-8',
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
};

const LABEL_NEEDS_ESCAPE = /[\\"\n]/;
const HELP_NEEDS_ESCAPE = /[\\\n]/;
const OPENMETRICS_HELP_NEEDS_ESCAPE = /[\\"\n]/;

/** Label values escape backslash, double quote and line feed (both formats). */
export function escapeLabelValue(value: string): string {
  // Most values need no escaping; testing first avoids three replace() passes per label.
  if (!LABEL_NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and line feed; OpenMetrics also escapes double quotes. */
export function escapeHelp(help: string, format: ExpositionFormat): string {
  const needs = format === 'openmetrics' ? OPENMETRICS_HELP_NEEDS_ESCAPE : HELP_NEEDS_ESCAPE;
  if (!needs.test(help)) return help;
  const escaped = help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return format === 'openmetrics' ? escaped.replace(/"/g, '\\"') : escaped;
}

export function formatValue(value: number): string {
  if (Number.isFinite(value)) return `${value}`;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

/** `{a="1",b="2"}`, or '' for no labels. Label order is the object's insertion order. */
export function formatLabels(labels: Labels): string {
  let out = '';
  for (const key in labels) {
    out += out === '' ? '{' : ',';
    out += `${key}="${escapeLabelValue(labels[key])}"`;
  }
  return out === '' ? '' : `${out}}`;
}

/**
 * The name on the HELP/TYPE lines. OpenMetrics names counter families without `_total` and info families
 * without `_info` (their samples keep the suffix); the text format uses the sample name itself.
 */
export function familyName(definition: MetricDefinition, format: ExpositionFormat): string {
  if (format === 'openmetrics') {
    if (definition.type === 'counter') return definition.name.replace(/_total$/, '');
    if (definition.type === 'info') return definition.name.replace(/_info$/, '');
  }
  return definition.name;
}

export function typeName(definition: MetricDefinition, format: ExpositionFormat): string {
  if (definition.type === 'info' && format === 'text') return 'gauge';
  return definition.type;
}

export function familyHeader(definition: MetricDefinition, format: ExpositionFormat): string {
  const name = familyName(definition, format);
  return `# HELP ${name} ${escapeHelp(definition.help, format)}\n# TYPE ${name} ${typeName(definition, format)}\n`;
}

/** Picks the format from an Accept header: OpenMetrics only when the client names it. */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  return accept && accept.includes('application/openmetrics-text') ? 'openmetrics' : 'text';
}
