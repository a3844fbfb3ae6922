// The declarative roles file (provisioning/roles.yaml): teams with a basic role and members, and per folder
// which team may View, Edit or administer it. Validation names the offending key.
import { parse } from 'yaml';

export const ORG_ROLES = ['Viewer', 'Editor', 'Admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const FOLDER_PERMISSIONS = ['View', 'Edit', 'Admin'] as const;
export type FolderPermission = (typeof FOLDER_PERMISSIONS)[number];

/** Grafana's numeric folder permission levels. */
export const PERMISSION_LEVEL: Record<FolderPermission, number> = { View: 1, Edit: 2, Admin: 4 };

export interface TeamSpec {
  name: string;
  email?: string;
  orgRole: OrgRole;
  /** Undefined: membership is not managed; an array: exactly these logins. */
  members?: string[];
  /**
   * Members come from the JWT `roles` claim instead (sign-in with Grafana's [auth.jwt]): everyone whose claim lists
   * this value. The same values decide the basic role through role_attribute_path (roles/jwtClaims.ts).
   */
  jwtRole?: string;
}

export interface RolesSpec {
  teams: TeamSpec[];
  /** folder title → team name → permission */
  folders: Record<string, Record<string, FolderPermission>>;
}

export class RolesFileError extends Error {}

function fail(path: string, message: string): never {
  throw new RolesFileError(`roles file: ${path}: ${message}`);
}

export function parseRolesFile(text: string): RolesSpec {
  const raw = parse(text) as { teams?: Record<string, Record<string, unknown>>; folders?: Record<string, Record<string, unknown>> } | null;
  if (!raw?.teams || typeof raw.teams !== 'object') fail('teams', 'is required (a map of team name to settings)');
  const teams: TeamSpec[] = Object.entries(raw.teams).map(([name, settings]) => {
    for (const key of Object.keys(settings ?? {})) {
      if (!['email', 'orgRole', 'members', 'jwtRole'].includes(key)) fail(`teams.${name}.${key}`, 'unknown key (email, orgRole, members, jwtRole)');
    }
    const orgRole = settings?.orgRole;
    if (!ORG_ROLES.includes(orgRole as OrgRole)) fail(`teams.${name}.orgRole`, `must be one of ${ORG_ROLES.join(', ')}`);
    const members = settings?.members;
    if (members !== undefined && !(Array.isArray(members) && members.every((member) => typeof member === 'string'))) {
      fail(`teams.${name}.members`, 'must be a list of logins');
    }
    const jwtRole = settings?.jwtRole;
    if (jwtRole !== undefined && !(typeof jwtRole === 'string' && /^[a-z][a-z0-9_-]*$/.test(jwtRole))) {
      fail(`teams.${name}.jwtRole`, 'must be a lower-case role name as the JWT roles claim carries it (e.g. trader)');
    }
    if (jwtRole !== undefined && members !== undefined) fail(`teams.${name}`, 'set members or jwtRole, not both');
    return {
      name,
      orgRole: orgRole as OrgRole,
      ...(typeof settings?.email === 'string' && { email: settings.email }),
      ...(members !== undefined && { members: members as string[] }),
      ...(jwtRole !== undefined && { jwtRole: jwtRole as string }),
    };
  });
  const jwtRoles = teams.flatMap((team) => (team.jwtRole ? [team.jwtRole] : []));
  if (new Set(jwtRoles).size !== jwtRoles.length) fail('teams', 'a jwtRole may belong to one team only');
  const folders: RolesSpec['folders'] = {};
  for (const [title, grants] of Object.entries(raw.folders ?? {})) {
    folders[title] = {};
    for (const [team, permission] of Object.entries(grants ?? {})) {
      if (!teams.some((candidate) => candidate.name === team)) fail(`folders.${title}.${team}`, 'is not a team defined under teams');
      if (!FOLDER_PERMISSIONS.includes(permission as FolderPermission)) fail(`folders.${title}.${team}`, `must be one of ${FOLDER_PERMISSIONS.join(', ')}`);
      folders[title][team] = permission as FolderPermission;
    }
  }
  return { teams, folders };
}
