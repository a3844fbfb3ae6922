// What Grafana does with a JWT from [auth.jwt], step by step as read in grafana/grafana (no Grafana runs
// here), with node:crypto doing the cryptography:
// - pkg/services/auth/jwt/auth.go, Verify: strip "=" padding (sanitizeJWT), jwt.ParseSigned with an
//   allow-list of algorithms ("none" is not on it), keys = keySet.Key(header kid) ("no keys found" when
//   empty), the first key that verifies the signature wins, then validateClaims.
// - pkg/services/auth/jwt/key_sets.go: jwk_set_url / jwk_set_file give a jose.JSONWebKeySet, whose Key(kid)
//   returns the keys with exactly that kid; an http(s) key set honours Cache-Control max-age.
// - pkg/services/auth/jwt/validation.go (validateClaims): iss/sub strings, aud string or array of strings,
//   exp/nbf/iat numbers, then go-jose's Claims.Validate (default leeway one minute) against expect_claims'
//   iss/sub/aud, and every other expect_claims entry must be deeply equal.
// - pkg/services/authn/clients/jwt.go (Authenticate): a non-empty "sub" is mandatory; login from
//   username_claim, email from email_claim, name from "name", the role from role_attribute_path (JMESPath);
//   no login and no email is an error. url_login reads the token from ?auth_token=.
import { createPublicKey, verify } from 'node:crypto';

/** auth.go's allow-list for jwt.ParseSigned. */
export const GRAFANA_ALLOWED_ALGORITHMS = ['EdDSA', 'HS256', 'HS384', 'HS512', 'RS512', 'RS256', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'];
/** go-jose jwt.DefaultLeeway. */
export const GO_JOSE_LEEWAY_SECONDS = 60;

export interface GrafanaJwtSettings {
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

export function grafanaAuthenticate(rawToken: string, settings: GrafanaJwtSettings): GrafanaIdentity {
  const token = rawToken.replace(/^Bearer /, '').replaceAll('=', '');
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('go-jose: compact JWS format must have three parts');
  const header = decode(parts[0]);
  if (!GRAFANA_ALLOWED_ALGORITHMS.includes(header.alg)) throw new Error(`go-jose: unexpected signature algorithm "${header.alg}"`);

  const keys = settings.jwks.keys.filter((key) => (key.kid ?? '') === (header.kid ?? ''));
  if (keys.length === 0) throw new Error('no keys found');
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const verified = keys.some((jwk) => {
    // go-jose refuses a key whose type does not fit the algorithm; only RSA keys and RS256 are served here.
    if (jwk.kty !== 'RSA' || header.alg !== 'RS256' || (jwk.alg !== undefined && jwk.alg !== header.alg)) return false;
    return verify('sha256', signingInput, createPublicKey({ key: jwk as any, format: 'jwk' }), signature);
  });
  if (!verified) throw new Error('go-jose: error in cryptographic primitive');
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
