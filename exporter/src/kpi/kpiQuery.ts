// A business-KPI query: its SQL and the pure mapping of its rows to samples. One module per query in queries/.
import type { MetricSet } from '../metrics/model';

export interface KpiSettings {
  window_seconds: number;
  win_rate_lookback_seconds: number;
  drawdown_lookback_seconds: number;
  sentiment_lookback_seconds: number;
}

export type Row = Record<string, unknown>;

export interface KpiQuery {
  /** The `query` label of alphapulse_kpi_query_*. */
  name: string;
  sql: string;
  params(settings: KpiSettings): unknown[];
  /** `nowSeconds` is the scrape time: ages are computed when served, not when the cached rows were read. */
  toSamples(rows: readonly Row[], set: MetricSet, nowSeconds: number): void;
}

/** pg returns bigint and numeric as strings; every KPI column is a plain number. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Table names of the data model, defined once in the contract; the KPI SQL is written against them. */
export { TABLES as KPI_TABLES } from '@alphapulse/contracts';
