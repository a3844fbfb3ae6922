import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time token check: both sides hashed to the same length first, so neither length nor content leaks. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

export function requireBearerToken(expected: string): RequestHandler {
  if (!expected) throw new Error('The query API needs a non-empty API token');
  return (req, res, next) => {
    const given = bearerToken(req.headers.authorization);
    if (given !== null && tokenMatches(given, expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="alphapulse"');
    res.status(401).json({ error: 'A valid bearer token is required (Authorization: Bearer <ALPHAPULSE_API_TOKEN>).' });
  };
}

/** ALPHAPULSE_API_TOKEN, or a fresh random one that the caller must print (the demo's `npm start`). */
export function resolveApiToken(env: NodeJS.ProcessEnv = process.env): { token: string; generated: boolean } {
  const configured = env.ALPHAPULSE_API_TOKEN?.trim();
  if (configured) return { token: configured, generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}
