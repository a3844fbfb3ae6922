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
      if (!['email', 'orgRole', 'members'].includes(key)) fail(`teams.${name}.${key}`, 'unknown key (email, orgRole, members)');
    }
    const orgRole = settings?.orgRole;
    if (!ORG_ROLES.includes(orgRole as OrgRole)) fail(`teams.${name}.orgRole`, `must be one of ${ORG_ROLES.join(', ')}`);
    const members = settings?.members;
    if (members !== undefined && !(Array.isArray(members) && members.every((member) => typeof member === 'string'))) {
      fail(`teams.${name}.members`, 'must be a list of logins');
    }
    return { name, orgRole: orgRole as OrgRole, ...(typeof settings?.email === 'string' && { email: settings.email }), ...(members !== undefined && { members: members as string[] }) };
  });
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
