// Graph data shared by parsing, analysis, layout and drawing. Kept free of React and Grafana runtime types.

export const HEALTH_STATES = ['healthy', 'degraded', 'down', 'unknown'] as const;
export type Health = (typeof HEALTH_STATES)[number];

export interface DetailField {
  name: string;
  value: string;
}

export interface ServiceNode {
  id: string;
  title: string;
  subtitle?: string;
  health: Health;
  /** Not a monitored service (no health series), e.g. timescaledb or exchange_api. */
  isExternal: boolean;
  group?: string;
  mainStat?: string;
  secondaryStat?: string;
  /** Colour requested by the data (Node Graph `color` field or a value mapping); overrides the health colour. */
  color?: string;
  traffic?: number;
  errorRatio?: number;
  /** A latency quantile in seconds (the latency query), e.g. p95 of its calls. */
  latencySeconds?: number;
  details: DetailField[];
}

/** Edge from a service to something it depends on (source depends on target). */
export interface DependencyEdge {
  id: string;
  source: string;
  target: string;
  mainStat?: string;
  secondaryStat?: string;
  /** Requests per second (or any traffic measure); drives the stroke width. */
  traffic?: number;
  /** Errors / requests, 0–1; drives the stroke colour. */
  errorRatio?: number;
  /** A latency quantile of the calls in seconds (the latency query, e.g. p95); shown in labels and tooltips. */
  latencySeconds?: number;
  /** Explicit width from a Node Graph `thickness` field. */
  thickness?: number;
  color?: string;
  details: DetailField[];
}

export interface ParseIssue {
  /** Short machine-readable reason, used to group issues in the panel notice. */
  reason:
    | 'missing-field'
    | 'duplicate-node'
    | 'duplicate-edge'
    | 'unknown-node'
    | 'invalid-value'
    | 'empty-frame'
    | 'unrecognised-input';
  message: string;
}

export type InputKind = 'node-graph' | 'prometheus' | 'none';

export interface ParsedGraphInput {
  kind: InputKind;
  nodes: ServiceNode[];
  edges: DependencyEdge[];
  issues: ParseIssue[];
  /** Explains why no input was recognised, shown instead of the graph. */
  message?: string;
}
