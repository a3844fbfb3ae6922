import { bearerToken, resolveApiToken, tokenMatches } from './auth';
import { TokenBuckets } from './rateLimit';

test('token bucket: burst, then the sustained rate, per client', () => {
  let now = 0;
  const buckets = new TokenBuckets(2, 3, () => now);
  expect([1, 2, 3, 4].map(() => buckets.take('a').allowed)).toEqual([true, true, true, false]);
  expect(buckets.take('a').retryAfterMs).toBe(500);
  expect(buckets.take('b').allowed).toBe(true);
  now = 500;
  expect(buckets.take('a').allowed).toBe(true);
  expect(buckets.take('a').allowed).toBe(false);
});

test('bearer tokens compare in constant time, any length', () => {
  expect(tokenMatches('secret', 'secret')).toBe(true);
  expect(tokenMatches('secret', 'secreT')).toBe(false);
  expect(tokenMatches('', 'secret')).toBe(false);
  expect(tokenMatches('a'.repeat(10_000), 'secret')).toBe(false);
  expect(bearerToken('Bearer abc')).toBe('abc');
  expect(bearerToken('bearer  abc ')).toBe('abc');
  expect(bearerToken('Basic abc')).toBeNull();
  expect(bearerToken(undefined)).toBeNull();
});

test('API token from the environment, or a generated one', () => {
  expect(resolveApiToken({ ALPHAPULSE_API_TOKEN: ' t0k ' })).toEqual({ token: 't0k', generated: false });
  const generated = resolveApiToken({});
  expect(generated.generated).toBe(true);
  expect(generated.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
});
