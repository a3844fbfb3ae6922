// One demo user per AlphaPulse role (ALPHAPULSE.md "Roles"), for signing in to Grafana with a JWT.
// The `roles` claim is what Grafana's role_attribute_path maps to Admin/Editor/Viewer and what the roles
// command maps to the Trader/Analyst/Developer teams.

export const DEMO_ROLES = ['trader', 'analyst', 'developer', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoUser {
  /** JWT `sub`: Grafana's mandatory, stable user id (authn/clients/jwt.go refuses a token without it). */
  sub: string;
  /** `login` and `preferred_username`: for [auth.jwt] username_claim. */
  login: string;
  email: string;
  name: string;
  roles: DemoRole[];
}

export const DEMO_EMAIL_DOMAIN = 'alphapulse.example';

export const DEMO_USERS: Record<DemoRole, DemoUser> = Object.fromEntries(
  DEMO_ROLES.map((role) => [
    role,
    {
      sub: `alphapulse-demo-${role}`,
      login: `demo-${role}`,
      email: `demo-${role}@${DEMO_EMAIL_DOMAIN}`,
      name: `Demo ${role[0].toUpperCase()}${role.slice(1)}`,
      roles: [role],
    },
  ]),
) as Record<DemoRole, DemoUser>;

export function isDemoRole(value: unknown): value is DemoRole {
  return typeof value === 'string' && (DEMO_ROLES as readonly string[]).includes(value);
}
