// Token bucket per client: `ratePerSecond` sustained, `burst` at once. Pure apart from the injected clock.
import type { RequestHandler } from 'express';

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

export function rateLimit(buckets: TokenBuckets): RequestHandler {
  return (req, res, next) => {
    const verdict = buckets.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (verdict.allowed) return next();
    res.setHeader('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
    res.status(429).json({ error: 'Too many requests from this client; slow down.' });
  };
}
