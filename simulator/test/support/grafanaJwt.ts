// What Grafana does with a JWT from [auth.jwt], step by step as read in grafana/grafana (no Grafana runs
// here), with node:crypto doing the cryptography:
// - pkg/services/auth/jwt/auth.go, Verify: strip "=" padding (sanitizeJWT, where present), jwt.ParseSigned —
//   with an allow-list of algorithms that differs between versions (GRAFANA_JWT_VERSIONS below) — then
//   keys = keySet.Key(header kid) ("no keys found" when empty), the first key that verifies the signature
//   wins (go-jose answers every failed verification with ErrCryptoFailure), then validateClaims.
// - pkg/services/auth/jwt/key_sets.go: jwk_set_url / jwk_set_file give a jose.JSONWebKeySet, whose Key(kid)
//   returns the keys with exactly that kid; an http(s) key set honours Cache-Control max-age.
// - pkg/services/auth/jwt/validation.go (validateClaims): iss/sub strings, aud string or array of strings,
//   exp/nbf/iat numbers, then go-jose's Claims.Validate (default leeway one minute) against expect_claims'
//   iss/sub/aud, and every other expect_claims entry must be deeply equal.
// - pkg/services/authn/clients/jwt.go (Authenticate): a non-empty "sub" is mandatory; login from
//   username_claim, email from email_claim, name from "name", the role from role_attribute_path (JMESPath);
//   no login and no email is an error. url_login reads the token from ?auth_token=.
import { createPublicKey, verify } from 'node:crypto';

/** Every JWS algorithm go-jose implements (none of its versions implements "none"). */
const GO_JOSE_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

export interface GrafanaJwtVersion {
  /** Where it was read. */
  source: string;
  /** The algorithms a token may carry; a parse-time allow-list (go-jose v3+) or, for go-jose v2, whatever it implements. */
  algorithms: readonly string[];
  /** go-jose v2's ParseSigned takes no allow-list: an algorithm it does not implement fails at verification instead. */
  allowListAtParse: boolean;
  /** Verify calls sanitizeJWT (drops "=" padding) first. */
  stripsPadding: boolean;
}

/** The [auth.jwt] token parsing of the Grafana versions we read, by the allow-list they pass to jwt.ParseSigned. */
export const GRAFANA_JWT_VERSIONS = {
  /**
   * grafana/grafana pkg/services/auth/jwt/auth.go at 8ccd5f4b73b95a08934ac3e654cd610f9a8d95ff (go-jose v4):
   * jwt.ParseSigned(strToken, []jose.SignatureAlgorithm{jose.ES256}); HasSubClaim parses with the same list.
   */
  'es256-only': {
    source: 'grafana/grafana pkg/services/auth/jwt/auth.go @ 8ccd5f4b73b95a08934ac3e654cd610f9a8d95ff',
    algorithms: ['ES256'],
    allowListAtParse: true,
    stripsPadding: true,
  },
  /**
   * grafana/grafana pkg/services/auth/jwt/auth.go at 004675c8c06fe4138b65774719971d685d959a75
   * (gopkg.in/square/go-jose.v2): jwt.ParseSigned(strToken), no allow-list and no sanitizeJWT; the later
   * pkg/services/auth/jwt/verification.go at 3770614be22c2bf81a232d294451b3ea46135d0f (still go-jose v2) adds
   * sanitizeJWT but still parses without a list.
   */
  'go-jose-v2': {
    source: 'grafana/grafana pkg/services/auth/jwt/auth.go @ 004675c8c06fe4138b65774719971d685d959a75',
    algorithms: GO_JOSE_ALGORITHMS,
    allowListAtParse: false,
    stripsPadding: false,
  },
  /**
   * A stored go-jose v4 text of the same auth.go Verify (with the SSO settings reload and a RWMutex) whose list
   * is EdDSA, HS256, HS384, HS512, RS512, RS256, ES256, ES384, ES512, PS256, PS384, PS512 (no RS384). The code
   * search index holds it as file id 52021286873 without naming its repository or commit, so it is kept as
   * an example of the wide list, not pinned to a grafana/grafana commit.
   */
  'go-jose-v4-wide': {
    source: 'auth.go Verify, go-jose v4, wide allow-list (search index file 52021286873, repository/commit not given)',
    algorithms: ['EdDSA', 'HS256', 'HS384', 'HS512', 'RS512', 'RS256', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'],
    allowListAtParse: true,
    stripsPadding: true,
  },
} as const satisfies Record<string, GrafanaJwtVersion>;
export type GrafanaJwtVersionName = keyof typeof GRAFANA_JWT_VERSIONS;

/** go-jose jwt.DefaultLeeway. */
export const GO_JOSE_LEEWAY_SECONDS = 60;
const CRYPTO_FAILURE = 'go-jose/go-jose: error in cryptographic primitive';

export interface GrafanaJwtSettings {
  /** Which Grafana's parsing to model. */
  version: GrafanaJwtVersionName;
  jwks: { keys: Record<string, unknown>[] };
  /** [auth.jwt] expect_claims, parsed. */
  expectClaims: Record<string, unknown>;
  usernameClaim: string;
  emailClaim: string;
  /** Evaluates [auth.jwt] role_attribute_path against the claims (real JMESPath in the tests). */
  role: (claims: Record<string, unknown>) => string;
  now: Date;
}

export interface GrafanaIdentity {
  authId: string;
  login: string;
  email: string;
  name: string;
  role: string;
}

const decode = (part: string): any => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/**
 * go-jose's verifyPayload for the algorithms modelled here (ES256, RS256); false is its error, which Verify
 * turns into ErrCryptoFailure. A key of the wrong type or curve for the algorithm fails the same way.
 */
function verifies(alg: string, jwk: Record<string, unknown>, signingInput: Buffer, signature: Buffer): boolean {
  if (alg === 'ES256') {
    // ecdsa.go verifyPayload: the key's curve must be P-256 and the signature exactly r||s, 2 × 32 bytes.
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || signature.length !== 64) return false;
    return verify('sha256', signingInput, { key: createPublicKey({ key: jwk as any, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, signature);
  }
  if (alg === 'RS256') {
    if (jwk.kty !== 'RSA') return false;
    return verify('sha256', signingInput, createPublicKey({ key: jwk as any, format: 'jwk' }), signature);
  }
  throw new Error(`model: ${alg} is accepted by this Grafana but its verification is not modelled here`);
}

export function grafanaAuthenticate(rawToken: string, settings: GrafanaJwtSettings): GrafanaIdentity {
  const version: GrafanaJwtVersion = GRAFANA_JWT_VERSIONS[settings.version];
  let token = rawToken.replace(/^Bearer /, '');
  if (version.stripsPadding) token = token.replaceAll('=', '');
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('go-jose: compact JWS format must have three parts');
  const header = decode(parts[0]);
  if (version.allowListAtParse && !version.algorithms.includes(header.alg)) {
    // go-jose v4 ErrUnexpectedSignatureAlgorithm
    throw new Error(`go-jose/go-jose: unexpected signature algorithm ${JSON.stringify(header.alg)}; expected ${JSON.stringify(version.algorithms)}`);
  }

  const keys = settings.jwks.keys.filter((key) => (key.kid ?? '') === (header.kid ?? ''));
  if (keys.length === 0) throw new Error('no keys found');
  if (!version.algorithms.includes(header.alg)) throw new Error('square/go-jose: unknown/unsupported algorithm'); // go-jose v2, at verification
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  if (!keys.some((jwk) => verifies(header.alg, jwk, signingInput, signature))) throw new Error(CRYPTO_FAILURE);
  const claims = decode(parts[1]) as Record<string, unknown>;

  // validation.go: the registered claims' types, then go-jose's Validate with the leeway.
  for (const key of ['iss', 'sub']) {
    if (key in claims && typeof claims[key] !== 'string') throw new Error(`"${key}" claim has invalid type, string expected`);
  }
  const aud = claims.aud;
  const audience = aud === undefined ? [] : typeof aud === 'string' ? [aud] : aud;
  if (!Array.isArray(audience) || audience.some((a) => typeof a !== 'string')) throw new Error('"aud" claim has invalid type');
  for (const key of ['exp', 'nbf', 'iat']) {
    if (claims[key] != null && typeof claims[key] !== 'number') throw new Error(`"${key}" claim has invalid type, number expected`);
  }
  const { iss: expectIss, sub: expectSub, aud: expectAud, ...additional } = settings.expectClaims;
  if (expectIss !== undefined && claims.iss !== expectIss) throw new Error('go-jose/go-jose/jwt: validation failed, invalid issuer claim (iss)');
  if (expectSub !== undefined && claims.sub !== expectSub) throw new Error('go-jose/go-jose/jwt: validation failed, invalid subject claim (sub)');
  if (expectAud !== undefined) {
    const expected = typeof expectAud === 'string' ? [expectAud] : (expectAud as string[]);
    if (expected.length !== audience.length || expected.some((a) => !audience.includes(a))) {
      throw new Error('go-jose/go-jose/jwt: validation failed, invalid audience claim (aud)');
    }
  }
  const now = settings.now.getTime() / 1000;
  if (typeof claims.exp === 'number' && now > claims.exp + GO_JOSE_LEEWAY_SECONDS) throw new Error('go-jose/go-jose/jwt: validation failed, token is expired (exp)');
  if (typeof claims.nbf === 'number' && now + GO_JOSE_LEEWAY_SECONDS < claims.nbf) throw new Error('go-jose/go-jose/jwt: validation failed, token not valid yet (nbf)');
  if (typeof claims.iat === 'number' && now + GO_JOSE_LEEWAY_SECONDS < claims.iat) {
    throw new Error('go-jose/go-jose/jwt: validation failed, token issued in the future (iat)');
  }
  for (const [key, expected] of Object.entries(additional)) {
    if (!(key in claims)) throw new Error(`"${key}" claim is missing`);
    if (JSON.stringify(claims[key]) !== JSON.stringify(expected)) throw new Error(`"${key}" claim mismatch`);
  }

  // authn/clients/jwt.go
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (sub === '') throw new Error("missing mandatory 'sub' claim in JWT");
  const login = typeof claims[settings.usernameClaim] === 'string' ? (claims[settings.usernameClaim] as string) : '';
  const email = typeof claims[settings.emailClaim] === 'string' ? (claims[settings.emailClaim] as string) : '';
  if (login === '' && email === '') throw new Error('missing login and email claim in JWT');
  return { authId: sub, login, email, name: typeof claims.name === 'string' ? claims.name : '', role: settings.role(claims) };
}
