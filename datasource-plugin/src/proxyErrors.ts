// How a rejected API token reaches the browser through Grafana's data proxy.
//
// Grafana's data proxy never passes an upstream 401 on: `modifyResponse` in grafana/grafana
// pkg/api/pluginproxy/ds_proxy.go replaces it with `400 Bad Request` and the plain-text body
// "Authentication to data source failed" (no JSON, no Content-Type), so the browser's session is not logged
// out. backendSrv (public/app/core/services/backend_srv.ts) cannot JSON.parse that body, keeps it as a string,
// and `processRequestError` turns a string body into `{ error: statusText, response: body, message: body }`.

/** The body Grafana's data proxy writes instead of an upstream 401 (ds_proxy.go, modifyResponse). */
export const GRAFANA_PROXY_AUTH_FAILED = 'Authentication to data source failed';

export const TOKEN_REJECTED_MESSAGE = 'Grafana could not authenticate to the AlphaPulse API: check the API token';

interface FailureShape {
  status?: number;
  data?: unknown;
}

/** True for the proxy's rewritten 401 (either shape backendSrv hands us) and for a direct 401. */
export function isTokenRejected(failure: unknown): boolean {
  const { status, data } = (failure ?? {}) as FailureShape;
  if (status === 401) {
    return true; // only without the proxy (direct access, tests): the proxy never lets a 401 through
  }
  if (status !== 400) {
    return false;
  }
  if (typeof data === 'string') {
    return data.trim() === GRAFANA_PROXY_AUTH_FAILED;
  }
  if (data && typeof data === 'object') {
    const { response, message } = data as { response?: unknown; message?: unknown };
    return response === GRAFANA_PROXY_AUTH_FAILED || message === GRAFANA_PROXY_AUTH_FAILED;
  }
  return false;
}
