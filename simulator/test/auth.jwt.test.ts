// Demo JWT sign-in over real HTTP: the served JWK Set verifies the served tokens the way Grafana's
// [auth.jwt] does (test/support/grafanaJwt.ts cites the grafana/grafana files each step is read from:
// pkg/services/auth/jwt/auth.go, key_sets.go, validation.go and pkg/services/authn/clients/jwt.go), and
// every tampered, re-keyed, expired or foreign token is refused.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ROLES, DEMO_USERS } from '../src/auth/demoUsers';
import { DEFAULT_JWT_TTL_SECONDS, JwtIssuer, jwkThumbprint, signJwt } from '../src/auth/jwtIssuer';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { createManualClock } from '../src/services/clock';
import { grafanaAuthenticate, type GrafanaJwtSettings } from './support/grafanaJwt';
import { python3Available, runPython3 } from './support/python3';

/** The [auth.jwt] settings we propose for Grafana (see the final report / docs). */
const ROLE_ATTRIBUTE_PATH = "contains(roles[*], 'admin') && 'Admin' || contains(roles[*], 'developer') && 'Editor' || 'Viewer'";
const EXPECT_CLAIMS = { iss: 'alphapulse-emulator', aud: 'grafana' };

const hasJmespath = python3Available && runPython3('import importlib.util; print(importlib.util.find_spec("jmespath") is not None)', '').trim() === 'True';
/** role_attribute_path evaluated by real JMESPath (python3's jmespath, the spec's reference implementation). */
function jmespathRole(claims: Record<string, unknown>): string {
  if (!hasJmespath) return (claims.roles as string[]).includes('admin') ? 'Admin' : (claims.roles as string[]).includes('developer') ? 'Editor' : 'Viewer';
  const script = `import jmespath, json, sys\nprint(json.dumps(jmespath.search(${JSON.stringify(ROLE_ATTRIBUTE_PATH)}, json.load(sys.stdin))))`;
  return JSON.parse(runPython3(script, JSON.stringify(claims)));
}

const EXPECTED_ROLE = { trader: 'Viewer', analyst: 'Viewer', developer: 'Editor', admin: 'Admin' } as const;

let emulator: RunningEmulator;
let jwks: GrafanaJwtSettings['jwks'];
const settings = (overrides: Partial<GrafanaJwtSettings> = {}): GrafanaJwtSettings => ({
  jwks,
  expectClaims: EXPECT_CLAIMS,
  usernameClaim: 'login',
  emailClaim: 'email',
  role: jmespathRole,
  now: new Date(),
  ...overrides,
});
const tokenOf = async (user: string) => (await fetch(`${emulator.controlUrl}/auth/token?user=${user}`)).text();

beforeAll(async () => {
  // The simulation's clock is far in the past: tokens must still carry the wall clock's time.
  emulator = await startEmulator({ basePort: 0, controlPort: 0, clock: createManualClock(Date.parse('2020-01-01T00:00:00Z')), jwt: { grafanaUrl: 'http://grafana.test:3000/d/overview' } });
  const res = await fetch(`${emulator.controlUrl}/auth/jwks.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('max-age=60');
  jwks = (await res.json()) as GrafanaJwtSettings['jwks'];
});
afterAll(() => emulator.stop());

test('the JWK Set: one RS256 signing key, its kid the RFC 7638 thumbprint, no private parts', () => {
  expect(jwks.keys).toHaveLength(1);
  const [key] = jwks.keys as { kty: string; n: string; e: string; kid: string }[];
  expect(key).toEqual({ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: jwkThumbprint(key), alg: 'RS256', use: 'sig' });
  for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
});

test.each(DEMO_ROLES)('%s: Grafana verifies the token and signs the user in with the right login, email and role', async (role) => {
  const res = await fetch(`${emulator.controlUrl}/auth/token?user=${role}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/jwt');
  const token = await res.text();
  const identity = grafanaAuthenticate(token, settings());
  const user = DEMO_USERS[role];
  expect(identity).toEqual({ authId: user.sub, login: user.login, email: user.email, name: user.name, role: EXPECTED_ROLE[role] });

  const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: jwks.keys[0].kid });
  const now = Math.floor(Date.now() / 1000);
  expect(payload).toEqual({
    sub: user.sub,
    login: user.login,
    preferred_username: user.login,
    email: user.email,
    name: user.name,
    roles: [role],
    iat: expect.any(Number),
    exp: expect.any(Number),
    iss: 'alphapulse-emulator',
    aud: 'grafana',
  });
  expect(Math.abs(payload.iat - now)).toBeLessThanOrEqual(5);
  expect(payload.exp - payload.iat).toBe(DEFAULT_JWT_TTL_SECONDS);
});

test('username_claim = preferred_username works the same', async () => {
  expect(grafanaAuthenticate(await tokenOf('trader'), settings({ usernameClaim: 'preferred_username' })).login).toBe('demo-trader');
});

describe('refused as Grafana refuses them', () => {
  const flip = (part: string, change: (claims: any) => void) => {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString());
    change(claims);
    return Buffer.from(JSON.stringify(claims)).toString('base64url');
  };

  test('a trader who promotes themselves to admin: the signature no longer matches', async () => {
    const [h, p, s] = (await tokenOf('trader')).split('.');
    expect(() => grafanaAuthenticate(`${h}.${flip(p, (c) => (c.roles = ['admin']))}.${s}`, settings())).toThrow(/cryptographic/);
    // One flipped bit in the signature fails too.
    const bytes = Buffer.from(s, 'base64url');
    bytes[10] ^= 1;
    expect(() => grafanaAuthenticate(`${h}.${p}.${bytes.toString('base64url')}`, settings())).toThrow(/cryptographic/);
  });

  test('alg "none" is not on the allow-list; an unknown kid finds no key', async () => {
    const [h, p] = (await tokenOf('admin')).split('.');
    expect(() => grafanaAuthenticate(`${flip(h, (c) => (c.alg = 'none'))}.${p}.`, settings())).toThrow(/unexpected signature algorithm/);
    expect(() => grafanaAuthenticate(`${flip(h, (c) => (c.kid = 'other'))}.${p}.x`, settings())).toThrow('no keys found');
  });

  test('a token signed by another key with the same kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const claims = JSON.parse(Buffer.from((await tokenOf('admin')).split('.')[1], 'base64url').toString());
    expect(() => grafanaAuthenticate(signJwt(claims, privateKey, jwks.keys[0].kid as string), settings())).toThrow(/cryptographic/);
  });

  test('expired past the minute of leeway, issued in the future, wrong audience or issuer', async () => {
    const token = await tokenOf('analyst');
    const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((exp + 30) * 1000) }))).not.toThrow(); // within leeway
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((exp + 61) * 1000) }))).toThrow(/expired/);
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((iat - 61) * 1000) }))).toThrow(/issued in the future/);
    expect(() => grafanaAuthenticate(token, settings({ expectClaims: { ...EXPECT_CLAIMS, aud: 'other-app' } }))).toThrow(/audience/);
    expect(() => grafanaAuthenticate(token, settings({ expectClaims: { ...EXPECT_CLAIMS, iss: 'someone-else' } }))).toThrow(/issuer/);
  });

  test('the keys of another emulator start do not verify this one’s tokens (a key pair per start)', async () => {
    const other = new JwtIssuer({ clock: { now: () => Date.now() } });
    expect(other.jwk.kid).not.toBe(jwks.keys[0].kid);
    const token = await tokenOf('trader');
    expect(() => grafanaAuthenticate(token, settings({ jwks: other.jwks() as any }))).toThrow('no keys found');
  });
});

test('routes: unknown or missing user, JSON form, the sign-in link, other methods', async () => {
  const bad = await fetch(`${emulator.controlUrl}/auth/token?user=root`);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toEqual({ error: expect.stringContaining('"root"'), field: 'user' });
  expect((await fetch(`${emulator.controlUrl}/auth/token`)).status).toBe(400);

  const json = (await (await fetch(`${emulator.controlUrl}/auth/token?user=developer&format=json`)).json()) as any;
  expect(json).toMatchObject({ token_type: 'Bearer', expires_in: DEFAULT_JWT_TTL_SECONDS, claims: { roles: ['developer'] } });
  expect(grafanaAuthenticate(json.token, settings()).role).toBe('Editor');

  // url_login: Grafana takes the token from ?auth_token= (authn/clients/jwt.go).
  const login = await fetch(`${emulator.controlUrl}/auth/login?user=trader`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const location = new URL(login.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe('http://grafana.test:3000/d/overview');
  expect(grafanaAuthenticate(location.searchParams.get('auth_token')!, settings()).login).toBe('demo-trader');

  expect((await fetch(`${emulator.controlUrl}/auth/jwks.json`, { method: 'POST' })).status).toBe(405);
  const index = (await (await fetch(`${emulator.controlUrl}/auth`)).json()) as any;
  expect(index.users.map((u: { user: string }) => u.user)).toEqual([...DEMO_ROLES]);
  // The fault API is still where it was.
  expect((await fetch(`${emulator.controlUrl}/faults`)).status).toBe(200);
});

test('a key file keeps the key across starts, and the JWK Set is written for jwk_set_file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'alphapulse-jwt-'));
  try {
    const options = { keyFile: join(dir, 'keys', 'jwt-signing.pem'), jwksFile: join(dir, 'jwks.json') };
    const first = await startEmulator({ basePort: 0, controlPort: 0, jwt: options });
    const token = await (await fetch(`${first.controlUrl}/auth/token?user=admin`)).text();
    await first.stop();
    expect(readFileSync(options.keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const second = await startEmulator({ basePort: 0, controlPort: 0, jwt: options });
    try {
      const served = (await (await fetch(`${second.controlUrl}/auth/jwks.json`)).json()) as GrafanaJwtSettings['jwks'];
      const fromFile = JSON.parse(readFileSync(options.jwksFile, 'utf8'));
      expect(fromFile).toEqual(served);
      // A token from before the restart still signs in.
      expect(grafanaAuthenticate(token, settings({ jwks: fromFile })).role).toBe('Admin');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lifetime that is not a positive whole number of seconds is refused at start', async () => {
  await expect(startEmulator({ basePort: 0, controlPort: 0, jwt: { ttlSeconds: Number('8h') } })).rejects.toThrow(/whole number of seconds/);
});

test('jwt: false serves no /auth routes', async () => {
  const plain = await startEmulator({ basePort: 0, controlPort: 0, jwt: false });
  try {
    expect((await fetch(`${plain.controlUrl}/auth/jwks.json`)).status).toBe(404);
  } finally {
    await plain.stop();
  }
});
