// The few Grafana HTTP API calls the roles command needs (OSS, org-scoped: a service account token works).
import type { Folder, OrgUser, PermissionItem, Team } from './plan';

export class GrafanaApiError extends Error {}

export class GrafanaApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    const response = await this.fetchImpl(url, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((err: Error) => {
      throw new GrafanaApiError(`${method} ${url}: ${(err.cause as Error | undefined)?.message ?? err.message} (is Grafana running at GRAFANA_URL?)`);
    });
    const text = await response.text();
    if (!response.ok) throw new GrafanaApiError(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async findTeam(name: string): Promise<Team | undefined> {
    const result = await this.call<{ teams: Team[] }>('GET', `/api/teams/search?${new URLSearchParams({ name, perpage: '100' })}`);
    return result.teams.find((team) => team.name === name);
  }

  async createTeam(name: string, email?: string): Promise<number> {
    const result = await this.call<{ teamId: number }>('POST', '/api/teams', { name, ...(email && { email }) });
    return result.teamId;
  }

  teamMembers(teamId: number): Promise<{ userId: number; login: string }[]> {
    return this.call('GET', `/api/teams/${teamId}/members`);
  }

  addTeamMember(teamId: number, userId: number): Promise<unknown> {
    return this.call('POST', `/api/teams/${teamId}/members`, { userId });
  }

  removeTeamMember(teamId: number, userId: number): Promise<unknown> {
    return this.call('DELETE', `/api/teams/${teamId}/members/${userId}`);
  }

  orgUsers(): Promise<OrgUser[]> {
    return this.call('GET', '/api/org/users');
  }

  setOrgRole(userId: number, role: string): Promise<unknown> {
    return this.call('PATCH', `/api/org/users/${userId}`, { role });
  }

  folders(): Promise<Folder[]> {
    return this.call('GET', '/api/folders?limit=1000');
  }

  folderPermissions(uid: string): Promise<PermissionItem[]> {
    return this.call('GET', `/api/folders/${encodeURIComponent(uid)}/permissions`);
  }

  /** Replaces the folder's whole permission list (Grafana's default Viewer/Editor grants included). */
  setFolderPermissions(uid: string, items: { teamId: number; permission: number }[]): Promise<unknown> {
    return this.call('POST', `/api/folders/${encodeURIComponent(uid)}/permissions`, { items });
  }
}
