// The cardinality guard: every label value a service supplies (dependencies, strategies, models, pools, channels,
// sources, symbols, performance metric names) passes here. Per target: at most maxPerLabel distinct values per
// label and maxPerTarget in all, each at most maxLength characters, control characters removed. What does not fit
// is counted (alphapulse_target_label_values_dropped), so one target can never blow up a scrape.

export interface LabelLimits {
  maxPerLabel: number;
  maxPerTarget: number;
  maxLength: number;
}

export const UNLIMITED_LABELS: LabelLimits = { maxPerLabel: Infinity, maxPerTarget: Infinity, maxLength: Infinity };

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export class LabelGuard {
  private readonly seen = new Map<string, Set<string>>();
  private total = 0;
  readonly dropped = new Map<string, number>();

  constructor(private readonly limits: LabelLimits = UNLIMITED_LABELS) {}

  /** The value to use for `label`, or undefined when it is dropped (and counted). */
  value(label: string, raw: string): string | undefined {
    let seen = this.seen.get(label);
    if (seen?.has(raw)) return raw;
    // Lone surrogates would make the exposition invalid UTF-8.
    const clean = raw.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').trim();
    if (clean !== raw && seen?.has(clean)) return clean;
    if (clean === '' || clean.length > this.limits.maxLength) return this.drop(label);
    if (!seen) this.seen.set(label, (seen = new Set()));
    if (seen.size >= this.limits.maxPerLabel || this.total >= this.limits.maxPerTarget) return this.drop(label);
    seen.add(clean);
    this.total += 1;
    return clean;
  }

  private drop(label: string): undefined {
    this.dropped.set(label, (this.dropped.get(label) ?? 0) + 1);
    return undefined;
  }
}
