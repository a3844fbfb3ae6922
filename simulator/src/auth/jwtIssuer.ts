// Demo JWTs for Grafana's [auth.jwt], signed ES256 (ECDSA P-256 with SHA-256) with node:crypto only.
// ES256 is the one algorithm every Grafana version we read accepts: grafana/grafana
// pkg/services/auth/jwt/auth.go at 8ccd5f4b73b95a08934ac3e654cd610f9a8d95ff parses with
// jwt.ParseSigned(strToken, []jose.SignatureAlgorithm{jose.ES256}), so an RS256 token is refused there
// before any key is looked at; other versions accept a wider list (test/support/grafanaJwt.ts cites them).
// The rest of the shape follows what Grafana reads (pkg/services/auth/jwt/): the key is found by the
// header's `kid` in the JWK Set (key_sets.go, JSONWebKeySet.Key), iss/aud/exp/iat are checked by go-jose
// with a minute of leeway and expect_claims (validation.go), and the authn client needs a non-empty `sub`
// (authn/clients/jwt.go).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../services/clock';
import { DEMO_USERS, type DemoRole } from './demoUsers';

export const DEFAULT_JWT_ISSUER = 'alphapulse-emulator';
export const DEFAULT_JWT_AUDIENCE = 'grafana';
export const DEFAULT_JWT_TTL_SECONDS = 8 * 3600;
/** The JWS algorithm of every token the emulator signs. */
export const JWT_ALGORITHM = 'ES256';

export interface Jwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface DemoClaims {
  sub: string;
  login: string;
  preferred_username: string;
  email: string;
  name: string;
  roles: string[];
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/**
 * RFC 7638 thumbprint of an EC public key: SHA-256 of the required members crv, kty, x, y in lexicographic
 * order, no whitespace (section 3.2). The key id Grafana's own generated keys use too (key_sets.go).
 */
export function jwkThumbprint(jwk: { crv: string; x: string; y: string }): string {
  return base64url(createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: 'EC', x: jwk.x, y: jwk.y })).digest());
}

export function publicJwk(publicKey: KeyObject): Jwk {
  const { crv, x, y } = publicKey.export({ format: 'jwk' }) as { crv: string; x: string; y: string };
  if (crv !== 'P-256') throw new Error(`an ES256 key must be on P-256, not ${crv}`);
  return { kty: 'EC', crv: 'P-256', x, y, kid: jwkThumbprint({ crv, x, y }), alg: 'ES256', use: 'sig' };
}

/**
 * A compact JWS: base64url(header).base64url(claims).base64url(signature), the signature ECDSA P-256 SHA-256
 * as JWS wants it (RFC 7518 section 3.4): r and s, 32 bytes each, concatenated — not DER, which node writes
 * unless told `dsaEncoding: 'ieee-p1363'` and which go-jose refuses.
 */
export function signJwt(claims: object, privateKey: KeyObject, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: JWT_ALGORITHM, typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`;
}

/** Why a key file cannot sign ES256, or undefined when it holds a P-256 private key. */
function unusableKey(key: KeyObject): string | undefined {
  if (key.asymmetricKeyType === 'rsa') {
    return 'an RSA private key (the emulator signed RS256 before; some Grafana versions accept only ES256)';
  }
  if (key.asymmetricKeyType !== 'ec') return `a ${key.asymmetricKeyType} private key`;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return curve === 'prime256v1' ? undefined : `an EC private key on ${curve}, not P-256`;
}

/**
 * The signing key, an EC P-256 private key: read from `keyFile` (PKCS#8 PEM) when given and present, generated
 * and written there when given and missing (so restarts keep signed-in users valid), generated per start
 * otherwise. A key file that holds anything else (an RSA key from before ES256, another curve, no private key)
 * is refused, never overwritten: the message says to delete it so that a P-256 key is written in its place.
 */
export function loadOrCreateSigningKey(keyFile?: string): KeyObject {
  if (keyFile && existsSync(keyFile)) {
    const refuse = (what: string): never => {
      throw new Error(`JWT key file ${keyFile} holds ${what}, and the emulator signs ES256 only, with an EC P-256 key. Delete the file and the emulator writes a new P-256 key there at its next start (tokens signed with the old key stop working).`);
    };
    let key: KeyObject;
    try {
      key = createPrivateKey(readFileSync(keyFile));
    } catch (error) {
      return refuse(`no PEM private key node:crypto can read (${(error as Error).message})`);
    }
    const problem = unusableKey(key);
    return problem ? refuse(problem) : key;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  return privateKey;
}

export interface JwtIssuerOptions {
  issuer?: string;
  audience?: string;
  ttlSeconds?: number;
  /** PEM file of the private key; see loadOrCreateSigningKey. */
  keyFile?: string;
  /** Tokens are checked against Grafana's wall clock, so they are stamped by one (not the simulation's). */
  clock: Clock;
}

export class JwtIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  private readonly privateKey: KeyObject;
  readonly jwk: Jwk;

  constructor(private readonly options: JwtIssuerOptions) {
    this.issuer = options.issuer ?? DEFAULT_JWT_ISSUER;
    this.audience = options.audience ?? DEFAULT_JWT_AUDIENCE;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_JWT_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds <= 0) {
      throw new Error(`the JWT lifetime must be a whole number of seconds above 0, not ${options.ttlSeconds}`);
    }
    // At construction, so that an unusable key file stops the emulator's start (a P-256 key is made in well
    // under a millisecond, so there is no reason to wait for the first token).
    this.privateKey = loadOrCreateSigningKey(options.keyFile);
    this.jwk = publicJwk(createPublicKey(this.privateKey));
  }

  /** The JWK Set Grafana fetches (jwk_set_url) or reads (jwk_set_file). */
  jwks(): { keys: Jwk[] } {
    return { keys: [this.jwk] };
  }

  claimsFor(role: DemoRole): DemoClaims {
    const user = DEMO_USERS[role];
    const iat = Math.floor(this.options.clock.now() / 1000);
    return {
      sub: user.sub,
      login: user.login,
      preferred_username: user.login,
      email: user.email,
      name: user.name,
      roles: [...user.roles],
      iat,
      exp: iat + this.ttlSeconds,
      iss: this.issuer,
      aud: this.audience,
    };
  }

  tokenFor(role: DemoRole): { token: string; claims: DemoClaims } {
    const claims = this.claimsFor(role);
    return { token: signJwt(claims, this.privateKey, this.jwk.kid), claims };
  }

  /** Writes the JWK Set to a file, for Grafana's jwk_set_file (its jwk_set_url must be https outside dev mode). */
  writeJwksFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.jwks(), null, 2) + '\n');
  }
}
