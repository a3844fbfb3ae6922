import {
  type CoreApp,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  LoadingState,
  type MetricFindValue,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { type Observable, catchError, lastValueFrom, map, of } from 'rxjs';
import { failureResponse, toQueryResponse } from './frames';
import { interpolateQuery, usesVariables } from './interpolate';
import { migrateQuery } from './migrate';
import { TOKEN_REJECTED_MESSAGE, isTokenRejected } from './proxyErrors';
import { buildQueryRequest } from './request';
import { type AlphaPulseOptions, type HealthResponse, PROXY_ROUTE, type QueryResponseJson } from './types/config.types';
import { type AlphaPulseQuery, DEFAULT_QUERY, type SearchKind, isRunnable } from './types/query.types';
import { AlphaPulseVariableSupport } from './variables';

export class DataSource extends DataSourceApi<AlphaPulseQuery, AlphaPulseOptions> {
  readonly apiBase: string;

  constructor(
    instanceSettings: DataSourceInstanceSettings<AlphaPulseOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv()
  ) {
    super(instanceSettings);
    // Grafana's data proxy route (plugin.json) adds the bearer token; the browser only knows this path.
    this.apiBase = `${instanceSettings.url ?? ''}/${PROXY_ROUTE}`;
    this.variables = new AlphaPulseVariableSupport(this);
    // Annotation queries use the same editor and query types (trade and pattern markers).
    this.annotations = {
      getDefaultQuery: () => ({ queryType: 'tradeMarkers', strategies: [], symbols: [] }),
      prepareQuery: (annotation) => (annotation.target ? migrateQuery(annotation.target as AlphaPulseQuery) : undefined),
    };
  }

  getDefaultQuery(_app: CoreApp): Partial<AlphaPulseQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: AlphaPulseQuery): boolean {
    return isRunnable(migrateQuery(query));
  }

  query(request: DataQueryRequest<AlphaPulseQuery>): Observable<DataQueryResponse> {
    const body = buildQueryRequest(request, this.templateSrv.replace.bind(this.templateSrv));
    if (!body) {
      return of({ data: [], state: LoadingState.Done });
    }
    const refIds = body.queries.map((query) => query.refId);
    // requestId: Grafana cancels the previous in-flight request of this panel when the dashboard refreshes;
    // unsubscribing (panel removed, new range) aborts the HTTP request as well.
    return getBackendSrv()
      .fetch<QueryResponseJson>({
        url: `${this.apiBase}/query`,
        method: 'POST',
        data: body,
        requestId: request.requestId,
        showErrorAlert: false,
        showSuccessAlert: false,
      })
      .pipe(
        map((response) => toQueryResponse(response.data, refIds)),
        // Errors are shown on the panel, never thrown.
        catchError((error) => of(failureResponse(error, refIds)))
      );
  }

  applyTemplateVariables(query: AlphaPulseQuery, scopedVars: ScopedVars): AlphaPulseQuery {
    return interpolateQuery(migrateQuery(query), this.templateSrv.replace.bind(this.templateSrv), scopedVars);
  }

  interpolateVariablesInQueries(queries: AlphaPulseQuery[], scopedVars: ScopedVars): AlphaPulseQuery[] {
    return queries.map((query) => this.applyTemplateVariables(query, scopedVars));
  }

  targetContainsTemplate(query: AlphaPulseQuery): boolean {
    return usesVariables(migrateQuery(query));
  }

  /** Values of the search route (symbols, strategies, …), used by the editor pickers and template variables. */
  async search(kind: SearchKind, filter?: string): Promise<string[]> {
    const response = await lastValueFrom(
      getBackendSrv().fetch<{ values: string[] }>({
        url: `${this.apiBase}/search/${kind}`,
        params: filter ? { filter } : undefined,
        showErrorAlert: false,
      })
    );
    return response.data.values;
  }

  async metricFindQuery(query: { kind?: SearchKind; filter?: string } | string): Promise<MetricFindValue[]> {
    const { kind, filter } = typeof query === 'string' ? { kind: query as SearchKind, filter: undefined } : query;
    const values = await this.search(kind ?? 'symbols', filter ? this.templateSrv.replace(filter) : undefined);
    return values.map((text) => ({ text, value: text }));
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    try {
      const response = await lastValueFrom(
        getBackendSrv().fetch<HealthResponse>({ url: `${this.apiBase}/health`, showErrorAlert: false })
      );
      const health = response.data;
      const timescale = health.timescaledb.installed
        ? `TimescaleDB ${health.timescaledb.version}`
        : 'plain PostgreSQL (no TimescaleDB: long ranges read base tables)';
      const schema = health.schemaVersion ? `schema ${health.schemaVersion}` : 'schema not migrated';
      // Health is unauthenticated: prove the token with an authenticated call as well.
      await this.search('sources');
      return {
        status: health.schemaVersion ? 'success' : 'error',
        message: `Connected. Database PostgreSQL ${health.database.version} reachable, ${timescale}, ${schema}.`,
      };
    } catch (error) {
      return { status: 'error', message: describeHealthFailure(error) };
    }
  }
}

export function describeHealthFailure(error: unknown): string {
  const failure = (error ?? {}) as { status?: number; data?: Partial<HealthResponse> & { error?: string; message?: string } };
  if (isTokenRejected(error)) {
    return `${TOKEN_REJECTED_MESSAGE} (ALPHAPULSE_API_TOKEN of the exporter).`;
  }
  if (failure.status === 503 && failure.data?.database) {
    return `The AlphaPulse API is up but its database is not: ${failure.data.error ?? 'unreachable'}.`;
  }
  if (failure.status === 502 || failure.status === undefined) {
    return 'Cannot reach the AlphaPulse API: check the API URL (e.g. http://127.0.0.1:9464).';
  }
  return `AlphaPulse API answered ${failure.status}: ${failure.data?.error ?? failure.data?.message ?? 'unexpected answer'}`;
}
