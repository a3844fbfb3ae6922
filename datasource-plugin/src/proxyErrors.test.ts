// No Grafana runs here, so these tests MODEL what reaches the plugin when the AlphaPulse API answers 401
// behind Grafana's data proxy. The model is read from Grafana's source, not observed:
// - grafana/grafana pkg/api/pluginproxy/ds_proxy.go, HandleRequest → modifyResponse: an upstream 401 becomes
//   `StatusCode: 400, Status: "Bad Request"`, body "Authentication to data source failed", empty headers.
// - grafana/grafana public/app/core/services/backend_srv.ts: the body is `JSON.parse`d, else kept as text;
//   `processRequestError` turns a string body into `{ error: statusText, response: body, message: body }`.
import { dateTime } from '@grafana/data';
import { lastValueFrom, of, throwError } from 'rxjs';
import { type BackendSrvRequest } from '@grafana/runtime';
import { DataSource } from './datasource';
import { failureResponse } from './frames';
import { GRAFANA_PROXY_AUTH_FAILED, TOKEN_REJECTED_MESSAGE, isTokenRejected } from './proxyErrors';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getTemplateSrv: () => ({ replace: (value: string) => value, getVariables: () => [] }),
}));

interface Upstream {
  status: number;
  statusText: string;
  body: string;
}

/** Model of ds_proxy.go's modifyResponse: only a 401 is rewritten, every other answer passes unchanged. */
function grafanaDataProxy(upstream: Upstream): Upstream {
  if (upstream.status === 401) {
    return { status: 400, statusText: 'Bad Request', body: 'Authentication to data source failed' };
  }
  return upstream;
}

/** Model of backend_srv.ts: parse the body as JSON when it is JSON, then processRequestError's string case. */
function backendSrvFailure(answer: Upstream, processed: boolean): { status: number; statusText: string; data: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(answer.body);
  } catch {
    data = answer.body;
  }
  if (processed && typeof data === 'string') {
    data = { error: answer.statusText, response: data, message: data };
  }
  return { status: answer.status, statusText: answer.statusText, data };
}

const apiRefusesToken: Upstream = { status: 401, statusText: 'Unauthorized', body: JSON.stringify({ error: 'A valid bearer token is required' }) };

const settings = { id: 1, uid: 'ap', type: 'alphapulse-trading-datasource', name: 'AlphaPulse', url: '/api/datasources/proxy/uid/ap', jsonData: {}, meta: {} } as never;

beforeEach(() => fetch.mockReset());

test.each([
  ['as fetched (string body)', false],
  ['after processRequestError', true],
])("the proxy's 400 for an upstream 401 is recognised %s", (_shape, processed) => {
  const failure = backendSrvFailure(grafanaDataProxy(apiRefusesToken), processed);
  expect(failure.status).toBe(400);
  expect(isTokenRejected(failure)).toBe(true);
});

test('an ordinary 400 of the API (validation) is not read as a token problem', () => {
  const validation: Upstream = { status: 400, statusText: 'Bad Request', body: JSON.stringify({ error: 'Invalid query', details: [{ field: 'symbols', reason: 'required' }] }) };
  const failure = backendSrvFailure(grafanaDataProxy(validation), true);
  expect(isTokenRejected(failure)).toBe(false);
  expect(failureResponse(failure, ['A']).errors?.[0]?.message).toBe('Invalid query (symbols: required)');
});

test('the body constant is the one ds_proxy.go writes', () => {
  expect(GRAFANA_PROXY_AUTH_FAILED).toBe('Authentication to data source failed');
});

test('queries: the panel says the token was refused, not "answered 400"', async () => {
  fetch.mockReturnValue(throwError(() => backendSrvFailure(grafanaDataProxy(apiRefusesToken), true)));
  const ds = new DataSource(settings);
  const response = await lastValueFrom(
    ds.query({ targets: [{ refId: 'A', queryType: 'equity', schemaVersion: 1 }], range: { from: dateTime(0), to: dateTime(60_000), raw: { from: 'now-1m', to: 'now' } }, intervalMs: 1000, maxDataPoints: 100, scopedVars: {} } as never)
  );
  expect(response.errors).toEqual([{ refId: 'A', message: `${TOKEN_REJECTED_MESSAGE}.`, status: 400 }]);
});

test('health check: the authenticated probe behind the proxy reports the token', async () => {
  fetch.mockImplementation(({ url }: BackendSrvRequest) =>
    url.endsWith('/health')
      ? of({ data: { status: 'ok', database: { reachable: true, version: '18.4' }, timescaledb: { installed: false, version: null }, schemaVersion: 'x' } })
      : throwError(() => backendSrvFailure(grafanaDataProxy(apiRefusesToken), true))
  );
  const ds = new DataSource(settings);
  const result = await ds.testDatasource();
  expect(result.status).toBe('error');
  expect(result.message).toContain(TOKEN_REJECTED_MESSAGE);
  expect(result.message).not.toMatch(/answered 400/);
});
