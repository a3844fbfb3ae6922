// Query builders for the three provisioned datasources. Each sets its datasource explicitly, so a panel never
// silently falls back to Grafana's default datasource.
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { DataqueryBuilder as PrometheusQueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { DATASOURCES } from '../grafana/ids';

export interface PromQueryOptions {
  legend?: string;
  instant?: boolean;
  refId?: string;
  format?: 'time_series' | 'table' | 'heatmap';
}

export function promQuery(expr: string, options: PromQueryOptions = {}): cog.Builder<cog.Dataquery> {
  const query = new PrometheusQueryBuilder().expr(expr).datasource(DATASOURCES.prometheus);
  if (options.legend) query.legendFormat(options.legend);
  if (options.instant) query.instant();
  if (options.refId) query.refId(options.refId);
  if (options.format) query.format(options.format as never);
  return query;
}

/** A query of our datasource; the field names mirror datasource-plugin/src/types/query.types.ts (checked by a test). */
export interface TradingQuery {
  refId?: string;
  queryType: string;
  symbols?: string[];
  strategies?: string[];
  sources?: string[];
  patternTypes?: string[];
  timeframe?: string;
  minConfidence?: number;
  pnlMode?: 'cumulative' | 'perBucket';
}

/** The SDK has no builder for a plugin's query model; this one returns the model as it is. */
class RawQueryBuilder implements cog.Builder<cog.Dataquery> {
  constructor(private readonly query: Record<string, unknown>) {}
  build(): cog.Dataquery {
    return { ...this.query } as unknown as cog.Dataquery;
  }
}

export function tradingQuery(query: TradingQuery): cog.Builder<cog.Dataquery> {
  return new RawQueryBuilder({ datasource: DATASOURCES.alphapulse, schemaVersion: 1, ...query });
}

/** Grafana's built-in PostgreSQL datasource in code mode (the reader role only sees schema alphapulse). */
export function sqlQuery(rawSql: string, format: 'table' | 'time_series' = 'table', refId?: string): cog.Builder<cog.Dataquery> {
  return new RawQueryBuilder({ datasource: DATASOURCES.timescaledb, editorMode: 'code', rawQuery: true, rawSql, format, ...(refId && { refId }) });
}
