// The exporter's data model: metric definitions (name, type, help, labels) and the samples of one scrape.
// Samples are built fresh for every scrape ("const metrics"), so nothing survives from one scrape to the next.

/** `info` renders as a gauge in the Prometheus text format and as an OpenMetrics info family. */
export type MetricType = 'gauge' | 'counter' | 'histogram' | 'summary' | 'info';

export interface MetricDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  /** Label names every sample carries (target labels from the config may add more). */
  readonly labels: readonly string[];
  /** Group heading in docs/metrics.md. */
  readonly group: string;
}

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
  /** For histograms and summaries: `_bucket`, `_sum` or `_count`; absent for the family's own samples. */
  suffix?: '_bucket' | '_sum' | '_count';
}

export interface MetricFamily {
  definition: MetricDefinition;
  samples: Sample[];
}

/** Collects the samples of one scrape, grouped by family in first-added order. */
export class MetricSet {
  private readonly families = new Map<string, MetricFamily>();

  /** An undefined value (a field the service did not send, or one dropped as bad) adds no sample. */
  add(definition: MetricDefinition, labels: Labels, value: number | undefined, suffix?: Sample['suffix']): void {
    if (value === undefined) return;
    let family = this.families.get(definition.name);
    if (!family) {
      family = { definition, samples: [] };
      this.families.set(definition.name, family);
    }
    family.samples.push(suffix ? { labels, value, suffix } : { labels, value });
  }

  /** Adds another set's samples (e.g. a cached KPI set) after this one's. */
  merge(other: MetricSet): void {
    for (const family of other.toFamilies()) {
      for (const sample of family.samples) this.add(family.definition, sample.labels, sample.value, sample.suffix);
    }
  }

  toFamilies(): MetricFamily[] {
    return [...this.families.values()];
  }

  /** Value of one sample, for tests: the first sample of `name` whose labels include `labels`. */
  value(name: string, labels: Labels = {}, suffix?: Sample['suffix']): number | undefined {
    const family = this.families.get(name);
    const match = family?.samples.find(
      (sample) => sample.suffix === suffix && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
    return match?.value;
  }

  seriesCount(): number {
    let count = 0;
    for (const family of this.families.values()) count += family.samples.length;
    return count;
  }
}
