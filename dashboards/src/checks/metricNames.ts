// Which exporter metric names a dashboard or rule uses, and which of them the exporter does not expose.

export interface CatalogueEntry {
  name: string;
  type: string;
}

const METRIC_NAME = /\balphapulse_[a-z0-9_]*[a-z0-9]/g;
/** Series names Prometheus derives from one histogram or summary family. */
const DERIVED_SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count'] };

export function extractMetricNames(text: string): Set<string> {
  return new Set(text.match(METRIC_NAME) ?? []);
}

/** Every series name the catalogue's families produce (a counter's name already ends in _total). */
export function exposedSeriesNames(catalogue: readonly CatalogueEntry[]): Set<string> {
  const names = new Set<string>();
  for (const { name, type } of catalogue) {
    names.add(name);
    for (const suffix of DERIVED_SUFFIXES[type] ?? []) names.add(name + suffix);
  }
  return names;
}

export function unknownMetricNames(used: Iterable<string>, catalogue: readonly CatalogueEntry[]): string[] {
  const exposed = exposedSeriesNames(catalogue);
  return [...used].filter((name) => !exposed.has(name)).sort();
}
