import type { DataFrame } from '@grafana/data';
import type { NumericHealthThresholds, StatusMapper } from './health';
import { looksLikeNodeGraph, parseNodeGraphFrames } from './parseNodeGraphFrames';
import { looksLikePrometheus, parsePrometheusFrames } from './parsePrometheusFrames';
import type { ParsedGraphInput } from './types';
import type { ServiceGraphOptions } from '../types';

export const NO_INPUT_MESSAGE =
  'No service graph found in the query results. Return Node Graph frames (a "nodes" frame with an id field ' +
  'and an "edges" frame with source and target), or Prometheus series of alphapulse_service_dependency_info' +
  '{service, dependency} together with alphapulse_service_status or alphapulse_up.';

export function parseFrames(
  frames: DataFrame[] | undefined,
  options: Pick<
    ServiceGraphOptions,
    | 'inputMode'
    | 'labels'
    | 'queries'
    | 'errorValueKind'
    | 'externalNames'
    | 'groupByLabel'
    | 'numericHealthyFrom'
    | 'numericDegradedFrom'
  >,
  mapStatus?: StatusMapper
): ParsedGraphInput {
  const safeFrames = (frames ?? []).filter((frame) => frame && Array.isArray(frame.fields));
  const thresholds: NumericHealthThresholds = {
    healthyFrom: options.numericHealthyFrom,
    degradedFrom: options.numericDegradedFrom,
  };
  const externalNames = new Set(
    options.externalNames
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
  );
  const common = { thresholds, externalNames, groupByLabel: options.groupByLabel, mapStatus };
  const useNodeGraph =
    options.inputMode === 'node-graph' || (options.inputMode === 'auto' && looksLikeNodeGraph(safeFrames));
  if (useNodeGraph) {
    return { kind: 'node-graph', ...parseNodeGraphFrames(safeFrames, common) };
  }
  const prometheusOptions = {
    ...common,
    labels: options.labels,
    queries: options.queries,
    errorValueKind: options.errorValueKind,
  };
  if (options.inputMode === 'prometheus' || looksLikePrometheus(safeFrames, prometheusOptions)) {
    return { kind: 'prometheus', ...parsePrometheusFrames(safeFrames, prometheusOptions) };
  }
  return { kind: 'none', nodes: [], edges: [], issues: [], message: NO_INPUT_MESSAGE };
}
