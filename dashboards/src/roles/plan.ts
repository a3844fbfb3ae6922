// What must change in Grafana to match the roles file: pure, so the exact plan is testable and a second
// run against the result plans nothing.
import { PERMISSION_LEVEL, ORG_ROLES, type OrgRole, type RolesSpec } from './rolesFile';

export interface Team {
  id: number;
  name: string;
}
export interface OrgUser {
  userId: number;
  login: string;
  role: OrgRole | string;
}
export interface PermissionItem {
  teamId?: number;
  userId?: number;
  role?: string;
  permission: number;
}
export interface Folder {
  uid: string;
  title: string;
}

export interface GrafanaAccessState {
  teams: Team[];
  members: Record<number, { userId: number; login: string }[]>;
  orgUsers: OrgUser[];
  folders: Folder[];
  folderPermissions: Record<string, PermissionItem[]>;
}

export type Change =
  | { kind: 'addMember'; team: string; teamId: number; login: string; userId: number }
  | { kind: 'removeMember'; team: string; teamId: number; login: string; userId: number }
  | { kind: 'setOrgRole'; login: string; userId: number; from: string; to: OrgRole }
  | { kind: 'setFolderPermissions'; folderUid: string; folder: string; items: { teamId: number; permission: number }[]; summary: string };

export interface Plan {
  changes: Change[];
  warnings: string[];
}

/** Teams named in the file that Grafana does not have yet (created before the rest is planned). */
export function missingTeams(spec: RolesSpec, existing: Team[]): RolesSpec['teams'] {
  return spec.teams.filter((team) => !existing.some((candidate) => candidate.name === team.name));
}

const rank = (role: string) => ORG_ROLES.indexOf(role as OrgRole);

function permissionKey(item: PermissionItem): string {
  const who = item.teamId ? `team:${item.teamId}` : item.userId ? `user:${item.userId}` : `role:${item.role}`;
  return `${who}=${item.permission}`;
}

export function planAccess(spec: RolesSpec, state: GrafanaAccessState): Plan {
  const changes: Change[] = [];
  const warnings: string[] = [];
  const teamId = new Map(state.teams.map((team) => [team.name, team.id]));
  const userByLogin = new Map(state.orgUsers.map((user) => [user.login, user]));
  const wantedRole = new Map<string, OrgRole>();

  for (const team of spec.teams) {
    const id = teamId.get(team.name);
    if (id === undefined || team.members === undefined) continue;
    const current = state.members[id] ?? [];
    for (const login of team.members) {
      const user = userByLogin.get(login);
      if (!user) {
        warnings.push(`user "${login}" (team ${team.name}) is not in this organisation: invite or sign them in first`);
        continue;
      }
      const role = wantedRole.get(login);
      if (!role || rank(team.orgRole) > rank(role)) wantedRole.set(login, team.orgRole);
      if (!current.some((member) => member.userId === user.userId)) changes.push({ kind: 'addMember', team: team.name, teamId: id, login, userId: user.userId });
    }
    for (const member of current) {
      if (!team.members.includes(member.login)) changes.push({ kind: 'removeMember', team: team.name, teamId: id, login: member.login, userId: member.userId });
    }
  }

  for (const [login, role] of wantedRole) {
    const user = userByLogin.get(login)!;
    if (user.role !== role) changes.push({ kind: 'setOrgRole', login, userId: user.userId, from: user.role, to: role });
  }

  for (const [title, grants] of Object.entries(spec.folders)) {
    const folder = state.folders.find((candidate) => candidate.title === title);
    if (!folder) {
      warnings.push(`folder "${title}" does not exist yet: start Grafana with the provisioned dashboards, then run again`);
      continue;
    }
    const items = Object.entries(grants)
      .filter(([team]) => teamId.has(team))
      .map(([team, permission]) => ({ teamId: teamId.get(team)!, permission: PERMISSION_LEVEL[permission] }))
      .sort((a, b) => a.teamId - b.teamId);
    // Org admins always have access and Grafana lists them; they are not ours to set.
    const current = (state.folderPermissions[folder.uid] ?? []).filter((item) => item.role !== 'Admin');
    const same = current.map(permissionKey).sort().join(',') === items.map(permissionKey).sort().join(',');
    if (!same) {
      const summary = Object.entries(grants)
        .map(([team, permission]) => `${team}=${permission}`)
        .join(', ');
      changes.push({ kind: 'setFolderPermissions', folderUid: folder.uid, folder: title, items, summary });
    }
  }
  return { changes, warnings };
}

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'addMember':
      return `team ${change.team}: add ${change.login}`;
    case 'removeMember':
      return `team ${change.team}: remove ${change.login}`;
    case 'setOrgRole':
      return `user ${change.login}: org role ${change.from} → ${change.to}`;
    case 'setFolderPermissions':
      return `folder ${change.folder}: permissions set to ${change.summary} (nothing else)`;
  }
}
