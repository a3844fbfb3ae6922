import { EXTERNAL_DEPENDENCIES } from '@alphapulse/contracts/constants';
import type { LayoutDirection } from './graph/layout/layeredLayout';

export type InputMode = 'auto' | 'node-graph' | 'prometheus';
export type RendererMode = 'auto' | 'svg' | 'canvas';
export type ErrorValueKind = 'ratio' | 'rate';

/** Label names used to read Prometheus results; configurable because relabelling differs between setups. */
export interface LabelNames {
  service: string;
  dependency: string;
  status: string;
  instance: string;
}

/** Each query selector matches a result by metric name (__name__) or by query refId. */
export interface QuerySelectors {
  dependency: string;
  status: string;
  up: string;
  traffic: string;
  errors: string;
  latency: string;
}

export interface ServiceGraphOptions {
  inputMode: InputMode;
  labels: LabelNames;
  queries: QuerySelectors;
  errorValueKind: ErrorValueKind;
  /** Comma-separated names always drawn as external dependencies. */
  externalNames: string;
  groupByLabel: string;

  direction: LayoutDirection;
  nodeSpacing: number;
  layerSpacing: number;
  stablePositions: boolean;
  renderer: RendererMode;
  canvasThreshold: number;

  healthyColor: string;
  degradedColor: string;
  downColor: string;
  unknownColor: string;
  externalColor: string;
  numericHealthyFrom: number;
  numericDegradedFrom: number;

  edgeMinWidth: number;
  edgeMaxWidth: number;
  edgeErrorWarn: number;
  edgeErrorCritical: number;
  showEdgeLabels: boolean;

  showSearch: boolean;
  hideHealthy: boolean;
  focusDependencyHops: number;
  focusDependentHops: number;

  linkTitle: string;
  linkUrl: string;
}

export const DEFAULT_EXTERNAL_NAMES = EXTERNAL_DEPENDENCIES.join(',');

export const defaultOptions: ServiceGraphOptions = {
  inputMode: 'auto',
  labels: { service: 'service', dependency: 'dependency', status: 'status', instance: 'instance' },
  queries: {
    dependency: 'alphapulse_service_dependency_info',
    status: 'alphapulse_service_status',
    up: 'alphapulse_up',
    // Aggregated queries (`sum by (service, dependency) (rate(...))`) drop the metric name: matched by ref ID.
    traffic: 'traffic',
    errors: 'errors',
    latency: 'latency',
  },
  errorValueKind: 'ratio',
  externalNames: DEFAULT_EXTERNAL_NAMES,
  groupByLabel: '',
  direction: 'LR',
  nodeSpacing: 24,
  layerSpacing: 90,
  stablePositions: true,
  renderer: 'auto',
  canvasThreshold: 400,
  healthyColor: 'green',
  degradedColor: 'orange',
  downColor: 'red',
  unknownColor: 'gray',
  externalColor: 'purple',
  numericHealthyFrom: 1,
  numericDegradedFrom: 0.5,
  edgeMinWidth: 1,
  edgeMaxWidth: 5,
  edgeErrorWarn: 0.01,
  edgeErrorCritical: 0.05,
  showEdgeLabels: false,
  showSearch: true,
  hideHealthy: false,
  focusDependencyHops: 2,
  focusDependentHops: 2,
  linkTitle: 'Service detail',
  linkUrl: '/d/alphapulse-service-detail/service-detail?var-service=${__service}&${__url_time_range}',
};
