// Reads Grafana's current teams, members, roles and folder permissions, plans the difference to the roles
// file and applies it. Returns one line per change, so the command can print exactly what it did.
import type { GrafanaApi } from './grafanaApi';
import { describeChange, missingTeams, planAccess, type GrafanaAccessState, type Team } from './plan';
import type { RolesSpec } from './rolesFile';

export interface ApplyResult {
  changed: string[];
  warnings: string[];
}

export async function applyRoles(spec: RolesSpec, api: GrafanaApi, options: { dryRun?: boolean } = {}): Promise<ApplyResult> {
  const changed: string[] = [];
  const teams: Team[] = [];
  for (const team of spec.teams) {
    const found = await api.findTeam(team.name);
    if (found) teams.push({ id: found.id, name: found.name });
  }
  for (const team of missingTeams(spec, teams)) {
    changed.push(`team ${team.name}: created`);
    // A dry run plans against a placeholder id; nothing is sent.
    teams.push({ id: options.dryRun ? -teams.length - 1 : await api.createTeam(team.name, team.email), name: team.name });
  }

  const state: GrafanaAccessState = { teams, members: {}, orgUsers: await api.orgUsers(), folders: await api.folders(), folderPermissions: {} };
  for (const team of teams) state.members[team.id] = team.id > 0 ? await api.teamMembers(team.id) : [];
  for (const folder of state.folders.filter((candidate) => candidate.title in spec.folders)) {
    state.folderPermissions[folder.uid] = await api.folderPermissions(folder.uid);
  }

  const plan = planAccess(spec, state);
  for (const change of plan.changes) {
    if (!options.dryRun) {
      switch (change.kind) {
        case 'addMember':
          await api.addTeamMember(change.teamId, change.userId);
          break;
        case 'removeMember':
          await api.removeTeamMember(change.teamId, change.userId);
          break;
        case 'setOrgRole':
          await api.setOrgRole(change.userId, change.to);
          break;
        case 'setFolderPermissions':
          await api.setFolderPermissions(change.folderUid, change.items);
          break;
      }
    }
    changed.push(describeChange(change));
  }
  return { changed, warnings: plan.warnings };
}
