// The demo sign-in routes on the emulator's control API: the JWK Set Grafana verifies with, a token per
// demo user, and a one-click sign-in link (Grafana's url_login reads ?auth_token=, authn/clients/jwt.go).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendJsonText } from '../services/httpJson';
import { DEMO_ROLES, DEMO_USERS, isDemoRole } from './demoUsers';
import type { JwtIssuer } from './jwtIssuer';

export interface AuthRoutesOptions {
  issuer: JwtIssuer;
  /** Grafana's root URL, for GET /auth/login; without it that route says how to set it. */
  grafanaUrl?: string;
}

/** Grafana's HTTP key set caches for min(cache_ttl, max-age) (key_sets.go): keys change per start. */
const JWKS_MAX_AGE_SECONDS = 60;

function userOf(req: IncomingMessage, res: ServerResponse): (typeof DEMO_ROLES)[number] | undefined {
  const user = new URL(req.url ?? '/', 'http://localhost').searchParams.get('user');
  if (isDemoRole(user)) return user;
  sendJson(res, 400, {
    error: user === null ? `give ?user=<${DEMO_ROLES.join('|')}>` : `unknown demo user ${JSON.stringify(user)}: one of ${DEMO_ROLES.join(', ')}`,
    field: 'user',
  });
  return undefined;
}

/** Answers /auth/* requests; returns false for other paths. */
export function handleAuthRoute(req: IncomingMessage, res: ServerResponse, path: string, options: AuthRoutesOptions): boolean {
  if (path !== '/auth' && !path.startsWith('/auth/')) return false;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendJson(res, 405, { error: `${method} is not allowed on ${path}` });
    return true;
  }
  const { issuer } = options;
  switch (path) {
    case '/auth':
      sendJson(res, 200, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        jwks: '/auth/jwks.json',
        users: DEMO_ROLES.map((role) => ({ user: role, login: DEMO_USERS[role].login, token: `/auth/token?user=${role}`, login_url: `/auth/login?user=${role}` })),
      });
      return true;
    case '/auth/jwks.json':
      res.setHeader('Cache-Control', `max-age=${JWKS_MAX_AGE_SECONDS}`);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(issuer.jwks()));
      return true;
    case '/auth/token': {
      const role = userOf(req, res);
      if (!role) return true;
      const { token, claims } = issuer.tokenFor(role);
      const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
      if (format === 'json') {
        sendJson(res, 200, { token, token_type: 'Bearer', expires_in: claims.exp - claims.iat, claims });
      } else {
        res.writeHead(200, { 'Content-Type': 'application/jwt', 'Cache-Control': 'no-store' });
        res.end(token);
      }
      return true;
    }
    case '/auth/login': {
      const role = userOf(req, res);
      if (!role) return true;
      if (!options.grafanaUrl) {
        sendJson(res, 404, { error: 'no Grafana URL configured for the emulator (option jwt.grafanaUrl); use /auth/token and ?auth_token=' });
        return true;
      }
      const target = new URL(options.grafanaUrl);
      target.searchParams.set('auth_token', issuer.tokenFor(role).token);
      res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' });
      res.end();
      return true;
    }
    default:
      sendJsonText(res, 404, JSON.stringify({ error: `no route ${method} ${path}; see GET /auth` }));
      return true;
  }
}
