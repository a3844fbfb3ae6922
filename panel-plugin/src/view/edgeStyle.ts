import type { DependencyEdge } from '../graph/types';
import { formatPercent } from '../graph/statFormat';

export type ErrorLevel = 'ok' | 'warn' | 'critical' | 'none';

export interface EdgeStyleOptions {
  edgeMinWidth: number;
  edgeMaxWidth: number;
  edgeErrorWarn: number;
  edgeErrorCritical: number;
}

/** Stroke widths scale with log(traffic) between min and max, so one busy edge does not flatten the rest. */
export function edgeWidths(edges: DependencyEdge[], options: EdgeStyleOptions): Float32Array {
  const widths = new Float32Array(edges.length);
  let maxLog = 0;
  for (const edge of edges) {
    if (edge.traffic !== undefined && edge.traffic > 0) {
      maxLog = Math.max(maxLog, Math.log1p(edge.traffic));
    }
  }
  edges.forEach((edge, e) => {
    if (edge.thickness !== undefined) {
      widths[e] = Math.min(options.edgeMaxWidth, Math.max(options.edgeMinWidth, edge.thickness));
    } else if (edge.traffic !== undefined && edge.traffic > 0 && maxLog > 0) {
      widths[e] =
        options.edgeMinWidth + ((options.edgeMaxWidth - options.edgeMinWidth) * Math.log1p(edge.traffic)) / maxLog;
    } else {
      widths[e] = options.edgeMinWidth;
    }
  });
  return widths;
}

export function errorLevel(errorRatio: number | undefined, options: EdgeStyleOptions): ErrorLevel {
  if (errorRatio === undefined || !Number.isFinite(errorRatio)) {
    return 'none';
  }
  if (errorRatio >= options.edgeErrorCritical) {
    return 'critical';
  }
  return errorRatio >= options.edgeErrorWarn ? 'warn' : 'ok';
}

export interface EdgeLabel {
  /** e.g. "41.0 req/s" (the edge's main stat). */
  traffic?: string;
  /** e.g. "40% err", drawn in the edge's error colour. */
  errors?: string;
}

/** What an edge says about itself on the graph: traffic and error ratio; undefined when it knows neither. */
export function edgeLabel(edge: DependencyEdge): EdgeLabel | undefined {
  const traffic = edge.mainStat;
  const errors =
    edge.errorRatio !== undefined && Number.isFinite(edge.errorRatio)
      ? `${formatPercent(edge.errorRatio)} err`
      : undefined;
  return traffic || errors ? { traffic, errors } : undefined;
}
