import { FieldType, type DataFrame } from '@grafana/data';
import { fieldValues, finiteNumber, text } from './frameValues';
import { formatPercent, formatRate, formatSeconds } from './statFormat';
import { combineInstanceHealth, resolveHealth, type NumericHealthThresholds, type StatusMapper } from './health';
import type { DependencyEdge, Health, ParseIssue, ServiceNode } from './types';
import type { ErrorValueKind, LabelNames, QuerySelectors } from '../types';

export interface PrometheusParseOptions {
  labels: LabelNames;
  queries: QuerySelectors;
  errorValueKind: ErrorValueKind;
  thresholds: NumericHealthThresholds;
  externalNames: Set<string>;
  groupByLabel: string;
  mapStatus?: StatusMapper;
}

/** One labelled value, whether it came from a time series frame (labels on the field) or a table row. */
export interface Sample {
  name?: string;
  refId?: string;
  labels: Record<string, string>;
  value: number | undefined;
  /** No finite value, but NaN ones: Prometheus' answer for 0/0 (an error ratio or a quantile without requests). */
  nan?: boolean;
}

/** Flattens Prometheus results of either format into samples with the latest value of each series. */
export function collectSamples(frames: DataFrame[]): Sample[] {
  const samples: Sample[] = [];
  for (const frame of frames) {
    const numberFields = frame.fields.filter((field) => field.type === FieldType.number);
    const labelled = numberFields.filter((field) => field.labels && Object.keys(field.labels).length > 0);
    if (labelled.length > 0) {
      for (const field of labelled) {
        const values = fieldValues(field);
        let latest: number | undefined;
        for (let i = values.length - 1; i >= 0 && latest === undefined; i--) {
          latest = finiteNumber(values[i]);
        }
        samples.push({
          name: field.labels?.__name__ ?? frame.name,
          refId: frame.refId,
          labels: { ...field.labels },
          value: latest,
          nan: latest === undefined && values.some((value) => typeof value === 'number' && Number.isNaN(value)),
        });
      }
      continue;
    }
    // Table format: string columns are labels, the last number column is the value.
    const labelFields = frame.fields.filter((field) => field.type === FieldType.string);
    const valueField = numberFields[numberFields.length - 1];
    if (labelFields.length === 0) {
      continue;
    }
    const rows = frame.length ?? fieldValues(labelFields[0]).length;
    for (let row = 0; row < rows; row++) {
      const labels: Record<string, string> = {};
      for (const field of labelFields) {
        const value = text(fieldValues(field)[row]);
        if (value !== undefined) {
          labels[field.name] = value;
        }
      }
      const raw = valueField ? fieldValues(valueField)[row] : undefined;
      samples.push({
        name: labels.__name__ ?? frame.name,
        refId: frame.refId,
        labels,
        value: finiteNumber(raw),
        nan: typeof raw === 'number' && Number.isNaN(raw),
      });
    }
  }
  return samples;
}

// A selector missing from older saved options must match nothing (not a sample without name or refId).
const matches = (sample: Sample, selector: string | undefined) =>
  !!selector && (sample.name === selector || sample.refId === selector);

export function looksLikePrometheus(frames: DataFrame[], options: Pick<PrometheusParseOptions, 'labels' | 'queries'>) {
  return collectSamples(frames).some(
    (sample) =>
      matches(sample, options.queries.dependency) ||
      (sample.labels[options.labels.service] !== undefined && sample.labels[options.labels.dependency] !== undefined)
  );
}

export function parsePrometheusFrames(
  frames: DataFrame[],
  options: PrometheusParseOptions
): { nodes: ServiceNode[]; edges: DependencyEdge[]; issues: ParseIssue[] } {
  const { labels, queries } = options;
  const issues: ParseIssue[] = [];
  const samples = collectSamples(frames);
  const instanceHealth = new Map<string, Map<string, Health>>();
  const serviceLabels = new Map<string, Record<string, string>>();
  const edgeTraffic = new Map<string, number>();
  const edgeErrors = new Map<string, number>();
  const edgeErrorSeries = new Map<string, number>();
  const edgeLatency = new Map<string, number>();
  const nodeTraffic = new Map<string, number>();
  const nodeErrors = new Map<string, number>();
  const nodeErrorSeries = new Map<string, number>();
  const nodeLatency = new Map<string, number>();
  const edgePairs: Array<[string, string]> = [];
  const seenPairs = new Set<string>();
  const pairKey = (service: string, dependency: string) => `${service}→${dependency}`;

  const setInstance = (service: string, instance: string, health: Health, overrideUnlessDown = false) => {
    const byInstance = instanceHealth.get(service) ?? new Map<string, Health>();
    const current = byInstance.get(instance);
    if (!overrideUnlessDown || current === undefined || health === 'down') {
      byInstance.set(instance, health);
    }
    instanceHealth.set(service, byInstance);
  };
  const add = (map: Map<string, number>, key: string, value: number | undefined) => {
    if (value !== undefined) {
      map.set(key, (map.get(key) ?? 0) + value);
    }
  };
  const colors = new Map<string, string>();

  for (const sample of samples) {
    const service = sample.labels[labels.service];
    const dependency = sample.labels[labels.dependency];
    const instance = sample.labels[labels.instance] ?? '';
    const isTraffic = matches(sample, queries.traffic);
    const isErrors = !isTraffic && matches(sample, queries.errors);
    const isLatency = !isTraffic && !isErrors && matches(sample, queries.latency);
    if (!service) {
      if (matches(sample, queries.dependency) || matches(sample, queries.status) || matches(sample, queries.up)) {
        issues.push({
          reason: 'missing-field',
          message: `A "${sample.name ?? sample.refId}" series has no "${labels.service}" label`,
        });
      }
      continue;
    }
    if (isTraffic || isErrors || isLatency) {
      const key = dependency ? pairKey(service, dependency) : service;
      if (sample.value === undefined && !sample.nan) {
        issues.push({
          reason: 'invalid-value',
          message: `No numeric value for ${sample.name || sample.refId} of ${key}`,
        });
      }
      if (isTraffic) {
        add(dependency ? edgeTraffic : nodeTraffic, key, sample.value);
      } else if (isErrors) {
        add(dependency ? edgeErrors : nodeErrors, key, sample.value);
        add(dependency ? edgeErrorSeries : nodeErrorSeries, key, sample.value === undefined ? undefined : 1);
      } else if (sample.value !== undefined) {
        // Several series per edge (an unaggregated quantile per instance): the slowest one counts.
        const latency = dependency ? edgeLatency : nodeLatency;
        latency.set(key, Math.max(latency.get(key) ?? 0, sample.value));
      }
      continue;
    }
    if (
      matches(sample, queries.dependency) ||
      (dependency && !matches(sample, queries.status) && !matches(sample, queries.up))
    ) {
      if (!dependency) {
        issues.push({
          reason: 'missing-field',
          message: `Dependency series of ${service} has no "${labels.dependency}" label`,
        });
        continue;
      }
      // An info metric at 0 means the dependency was removed.
      if (sample.value === 0) {
        continue;
      }
      const key = pairKey(service, dependency);
      if (!seenPairs.has(key)) {
        seenPairs.add(key);
        edgePairs.push([service, dependency]);
      }
      continue;
    }
    if (!serviceLabels.has(service)) {
      serviceLabels.set(service, sample.labels);
    }
    if (matches(sample, queries.status) || sample.labels[labels.status] !== undefined) {
      const statusText = sample.labels[labels.status];
      if (statusText !== undefined) {
        // One series per possible status; the one at 1 is current.
        if (sample.value === 1) {
          const resolved = resolveHealth(statusText, options.thresholds, options.mapStatus);
          setInstance(service, instance, resolved.health);
          if (resolved.color) {
            colors.set(service, resolved.color);
          }
        } else if (!instanceHealth.get(service)?.has(instance)) {
          setInstance(service, instance, 'unknown');
        }
      } else if (sample.value === undefined) {
        issues.push({ reason: 'invalid-value', message: `Status of ${service} is not a number` });
        setInstance(service, instance, 'unknown');
      } else {
        const resolved = resolveHealth(sample.value, options.thresholds, options.mapStatus);
        setInstance(service, instance, resolved.health);
        if (resolved.color) {
          colors.set(service, resolved.color);
        }
      }
      continue;
    }
    if (matches(sample, queries.up)) {
      // up = 0 means the exporter cannot reach it: down, whatever an older status said.
      const health: Health = sample.value === undefined ? 'unknown' : sample.value >= 1 ? 'healthy' : 'down';
      setInstance(service, instance, health, true);
    }
  }

  const nodes: ServiceNode[] = [];
  const nodeIndex = new Map<string, ServiceNode>();
  const ensureNode = (id: string) => {
    let node = nodeIndex.get(id);
    if (!node) {
      const states = instanceHealth.get(id);
      const monitored = states !== undefined;
      const instances = states ? [...states.values()] : [];
      const healthyCount = instances.filter((state) => state === 'healthy').length;
      const group = options.groupByLabel ? serviceLabels.get(id)?.[options.groupByLabel] : undefined;
      node = {
        id,
        title: id,
        subtitle: monitored ? undefined : 'external',
        health: monitored ? combineInstanceHealth(instances) : 'unknown',
        isExternal: !monitored || options.externalNames.has(id),
        group,
        color: colors.get(id),
        traffic: nodeTraffic.get(id),
        errorRatio: ratio(nodeErrors.get(id), nodeErrorSeries.get(id), nodeTraffic.get(id), options.errorValueKind),
        latencySeconds: nodeLatency.get(id),
        details: monitored ? [{ name: 'instances healthy', value: `${healthyCount}/${instances.length}` }] : [],
      };
      if (node.traffic !== undefined) {
        node.mainStat = `${formatRate(node.traffic)} req/s`;
      }
      if (node.errorRatio !== undefined) {
        node.secondaryStat = `${formatPercent(node.errorRatio)} errors`;
      }
      if (node.latencySeconds !== undefined) {
        node.details.push({ name: 'latency', value: formatSeconds(node.latencySeconds) });
      }
      nodeIndex.set(id, node);
      nodes.push(node);
    }
    return node;
  };
  [...instanceHealth.keys()].sort().forEach(ensureNode);
  const edges: DependencyEdge[] = edgePairs.map(([service, dependency]) => {
    ensureNode(service);
    ensureNode(dependency);
    const key = pairKey(service, dependency);
    const traffic = edgeTraffic.get(key);
    const errorRatio = ratio(edgeErrors.get(key), edgeErrorSeries.get(key), traffic, options.errorValueKind);
    const latencySeconds = edgeLatency.get(key);
    return {
      id: key,
      source: service,
      target: dependency,
      traffic,
      errorRatio,
      latencySeconds,
      mainStat: traffic !== undefined ? `${formatRate(traffic)} req/s` : undefined,
      secondaryStat: errorRatio !== undefined ? `${formatPercent(errorRatio)} errors` : undefined,
      details: [
        ...(traffic !== undefined ? [{ name: 'requests', value: `${formatRate(traffic)}/s` }] : []),
        ...(errorRatio !== undefined ? [{ name: 'error ratio', value: formatPercent(errorRatio) }] : []),
        ...(latencySeconds !== undefined ? [{ name: 'latency', value: formatSeconds(latencySeconds) }] : []),
      ],
    };
  });
  return { nodes, edges, issues };
}

/** Ratios of several series (per instance) average; errors/s add up and divide by the traffic. */
function ratio(
  errors: number | undefined,
  series: number | undefined,
  traffic: number | undefined,
  kind: ErrorValueKind
): number | undefined {
  if (errors === undefined) {
    return undefined;
  }
  if (kind === 'ratio') {
    return Math.min(1, Math.max(0, errors / Math.max(1, series ?? 1)));
  }
  return traffic && traffic > 0 ? Math.min(1, Math.max(0, errors / traffic)) : undefined;
}
