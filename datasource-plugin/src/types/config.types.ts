import { type DataSourceJsonData } from '@grafana/data';

/** Stored in jsonData (visible to the browser): where the query API lives. */
export interface AlphaPulseOptions extends DataSourceJsonData {
  /** Base URL of the exporter, e.g. http://127.0.0.1:9464; Grafana's data proxy forwards to <apiUrl>/api/v1. */
  apiUrl?: string;
}

/** Stored encrypted; Grafana's proxy injects it as a bearer token, the browser never sees it. */
export interface AlphaPulseSecureOptions {
  apiToken?: string;
}

/** Route path from plugin.json: <instance url>/alphapulse/... is proxied to <apiUrl>/api/v1/... */
export const PROXY_ROUTE = 'alphapulse';

/** The API's answers, as the browser receives them. */
export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  database: { reachable: boolean; version: string | null };
  timescaledb: { installed: boolean | null; version: string | null };
  schemaVersion: string | null;
  error?: string;
}

export interface FieldDTOJson {
  name: string;
  type: string;
  values: unknown[];
  labels?: Record<string, string>;
  config?: Record<string, unknown>;
}

export interface FrameDTOJson {
  refId: string;
  name?: string;
  fields: FieldDTOJson[];
  meta?: Record<string, unknown>;
}

export interface QueryResultJson {
  frames: FrameDTOJson[];
  status: number;
  error?: string;
}

export interface QueryResponseJson {
  results: Record<string, QueryResultJson>;
}
