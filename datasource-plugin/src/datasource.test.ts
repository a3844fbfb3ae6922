import { type DataQueryRequest, type DataSourceInstanceSettings, dateTime, LoadingState } from '@grafana/data';
import { type BackendSrvRequest, type TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, of, throwError } from 'rxjs';
import { DataSource } from './datasource';
import { type AlphaPulseOptions } from './types/config.types';
import { type AlphaPulseQuery } from './types/query.types';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getTemplateSrv: () => templateSrv,
}));

const templateSrv = {
  replace: (text: string, _scoped?: unknown, format?: Function) =>
    text.replace('$symbol', () => (format ? format(['AAA', 'BBB']) : 'AAA,BBB')),
  getVariables: () => [],
} as unknown as TemplateSrv;

const settings = { id: 1, uid: 'ap', type: 'alphapulse-trading-datasource', name: 'AP', url: '/api/datasources/proxy/uid/ap', jsonData: {} } as unknown as DataSourceInstanceSettings<AlphaPulseOptions>;

function request(targets: Array<Partial<AlphaPulseQuery>>): DataQueryRequest<AlphaPulseQuery> {
  return {
    requestId: 'Q42',
    targets: targets as AlphaPulseQuery[],
    range: { from: dateTime(Date.UTC(2026, 0, 5)), to: dateTime(Date.UTC(2026, 0, 6)), raw: { from: 'now-1d', to: 'now' } },
    intervalMs: 60_000,
    maxDataPoints: 800,
    scopedVars: {},
  } as unknown as DataQueryRequest<AlphaPulseQuery>;
}

beforeEach(() => fetch.mockReset());

test('sends runnable, interpolated queries through the proxy route with the request id for cancellation', async () => {
  fetch.mockReturnValue(of({ data: { results: { A: { status: 200, frames: [{ refId: 'A', fields: [{ name: 'time', type: 'time', values: [1] }] }] } } } }));
  const ds = new DataSource(settings);
  const response = await lastValueFrom(
    ds.query(
      request([
        { refId: 'A', queryType: 'candles', symbols: ['$symbol'], schemaVersion: 1 },
        { refId: 'B', queryType: 'candles', symbols: [], schemaVersion: 1 },
        { refId: 'C', queryType: 'equity', hide: true, schemaVersion: 1 },
      ])
    )
  );
  const sent: BackendSrvRequest = fetch.mock.calls[0][0];
  expect(sent).toMatchObject({ url: '/api/datasources/proxy/uid/ap/alphapulse/query', method: 'POST', requestId: 'Q42' });
  expect(sent.data).toEqual({
    range: { from: '2026-01-05T00:00:00.000Z', to: '2026-01-06T00:00:00.000Z' },
    intervalMs: 60_000,
    maxDataPoints: 800,
    queries: [{ refId: 'A', queryType: 'candles', symbols: ['AAA', 'BBB'], schemaVersion: 1 }],
  });
  expect(response.data).toHaveLength(1);
  expect(response.state).toBe(LoadingState.Done);
});

test('nothing runnable: no request at all', async () => {
  const ds = new DataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ refId: 'A', queryType: 'sentiment', symbols: [] }])));
  expect(fetch).not.toHaveBeenCalled();
  expect(response.data).toEqual([]);
});

test('a failed request becomes a panel error, not an exception', async () => {
  fetch.mockReturnValue(throwError(() => ({ status: 401, data: { error: 'A valid bearer token is required' } })));
  const ds = new DataSource(settings);
  const response = await lastValueFrom(ds.query(request([{ refId: 'A', queryType: 'equity', schemaVersion: 1 }])));
  expect(response.errors).toEqual([{ refId: 'A', message: 'Grafana could not authenticate to the AlphaPulse API: check the API token.', status: 401 }]);
});

test('filterQuery drops hidden and incomplete queries; the default query is candles', () => {
  const ds = new DataSource(settings);
  expect(ds.filterQuery({ refId: 'A', queryType: 'equity' })).toBe(true);
  expect(ds.filterQuery({ refId: 'A', queryType: 'equity', hide: true })).toBe(false);
  expect(ds.filterQuery({ refId: 'A', queryType: 'candles', symbols: [] })).toBe(false);
  expect(ds.getDefaultQuery('panel-editor' as never)).toMatchObject({ queryType: 'candles', timeframe: '1m' });
});

test('health check reports database and TimescaleDB state', async () => {
  fetch.mockImplementation(({ url }: BackendSrvRequest) =>
    url.endsWith('/health')
      ? of({ data: { status: 'ok', database: { reachable: true, version: '18.4' }, timescaledb: { installed: false, version: null }, schemaVersion: '1764000000002_long-range-aggregates' } })
      : of({ data: { values: ['news'] } })
  );
  const ds = new DataSource(settings);
  await expect(ds.testDatasource()).resolves.toEqual({
    status: 'success',
    message: 'Connected. Database PostgreSQL 18.4 reachable, plain PostgreSQL (no TimescaleDB: long ranges read base tables), schema 1764000000002_long-range-aggregates.',
  });
  fetch.mockImplementation(() => throwError(() => ({ status: 401, data: {} })));
  await expect(ds.testDatasource()).resolves.toMatchObject({ status: 'error', message: expect.stringMatching(/could not authenticate to the AlphaPulse API/) });
});

test('template variables from the search route, with a filter', async () => {
  fetch.mockReturnValue(of({ data: { values: ['AAA', 'AAB'] } }));
  const ds = new DataSource(settings);
  await expect(ds.metricFindQuery({ kind: 'symbols', filter: 'AA' })).resolves.toEqual([
    { text: 'AAA', value: 'AAA' },
    { text: 'AAB', value: 'AAB' },
  ]);
  expect(fetch.mock.calls[0][0]).toMatchObject({ url: '/api/datasources/proxy/uid/ap/alphapulse/search/symbols', params: { filter: 'AA' } });
  const variables = await lastValueFrom((ds.variables as any).query({ targets: [{ refId: 'v', kind: 'strategies' }] }));
  expect((variables as any).data[0].fields[0].values).toEqual(['AAA', 'AAB']);
});

test('annotations use the same query types (trade markers by default)', () => {
  const ds = new DataSource(settings);
  expect(ds.annotations?.getDefaultQuery?.()).toMatchObject({ queryType: 'tradeMarkers' });
});
