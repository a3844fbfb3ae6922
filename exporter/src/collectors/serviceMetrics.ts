// Turns one scrape's instance results into metric samples: health, per-target collection, common and per-kind
// statistics. Pure, so every mapping is testable without a network.
import { HEALTH_METRICS, TARGET_METRICS } from '../metrics/catalogue';
import { MetricSet, type Labels } from '../metrics/model';
import type { InstanceResult } from '../scrape/scrapeTargets';
import { collectCommonStats } from './common';
import { collectHealth, dependencyEdges } from './health';
import { collectorFor } from './index';

export interface ServiceMetricOptions {
  maxPerformanceMetrics: number;
}

export function targetLabels(result: InstanceResult): Labels {
  return { service: result.target.service, instance: result.target.instance, ...result.target.labels };
}

export function buildServiceMetrics(results: readonly InstanceResult[], options: ServiceMetricOptions, set = new MetricSet()): MetricSet {
  for (const result of results) {
    const target = targetLabels(result);
    const collector = collectorFor(result.target.kind);
    collectHealth(result.health, target, set, {
      maxPerformanceMetrics: options.maxPerformanceMetrics,
      claimedPerformanceMetrics: collector.claimedPerformanceMetrics,
    });
    set.add(TARGET_METRICS.scrapeDuration, target, result.durationSeconds);
    for (const failure of result.failures) {
      set.add(TARGET_METRICS.scrapeError, { ...target, endpoint: failure.endpoint, reason: failure.reason }, 1);
    }
    if (result.stats) {
      collectCommonStats(result.stats, target, set);
      collector.collect(result.stats as never, target, set);
    }
  }
  const edges = dependencyEdges(results.map((result) => ({ service: result.target.service, health: result.health })));
  for (const edge of edges) set.add(HEALTH_METRICS.dependency, edge, 1);
  return set;
}
