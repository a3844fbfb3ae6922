// Demo JWT sign-in over real HTTP: the served JWK Set verifies the served ES256 tokens the way Grafana's
// [auth.jwt] does — in each version modelled by test/support/grafanaJwt.ts, which cites the grafana/grafana
// files each step is read from (pkg/services/auth/jwt/auth.go at 8ccd5f4b… accepts ES256 only) — and every
// tampered, re-keyed, RS256, expired or foreign token is refused. python3's `cryptography` checks the
// signature and the RFC 7638 kid independently of node:crypto.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ROLES, DEMO_USERS } from '../src/auth/demoUsers';
import { DEFAULT_JWT_TTL_SECONDS, JwtIssuer, jwkThumbprint, signJwt } from '../src/auth/jwtIssuer';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { createManualClock } from '../src/services/clock';
import { GRAFANA_JWT_VERSIONS, grafanaAuthenticate, type GrafanaJwtSettings, type GrafanaJwtVersionName } from './support/grafanaJwt';
import { python3Available, runPython3 } from './support/python3';

/** The [auth.jwt] settings we propose for Grafana (see the final report / docs). */
const ROLE_ATTRIBUTE_PATH = "contains(roles[*], 'admin') && 'Admin' || contains(roles[*], 'developer') && 'Editor' || 'Viewer'";
const EXPECT_CLAIMS = { iss: 'alphapulse-emulator', aud: 'grafana' };
const VERSIONS = Object.keys(GRAFANA_JWT_VERSIONS) as GrafanaJwtVersionName[];

const pythonHas = (module: string) =>
  python3Available && runPython3(`import importlib.util; print(importlib.util.find_spec(${JSON.stringify(module)}) is not None)`, '').trim() === 'True';
const hasJmespath = pythonHas('jmespath');
const hasCryptography = pythonHas('cryptography');
/** role_attribute_path evaluated by real JMESPath (python3's jmespath, the spec's reference implementation). */
function jmespathRole(claims: Record<string, unknown>): string {
  if (!hasJmespath) return (claims.roles as string[]).includes('admin') ? 'Admin' : (claims.roles as string[]).includes('developer') ? 'Editor' : 'Viewer';
  const script = `import jmespath, json, sys\nprint(json.dumps(jmespath.search(${JSON.stringify(ROLE_ATTRIBUTE_PATH)}, json.load(sys.stdin))))`;
  return JSON.parse(runPython3(script, JSON.stringify(claims)));
}
/** A test that needs python3's cryptography: skipped with a note without it, failed under CI=true. */
function testWithCryptography(name: string, fn: () => Promise<void>): void {
  if (hasCryptography) test(name, fn);
  else if (process.env.CI === 'true') test(name, () => { throw new Error('python3 with cryptography (Debian python3-cryptography) is required under CI=true'); });
  else {
    test.skip(`${name} (skipped: no python3 cryptography)`, () => undefined);
    console.warn(`skipped, no python3 cryptography: ${name}`);
  }
}

const EXPECTED_ROLE = { trader: 'Viewer', analyst: 'Viewer', developer: 'Editor', admin: 'Admin' } as const;

let emulator: RunningEmulator;
let jwks: GrafanaJwtSettings['jwks'];
/** An RSA key pair for the RS256 cases, made before the emulator starts (off the event loop, which it would block). */
let rsa: { privateKey: KeyObject; publicKey: KeyObject };
const settings = (overrides: Partial<GrafanaJwtSettings> = {}): GrafanaJwtSettings => ({
  version: 'es256-only',
  jwks,
  expectClaims: EXPECT_CLAIMS,
  usernameClaim: 'login',
  emailClaim: 'email',
  role: jmespathRole,
  now: new Date(),
  ...overrides,
});
const tokenOf = async (user: string) => (await fetch(`${emulator.controlUrl}/auth/token?user=${user}`)).text();
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());
/** An RS256 token, as the emulator signed them before: RSASSA-PKCS1-v1_5 with SHA-256. */
const rs256 = (claims: object, privateKey: KeyObject, kid: string) => {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
};

beforeAll(async () => {
  rsa = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  // The simulation's clock is far in the past: tokens must still carry the wall clock's time.
  emulator = await startEmulator({ basePort: 0, controlPort: 0, clock: createManualClock(Date.parse('2020-01-01T00:00:00Z')), jwt: { grafanaUrl: 'http://grafana.test:3000/d/overview' } });
  const res = await fetch(`${emulator.controlUrl}/auth/jwks.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('max-age=60');
  jwks = (await res.json()) as GrafanaJwtSettings['jwks'];
});
afterAll(() => emulator.stop());

test('the JWK Set: one ES256 P-256 public key, its kid the RFC 7638 thumbprint, no private part', () => {
  expect(jwks.keys).toHaveLength(1);
  const [key] = jwks.keys as { kty: string; crv: string; x: string; y: string; kid: string }[];
  expect(key).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: jwkThumbprint(key), alg: 'ES256', use: 'sig' });
  expect(Object.keys(key)).toEqual(['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use']);
  expect(Buffer.from(key.x, 'base64url')).toHaveLength(32);
  expect(Buffer.from(key.y, 'base64url')).toHaveLength(32);
  expect(key).not.toHaveProperty('d');
  // RFC 7638 section 3.2: the required members crv, kty, x, y, lexicographic, no whitespace.
  const members = `{"crv":"P-256","kty":"EC","x":"${key.x}","y":"${key.y}"}`;
  expect(key.kid).toBe(createHash('sha256').update(members).digest('base64url'));
});

test.each(VERSIONS.flatMap((version) => DEMO_ROLES.map((role) => [version, role] as const)))(
  'Grafana %s verifies the %s token and signs the user in with the right login, email and role',
  async (version, role) => {
    const res = await fetch(`${emulator.controlUrl}/auth/token?user=${role}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jwt');
    const token = await res.text();
    const identity = grafanaAuthenticate(token, settings({ version }));
    const user = DEMO_USERS[role];
    expect(identity).toEqual({ authId: user.sub, login: user.login, email: user.email, name: user.name, role: EXPECTED_ROLE[role] });

    const [header, payload] = token.split('.').slice(0, 2).map(decodePart);
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: jwks.keys[0].kid });
    // JWS ES256 signature: r||s, 64 bytes (RFC 7518 section 3.4), not DER.
    expect(Buffer.from(token.split('.')[2], 'base64url')).toHaveLength(64);
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
  },
);

testWithCryptography('python3 cryptography verifies every demo token with the served x, y and recomputes the kid', async () => {
  const tokens = await Promise.all(DEMO_ROLES.map(tokenOf));
  const script = String.raw`
import base64, hashlib, json, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.exceptions import InvalidSignature
def b64(s): return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
data = json.load(sys.stdin)
key = data["jwks"]["keys"][0]
public = ec.EllipticCurvePublicNumbers(int.from_bytes(b64(key["x"]), "big"), int.from_bytes(b64(key["y"]), "big"), ec.SECP256R1()).public_key()
required = json.dumps({m: key[m] for m in ("crv", "kty", "x", "y")}, sort_keys=True, separators=(",", ":"))
out = {"kid": base64.urlsafe_b64encode(hashlib.sha256(required.encode()).digest()).rstrip(b"=").decode(), "verified": []}
for token in data["tokens"]:
    h, p, s = token.split(".")
    raw = b64(s)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, (h + "." + p).encode(), ec.ECDSA(hashes.SHA256()))
        ok = True
    except InvalidSignature:
        ok = False
    out["verified"].append(ok)
tampered = data["tokens"][0][:-2] + ("AA" if not data["tokens"][0].endswith("AA") else "BA")
h, p, s = tampered.split(".")
raw = b64(s)
try:
    public.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")), (h + "." + p).encode(), ec.ECDSA(hashes.SHA256()))
    out["tampered"] = True
except InvalidSignature:
    out["tampered"] = False
print(json.dumps(out))
`;
  const out = JSON.parse(runPython3(script, JSON.stringify({ jwks, tokens })));
  expect(out).toEqual({ kid: jwks.keys[0].kid, verified: DEMO_ROLES.map(() => true), tampered: false });
});

test('username_claim = preferred_username works the same', async () => {
  expect(grafanaAuthenticate(await tokenOf('trader'), settings({ usernameClaim: 'preferred_username' })).login).toBe('demo-trader');
});

describe('refused as Grafana refuses them', () => {
  const flip = (part: string, change: (claims: any) => void) => {
    const claims = decodePart(part);
    change(claims);
    return encode(claims);
  };

  test('a trader who promotes themselves to admin: the signature no longer matches', async () => {
    const [h, p, s] = (await tokenOf('trader')).split('.');
    const forged = `${h}.${flip(p, (c) => (c.roles = ['admin']))}.${s}`;
    for (const version of VERSIONS) expect(() => grafanaAuthenticate(forged, settings({ version }))).toThrow(/cryptographic primitive/);
    // One flipped bit in the signature fails too.
    const bytes = Buffer.from(s, 'base64url');
    bytes[10] ^= 1;
    expect(() => grafanaAuthenticate(`${h}.${p}.${bytes.toString('base64url')}`, settings())).toThrow(/cryptographic primitive/);
    // The untampered token passes the same check, so the failures above are the tampering's.
    expect(grafanaAuthenticate(`${h}.${p}.${s}`, settings()).role).toBe('Viewer');
  });

  test('an ECDSA signature in DER (node’s default encoding) instead of r||s is refused', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const claims = decodePart((await tokenOf('admin')).split('.')[1]);
    const kid = 'der-demo';
    const input = `${encode({ alg: 'ES256', typ: 'JWT', kid })}.${encode(claims)}`;
    const der = sign('sha256', Buffer.from(input), privateKey);
    expect(der.length).toBeGreaterThan(64);
    const keySet = { keys: [{ ...(createPublicKey(privateKey).export({ format: 'jwk' }) as object), kid, alg: 'ES256', use: 'sig' }] };
    expect(() => grafanaAuthenticate(`${input}.${der.toString('base64url')}`, settings({ jwks: keySet }))).toThrow(/cryptographic primitive/);
    const p1363 = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(grafanaAuthenticate(`${input}.${p1363.toString('base64url')}`, settings({ jwks: keySet })).role).toBe('Admin');
  });

  test('alg "none" is refused by every version; an unknown kid finds no key', async () => {
    const [h, p] = (await tokenOf('admin')).split('.');
    const none = `${flip(h, (c) => (c.alg = 'none'))}.${p}.`;
    expect(() => grafanaAuthenticate(none, settings({ version: 'es256-only' }))).toThrow(/unexpected signature algorithm "none"; expected \["ES256"\]/);
    expect(() => grafanaAuthenticate(none, settings({ version: 'go-jose-v4-wide' }))).toThrow(/unexpected signature algorithm "none"/);
    expect(() => grafanaAuthenticate(none, settings({ version: 'go-jose-v2' }))).toThrow(/unknown\/unsupported algorithm/);
    for (const version of VERSIONS) expect(() => grafanaAuthenticate(`${flip(h, (c) => (c.kid = 'other'))}.${p}.x`, settings({ version }))).toThrow('no keys found');
  });

  test('an RS256 token is refused by the ES256-only Grafana, even with its RSA key in the set; the wider lists take it', async () => {
    const { privateKey, publicKey } = rsa;
    const kid = 'rsa-demo';
    const withRsa = { keys: [...jwks.keys, { ...(publicKey.export({ format: 'jwk' }) as object), kid, alg: 'RS256', use: 'sig' }] };
    const claims = decodePart((await tokenOf('developer')).split('.')[1]);
    const token = rs256(claims, privateKey, kid);
    expect(() => grafanaAuthenticate(token, settings({ jwks: withRsa }))).toThrow(/unexpected signature algorithm "RS256"; expected \["ES256"\]/);
    expect(grafanaAuthenticate(token, settings({ jwks: withRsa, version: 'go-jose-v4-wide' })).role).toBe('Editor');
    expect(grafanaAuthenticate(token, settings({ jwks: withRsa, version: 'go-jose-v2' })).role).toBe('Editor');
    // RS256 under the emulator's EC kid: the EC key cannot verify it in any version.
    const underEcKid = rs256(claims, privateKey, jwks.keys[0].kid as string);
    expect(() => grafanaAuthenticate(underEcKid, settings({ version: 'go-jose-v4-wide' }))).toThrow(/cryptographic primitive/);
  });

  test('a token signed by another P-256 key with the same kid', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const claims = decodePart((await tokenOf('admin')).split('.')[1]);
    for (const version of VERSIONS) {
      expect(() => grafanaAuthenticate(signJwt(claims, privateKey, jwks.keys[0].kid as string), settings({ version }))).toThrow(/cryptographic primitive/);
    }
  });

  test('expired past the minute of leeway, issued in the future, wrong audience or issuer', async () => {
    const token = await tokenOf('analyst');
    const { iat, exp } = decodePart(token.split('.')[1]);
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((exp + 30) * 1000) }))).not.toThrow(); // within leeway
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((exp + 61) * 1000) }))).toThrow(/expired/);
    expect(() => grafanaAuthenticate(token, settings({ now: new Date((iat - 61) * 1000) }))).toThrow(/issued in the future/);
    expect(() => grafanaAuthenticate(token, settings({ expectClaims: { ...EXPECT_CLAIMS, aud: 'alphapulse-grafana' } }))).toThrow(/audience/);
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

describe('the key file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'alphapulse-jwt-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps the P-256 key across starts, and the JWK Set is written for jwk_set_file', async () => {
    const options = { keyFile: join(dir, 'keys', 'jwt-signing.pem'), jwksFile: join(dir, 'jwks.json') };
    const first = await startEmulator({ basePort: 0, controlPort: 0, jwt: options });
    const token = await (await fetch(`${first.controlUrl}/auth/token?user=admin`)).text();
    await first.stop();
    const pem = readFileSync(options.keyFile, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const key = createPrivateKey(pem);
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve]).toEqual(['ec', 'prime256v1']);
    const second = await startEmulator({ basePort: 0, controlPort: 0, jwt: options });
    try {
      const served = (await (await fetch(`${second.controlUrl}/auth/jwks.json`)).json()) as GrafanaJwtSettings['jwks'];
      const fromFile = JSON.parse(readFileSync(options.jwksFile, 'utf8'));
      expect(fromFile).toEqual(served);
      expect(readFileSync(options.keyFile, 'utf8')).toBe(pem);
      // A token from before the restart still signs in.
      expect(grafanaAuthenticate(token, settings({ jwks: fromFile })).role).toBe('Admin');
    } finally {
      await second.stop();
    }
  });

  test('an RSA key file from the RS256 days is refused at start with what to do, and left as it was', async () => {
    const keyFile = join(dir, 'jwt-signing.pem');
    const { privateKey } = rsa;
    const rsaPem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    writeFileSync(keyFile, rsaPem);
    await expect(startEmulator({ basePort: 0, controlPort: 0, jwt: { keyFile } })).rejects.toThrow(
      `JWT key file ${keyFile} holds an RSA private key (the emulator signed RS256 before; some Grafana versions accept only ES256), and the emulator signs ES256 only, with an EC P-256 key. Delete the file and the emulator writes a new P-256 key there at its next start`,
    );
    expect(readFileSync(keyFile, 'utf8')).toBe(rsaPem);
    // The PKCS#1 form ("BEGIN RSA PRIVATE KEY") is recognised too.
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs1' }));
    expect(() => new JwtIssuer({ keyFile, clock: { now: () => 0 } })).toThrow(/holds an RSA private key/);
    // Deleting it, as the message says, gives a working P-256 key.
    rmSync(keyFile);
    const issuer = new JwtIssuer({ keyFile, clock: { now: () => Date.now() } });
    expect(grafanaAuthenticate(issuer.tokenFor('analyst').token, settings({ jwks: issuer.jwks() as any })).role).toBe('Viewer');
  });

  test('an EC key on another curve, or a file with no private key, is refused too', () => {
    mkdirSync(join(dir, 'k'));
    const p384 = join(dir, 'k', 'p384.pem');
    writeFileSync(p384, generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() => new JwtIssuer({ keyFile: p384, clock: { now: () => 0 } })).toThrow(`JWT key file ${p384} holds an EC private key on secp384r1, not P-256`);
    const publicOnly = join(dir, 'k', 'public.pem');
    writeFileSync(publicOnly, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }));
    expect(() => new JwtIssuer({ keyFile: publicOnly, clock: { now: () => 0 } })).toThrow(/holds no PEM private key node:crypto can read/);
  });
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
