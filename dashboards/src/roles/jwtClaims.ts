// Sign-in with AlphaPulse's JWTs through Grafana's own [auth.jwt], and team membership from the same claim.
//
// Grafana's side, read from grafana/grafana (tests/src/roles*.test.ts pin it; docs/grafana-behaviour.md):
// - pkg/services/authn/clients/jwt.go: the token comes from the `header_name` header, or with `url_login` from the
//   `auth_token` URL parameter ("Bearer " stripped); `sub` is mandatory; login = claims[username_claim], email =
//   claims[email_claim], name = claims.name; the basic role is role_attribute_path evaluated as JMESPath over the
//   claims (util.SearchJSONForStringAttr); auto_sign_up creates unknown users. Team sync from groups is not OSS,
//   so the roles command puts users into teams.
// - pkg/services/auth/jwt/auth.go: the signature algorithm must be one Grafana accepts (ES256 in every version we
//   read; newer ones add RS256 and others), the key is looked up by the token's `kid`.
// - pkg/services/auth/jwt/key_sets.go: jwk_set_url must be https unless Grafana runs with app_mode development.
// - pkg/services/auth/jwt/validation.go: expect_claims checks iss/sub/aud and any other claim for equality; exp/nbf
//   are validated when present.
import { ORG_ROLES, type OrgRole, type RolesSpec, type TeamSpec } from './rolesFile';

/** The claims our tokens carry and Grafana reads (the emulator issues them: sub, preferred_username, email, name, roles, iss, aud). */
export const JWT_CLAIMS = { login: 'preferred_username', email: 'email', roles: 'roles' } as const;

/** The demo users the emulator issues tokens for (GET /auth/token?user=…). */
export const DEMO_JWT_USERS = ['trader', 'analyst', 'developer', 'admin'] as const;

/**
 * role_attribute_path for Grafana: the highest basic role of any team whose jwtRole the `roles` claim lists;
 * `None` (no basic role) for a token with none of them. `roles || []` keeps a token without the claim from being a
 * JMESPath error (contains() of null).
 */
export function roleAttributePath(spec: RolesSpec): string {
  const byRank = [...ORG_ROLES].reverse();
  const branches = byRank.flatMap((role) =>
    spec.teams.filter((team) => team.orgRole === role && team.jwtRole).map((team) => `contains(${JWT_CLAIMS.roles} || \`[]\`, '${team.jwtRole}') && '${role}'`),
  );
  return [...branches, "'None'"].join(' || ');
}

/** The basic role the file means for a user with these roles (what role_attribute_path must evaluate to). */
export function intendedOrgRole(spec: RolesSpec, roles: string[]): OrgRole | 'None' {
  const ranks = spec.teams.filter((team) => team.jwtRole && roles.includes(team.jwtRole)).map((team) => ORG_ROLES.indexOf(team.orgRole));
  return ranks.length ? ORG_ROLES[Math.max(...ranks)] : 'None';
}

export type JwtClaims = Record<string, unknown>;

/** The payload of a compact JWS, not verified: only for reading our own emulator's demo tokens. */
export function decodeJwtPayload(token: string): JwtClaims {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('not a compact JWT (header.payload.signature)');
  const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('JWT payload is not a JSON object');
  return payload as JwtClaims;
}

function rolesOf(claims: JwtClaims): string[] {
  const roles = claims[JWT_CLAIMS.roles];
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

/** The file with members of every jwtRole team taken from the users' claims (login = preferred_username, as Grafana's). */
export function withMembersFromClaims(spec: RolesSpec, users: JwtClaims[]): RolesSpec {
  const login = (claims: JwtClaims) => (typeof claims[JWT_CLAIMS.login] === 'string' ? (claims[JWT_CLAIMS.login] as string) : undefined);
  const teams: TeamSpec[] = spec.teams.map((team) =>
    team.jwtRole
      ? { ...team, members: users.filter((claims) => rolesOf(claims).includes(team.jwtRole!)).flatMap((claims) => login(claims) ?? []).sort() }
      : team,
  );
  return { ...spec, teams };
}

/** Claims of the emulator's demo users, read from its token endpoint. */
export async function fetchDemoClaims(emulatorUrl: string, users: readonly string[] = DEMO_JWT_USERS, timeoutMs = 10_000): Promise<JwtClaims[]> {
  const base = emulatorUrl.replace(/\/+$/, '');
  return Promise.all(
    users.map(async (user) => {
      // A hung emulator must not hang the roles command.
      const response = await fetch(`${base}/auth/token?user=${encodeURIComponent(user)}`, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`GET /auth/token?user=${user}: ${response.status} ${response.statusText}`);
      const text = await response.text();
      // The endpoint may answer the bare token or JSON carrying it.
      let token = text.trim();
      if (token.startsWith('{')) {
        const body = JSON.parse(token) as { token?: string; access_token?: string; id_token?: string };
        token = body.token ?? body.access_token ?? body.id_token ?? '';
      }
      return decodeJwtPayload(token);
    }),
  );
}

/** Grafana's [auth.jwt] settings for compose (GF_AUTH_JWT_*), apart from the switch, the JWKS URL and expect_claims. */
export function grafanaJwtEnv(spec: RolesSpec): Record<string, string> {
  return {
    GF_AUTH_JWT_HEADER_NAME: 'X-JWT-Assertion',
    GF_AUTH_JWT_URL_LOGIN: 'true',
    GF_AUTH_JWT_USERNAME_CLAIM: JWT_CLAIMS.login,
    GF_AUTH_JWT_EMAIL_CLAIM: JWT_CLAIMS.email,
    GF_AUTH_JWT_ROLE_ATTRIBUTE_PATH: roleAttributePath(spec),
    GF_AUTH_JWT_AUTO_SIGN_UP: 'true',
    GF_AUTH_JWT_CACHE_TTL: '10m',
  };
}
