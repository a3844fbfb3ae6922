// Turns one scrape's instance results into metric samples: health, per-target collection, common and per-kind
// statistics. Pure, so every mapping is testable without a network.
import { FIELD_ERROR_REASONS } from '@alphapulse/contracts';
import { HEALTH_METRICS, TARGET_METRICS } from '../metrics/catalogue';
import { MetricSet, type Labels } from '../metrics/model';
import type { InstanceResult } from '../scrape/scrapeTargets';
import { collectCommonStats } from './common';
import { collectHealth, dependencyEdges } from './health';
import { collectorFor } from './index';
import { LabelGuard, UNLIMITED_LABELS, type LabelLimits } from './labelGuard';

export interface ServiceMetricOptions {
  maxPerformanceMetrics: number;
  /** Cardinality guard per target (default: unlimited, for tests of the mappings alone). */
  labelLimits?: LabelLimits;
}

export function targetLabels(result: InstanceResult): Labels {
  return { service: result.target.service, instance: result.target.instance, ...result.target.labels };
}

export function buildServiceMetrics(results: readonly InstanceResult[], options: ServiceMetricOptions, set = new MetricSet()): MetricSet {
  const edges: Array<{ service: string; dependencies: string[] }> = [];
  for (const result of results) {
    const target = targetLabels(result);
    const collector = collectorFor(result.target.kind);
    // One guard per target: its caps hold for this target alone, whatever the others send.
    const guard = new LabelGuard(options.labelLimits ?? UNLIMITED_LABELS);
    const dependencies = collectHealth(
      result.health,
      target,
      set,
      { maxPerformanceMetrics: options.maxPerformanceMetrics, claimedPerformanceMetrics: collector.claimedPerformanceMetrics },
      guard,
    );
    edges.push({ service: result.target.service, dependencies });
    set.add(TARGET_METRICS.scrapeDuration, target, result.durationSeconds);
    for (const failure of result.failures) {
      set.add(TARGET_METRICS.scrapeError, { ...target, endpoint: failure.endpoint, reason: failure.reason }, 1);
    }
    if (result.stats) {
      collectCommonStats(result.stats, target, set, guard);
      collector.collect(result.stats as never, target, set, guard);
    }
    for (const [endpoint, issues] of Object.entries(result.fieldIssues ?? {})) {
      for (const reason of FIELD_ERROR_REASONS) {
        const count = issues?.counts[reason];
        if (count) set.add(TARGET_METRICS.fieldErrors, { ...target, endpoint, reason }, count);
      }
    }
    for (const [label, count] of guard.dropped) set.add(TARGET_METRICS.labelValuesDropped, { ...target, label }, count);
  }
  for (const edge of dependencyEdges(edges)) set.add(HEALTH_METRICS.dependency, edge, 1);
  return set;
}
