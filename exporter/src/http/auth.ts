// Optional protection of /metrics: HTTP basic auth or a bearer token, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ExporterConfig } from '../config/config';

type AuthConfig = ExporterConfig['server']['auth'];

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison leaks neither content nor length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an Authorization header satisfies the config. Pure, for tests. */
export function isAuthorized(auth: AuthConfig, header: string | undefined): boolean {
  if (auth.type === 'none') return true;
  if (!header) return false;
  const [scheme, credentials = ''] = header.split(' ', 2);
  if (auth.type === 'bearer') return scheme.toLowerCase() === 'bearer' && sameSecret(credentials, auth.token);
  if (scheme.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Evaluate both comparisons so timing does not reveal which half was wrong.
  const userOk = sameSecret(decoded.slice(0, colon), auth.username);
  const passwordOk = sameSecret(decoded.slice(colon + 1), auth.password);
  return userOk && passwordOk;
}

/** Reads the auth config on each request, so a reload takes effect without restarting. */
export function requireAuth(getAuth: () => AuthConfig): RequestHandler {
  return (req, res, next) => {
    const auth = getAuth();
    if (isAuthorized(auth, req.get('authorization'))) return next();
    res.set('WWW-Authenticate', auth.type === 'basic' ? 'Basic realm="alphapulse-exporter"' : 'Bearer');
    res.status(401).type('text/plain').send('Unauthorized\n');
  };
}
