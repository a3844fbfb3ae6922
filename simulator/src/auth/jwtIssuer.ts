// Demo JWTs for Grafana's [auth.jwt], signed RS256 with node:crypto only. The shape follows what Grafana
// reads (grafana/grafana pkg/services/auth/jwt/): the key is found by the header's `kid` in the JWK Set
// (key_sets.go, JSONWebKeySet.Key), iss/aud/exp/iat are checked by go-jose with a minute of leeway and
// expect_claims (validation.go), and the authn client needs a non-empty `sub` (authn/clients/jwt.go).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../services/clock';
import { DEMO_USERS, type DemoRole } from './demoUsers';

export const DEFAULT_JWT_ISSUER = 'alphapulse-emulator';
export const DEFAULT_JWT_AUDIENCE = 'grafana';
export const DEFAULT_JWT_TTL_SECONDS = 8 * 3600;

export interface Jwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
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

/** RFC 7638 thumbprint of an RSA public key: the key id Grafana's own generated keys use too (key_sets.go). */
export function jwkThumbprint(jwk: { e: string; n: string }): string {
  return base64url(createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest());
}

export function publicJwk(publicKey: KeyObject): Jwk {
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', n, e, kid: jwkThumbprint({ n, e }), alg: 'RS256', use: 'sig' };
}

/** A compact JWS: base64url(header).base64url(claims).base64url(RSASSA-PKCS1-v1_5 SHA-256 signature). */
export function signJwt(claims: object, privateKey: KeyObject, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

/**
 * The signing key: read from `keyFile` (PKCS#8 PEM) when given and present, generated and written there
 * when given and missing (so restarts keep signed-in users valid), generated per start otherwise.
 */
export function loadOrCreateSigningKey(keyFile?: string): KeyObject {
  if (keyFile && existsSync(keyFile)) return createPrivateKey(readFileSync(keyFile));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
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
  private signingKey: { privateKey: KeyObject; jwk: Jwk } | undefined;

  constructor(private readonly options: JwtIssuerOptions) {
    this.issuer = options.issuer ?? DEFAULT_JWT_ISSUER;
    this.audience = options.audience ?? DEFAULT_JWT_AUDIENCE;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_JWT_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds <= 0) {
      throw new Error(`the JWT lifetime must be a whole number of seconds above 0, not ${options.ttlSeconds}`);
    }
  }

  /** Made on first use: an RSA key takes a moment, and most emulator runs (tests) never sign anything. */
  private get key(): { privateKey: KeyObject; jwk: Jwk } {
    if (!this.signingKey) {
      const privateKey = loadOrCreateSigningKey(this.options.keyFile);
      this.signingKey = { privateKey, jwk: publicJwk(createPublicKey(privateKey)) };
    }
    return this.signingKey;
  }

  get jwk(): Jwk {
    return this.key.jwk;
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
    return { token: signJwt(claims, this.key.privateKey, this.key.jwk.kid), claims };
  }

  /** Writes the JWK Set to a file, for Grafana's jwk_set_file (its jwk_set_url must be https outside dev mode). */
  writeJwksFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.jwks(), null, 2) + '\n');
  }
}
