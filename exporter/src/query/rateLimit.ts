// Token bucket per client: `ratePerSecond` sustained, `burst` at once. Pure apart from the injected clock.
import type { Request, RequestHandler } from 'express';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `client`; when none is left, says how long until one is. */
  take(client: string): { allowed: boolean; retryAfterMs: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedMs: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.ratePerSecond);
    bucket.updatedMs = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.ratePerSecond) * 1000) };
  }

  get size(): number {
    return this.buckets.size;
  }

  /** A bucket that would be full again carries no state worth keeping: bounded memory under many clients. */
  private forgetIdle(now: number): void {
    const refillMs = (this.burst / this.ratePerSecond) * 1000;
    for (const [client, bucket] of this.buckets) if (now - bucket.updatedMs >= refillMs) this.buckets.delete(client);
  }
}

/** Grafana's data proxy names the signed-in user (`send_user_header`, see pkg/api/pluginproxy/ds_proxy.go) and the org. */
export const GRAFANA_USER_HEADER = 'x-grafana-user';
export const GRAFANA_ORG_HEADER = 'x-grafana-org-id';

const header = (value: string | string[] | undefined): string | null => {
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text.slice(0, 128) : null;
};

/**
 * Whose bucket a request draws from. Behind one Grafana every user shares one IP, so with a valid token the
 * proxy's user and org headers name the client (else the token itself does); only an authenticated caller may
 * choose its bucket that way. Without a valid token: the IP.
 */
export function clientKey(req: Pick<Request, 'headers' | 'ip' | 'socket'>, authenticated: boolean): string {
  if (authenticated) {
    const user = header(req.headers[GRAFANA_USER_HEADER]);
    const org = header(req.headers[GRAFANA_ORG_HEADER]);
    if (user || org) return `grafana:${org ?? '?'}:${user ?? '?'}`;
    return 'token';
  }
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** `authenticated(req)`: whether the request carries the valid token (checked again, and answered, by auth). */
export function rateLimit(buckets: TokenBuckets, authenticated: (req: Request) => boolean = () => false): RequestHandler {
  return (req, res, next) => {
    const verdict = buckets.take(clientKey(req, authenticated(req)));
    if (verdict.allowed) return next();
    res.setHeader('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
    res.status(429).json({ error: 'Too many requests from this client; slow down.' });
  };
}
