// The roles command against a small in-memory model of Grafana's HTTP API. A model, not Grafana: Grafana
// cannot run on this machine. It implements only the endpoints the command uses, with the request and
// response shapes of Grafana's documented HTTP API (teams, team members, org users, folders, folder
// permissions), so the test can assert the exact calls and that a second run changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_FOLDERS, FOLDERS, GrafanaApi, REPO_ROOT, RolesFileError, applyRoles, parseRolesFile, planAccess, type RolesSpec } from '@alphapulse/dashboards';

/** Dashboard folders and the alert rules' own folders, in roles-file order. */
const ALL_FOLDERS: string[] = [...Object.values(FOLDERS), ...Object.values(ALERT_FOLDERS)];

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

interface ModelState {
  teams: { id: number; name: string; email?: string }[];
  members: Record<number, number[]>;
  users: { userId: number; login: string; role: string }[];
  folders: { uid: string; title: string }[];
  permissions: Record<string, { teamId?: number; role?: string; userId?: number; permission: number }[]>;
}

function grafanaModel(state: ModelState) {
  const calls: Call[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://grafana');
      const body = text ? JSON.parse(text) : undefined;
      calls.push({ method: request.method!, path: url.pathname + url.search, ...(body !== undefined && { body }) });
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.headers.authorization !== 'Bearer test-token') return send(401, { message: 'Unauthorized' });
      const path = url.pathname;
      let match: RegExpExecArray | null;
      if (request.method === 'GET' && path === '/api/teams/search') {
        const teams = state.teams.filter((team) => team.name === url.searchParams.get('name'));
        return send(200, { totalCount: teams.length, teams, page: 1, perPage: 100 });
      }
      if (request.method === 'POST' && path === '/api/teams') {
        const id = state.teams.length + 1;
        state.teams.push({ id, name: body.name, email: body.email });
        state.members[id] = [];
        return send(200, { message: 'Team created', teamId: id });
      }
      if ((match = /^\/api\/teams\/(\d+)\/members$/.exec(path))) {
        const id = Number(match[1]);
        if (request.method === 'GET') {
          return send(200, (state.members[id] ?? []).map((userId) => ({ userId, teamId: id, login: state.users.find((user) => user.userId === userId)!.login })));
        }
        state.members[id] = [...(state.members[id] ?? []), body.userId];
        return send(200, { message: 'Member added to Team' });
      }
      if ((match = /^\/api\/teams\/(\d+)\/members\/(\d+)$/.exec(path)) && request.method === 'DELETE') {
        state.members[Number(match[1])] = state.members[Number(match[1])].filter((userId) => userId !== Number(match![2]));
        return send(200, { message: 'Team Member removed' });
      }
      if (request.method === 'GET' && path === '/api/org/users') return send(200, state.users);
      if ((match = /^\/api\/org\/users\/(\d+)$/.exec(path)) && request.method === 'PATCH') {
        state.users.find((user) => user.userId === Number(match![1]))!.role = body.role;
        return send(200, { message: 'Organization user updated' });
      }
      if (request.method === 'GET' && path === '/api/folders') return send(200, state.folders.map((folder) => ({ id: 1, ...folder })));
      if ((match = /^\/api\/folders\/([^/]+)\/permissions$/.exec(path))) {
        if (request.method === 'GET') return send(200, state.permissions[match[1]] ?? []);
        // Grafana lists org admins' implicit access but never stores it from this call.
        state.permissions[match[1]] = [{ role: 'Admin', permission: 4 }, ...body.items];
        return send(200, { message: 'Folder permissions updated' });
      }
      return send(404, { message: `not in the model: ${request.method} ${path}` });
    });
  });
  return { server, calls };
}

const DEFAULT_GRANTS = [
  { role: 'Admin', permission: 4 },
  { role: 'Editor', permission: 2 },
  { role: 'Viewer', permission: 1 },
];

function freshGrafana(): ModelState {
  const folders = ALL_FOLDERS.map((title, index) => ({ uid: `folder-${index}`, title }));
  return {
    teams: [{ id: 1, name: 'Trader' }],
    members: { 1: [5] },
    users: [
      { userId: 1, login: 'admin', role: 'Admin' },
      { userId: 2, login: 'ada', role: 'Viewer' },
      { userId: 3, login: 'dev', role: 'Viewer' },
      { userId: 4, login: 'tia', role: 'Editor' },
      { userId: 5, login: 'mallory', role: 'Viewer' },
    ],
    folders,
    permissions: Object.fromEntries(folders.map((folder) => [folder.uid, DEFAULT_GRANTS.map((grant) => ({ ...grant }))])),
  };
}

const committedSpec = parseRolesFile(readFileSync(join(REPO_ROOT, 'provisioning', 'roles.yaml'), 'utf8'));

function withMembers(spec: RolesSpec): RolesSpec {
  const members: Record<string, string[]> = { Admin: [], Analyst: ['ada'], Trader: ['tia'], Developer: ['dev'] };
  return { ...spec, teams: spec.teams.map((team) => ({ ...team, members: members[team.name] })) };
}

describe('grafana:roles against a model of the Grafana HTTP API', () => {
  let model: ReturnType<typeof grafanaModel>;
  let state: ModelState;
  let api: GrafanaApi;

  beforeEach(async () => {
    state = freshGrafana();
    model = grafanaModel(state);
    await new Promise<void>((resolve) => model.server.listen(0, '127.0.0.1', resolve));
    api = new GrafanaApi(`http://127.0.0.1:${(model.server.address() as AddressInfo).port}`, 'test-token');
  });
  afterEach(() => new Promise<void>((resolve) => model.server.close(() => resolve())));

  const mutations = () => model.calls.filter((call) => call.method !== 'GET');

  test('first run creates the teams, fixes membership and roles, and replaces the folder permissions', async () => {
    const result = await applyRoles(withMembers(committedSpec), api);

    expect(mutations()).toEqual([
      { method: 'POST', path: '/api/teams', body: { name: 'Admin', email: 'alphapulse-admins@alphapulse.local' } },
      { method: 'POST', path: '/api/teams', body: { name: 'Analyst', email: 'alphapulse-analysts@alphapulse.local' } },
      { method: 'POST', path: '/api/teams', body: { name: 'Developer', email: 'alphapulse-developers@alphapulse.local' } },
      { method: 'POST', path: '/api/teams/3/members', body: { userId: 2 } },
      { method: 'POST', path: '/api/teams/1/members', body: { userId: 4 } },
      { method: 'DELETE', path: '/api/teams/1/members/5' },
      { method: 'POST', path: '/api/teams/4/members', body: { userId: 3 } },
      { method: 'PATCH', path: '/api/org/users/4', body: { role: 'Viewer' } },
      { method: 'PATCH', path: '/api/org/users/3', body: { role: 'Editor' } },
      // Overview: Trader(1) View, Admin(2) Admin, Analyst(3) View, Developer(4) View
      { method: 'POST', path: '/api/folders/folder-0/permissions', body: { items: [{ teamId: 1, permission: 1 }, { teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }, { teamId: 4, permission: 1 }] } },
      { method: 'POST', path: '/api/folders/folder-1/permissions', body: { items: [{ teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }, { teamId: 4, permission: 2 }] } },
      { method: 'POST', path: '/api/folders/folder-2/permissions', body: { items: [{ teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }, { teamId: 4, permission: 2 }] } },
      { method: 'POST', path: '/api/folders/folder-3/permissions', body: { items: [{ teamId: 1, permission: 1 }, { teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }] } },
      // The alert folders, as Services and Trading.
      { method: 'POST', path: '/api/folders/folder-4/permissions', body: { items: [{ teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }, { teamId: 4, permission: 2 }] } },
      { method: 'POST', path: '/api/folders/folder-5/permissions', body: { items: [{ teamId: 1, permission: 1 }, { teamId: 2, permission: 4 }, { teamId: 3, permission: 1 }] } },
    ]);
    expect(result.changed).toEqual([
      'team Admin: created',
      'team Analyst: created',
      'team Developer: created',
      'team Analyst: add ada',
      'team Trader: add tia',
      'team Trader: remove mallory',
      'team Developer: add dev',
      'user tia: org role Editor → Viewer',
      'user dev: org role Viewer → Editor',
      'folder Overview: permissions set to Admin=Admin, Analyst=View, Trader=View, Developer=View (nothing else)',
      'folder Services: permissions set to Admin=Admin, Analyst=View, Developer=Edit (nothing else)',
      'folder Database: permissions set to Admin=Admin, Analyst=View, Developer=Edit (nothing else)',
      'folder Trading: permissions set to Admin=Admin, Analyst=View, Trader=View (nothing else)',
      'folder Services alerts: permissions set to Admin=Admin, Analyst=View, Developer=Edit (nothing else)',
      'folder Trading alerts: permissions set to Admin=Admin, Analyst=View, Trader=View (nothing else)',
    ]);
    expect(result.warnings).toEqual([]);
    // Traders no longer see the Services folder: its only grants are teams they are not in.
    expect(state.permissions['folder-1'].some((item) => item.role === 'Viewer')).toBe(false);
  });

  test('second run changes nothing and only reads', async () => {
    await applyRoles(withMembers(committedSpec), api);
    model.calls.length = 0;
    const second = await applyRoles(withMembers(committedSpec), api);
    expect(second.changed).toEqual([]);
    expect(mutations()).toEqual([]);
    expect(model.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/teams/search?name=Admin&perpage=100',
      'GET /api/teams/search?name=Analyst&perpage=100',
      'GET /api/teams/search?name=Trader&perpage=100',
      'GET /api/teams/search?name=Developer&perpage=100',
      'GET /api/org/users',
      'GET /api/folders?limit=1000',
      'GET /api/teams/2/members',
      'GET /api/teams/3/members',
      'GET /api/teams/1/members',
      'GET /api/teams/4/members',
      'GET /api/folders/folder-0/permissions',
      'GET /api/folders/folder-1/permissions',
      'GET /api/folders/folder-2/permissions',
      'GET /api/folders/folder-3/permissions',
      'GET /api/folders/folder-4/permissions',
      'GET /api/folders/folder-5/permissions',
    ]);
  });

  test('a dry run reports the plan and sends nothing', async () => {
    const result = await applyRoles(committedSpec, api, { dryRun: true });
    expect(mutations()).toEqual([]);
    expect(result.changed).toContain('team Admin: created');
    expect(result.changed.filter((line) => line.startsWith('folder '))).toHaveLength(ALL_FOLDERS.length);
  });

  test('without members in the file, membership and roles are left alone', async () => {
    await applyRoles(committedSpec, api);
    expect(mutations().filter((call) => call.path.includes('/members') || call.path.startsWith('/api/org/users'))).toEqual([]);
    expect(state.members[1]).toEqual([5]);
  });

  test('a wrong token fails with the HTTP status', async () => {
    const bad = new GrafanaApi(`http://127.0.0.1:${(model.server.address() as AddressInfo).port}`, 'wrong');
    await expect(applyRoles(committedSpec, bad)).rejects.toThrow('HTTP 401');
  });
});

describe('the roles file', () => {
  test('maps the four audiences onto the provisioned folders', () => {
    expect(committedSpec.teams.map((team) => [team.name, team.orgRole])).toEqual([
      ['Admin', 'Admin'],
      ['Analyst', 'Viewer'],
      ['Trader', 'Viewer'],
      ['Developer', 'Editor'],
    ]);
    expect(Object.keys(committedSpec.folders).sort()).toEqual([...ALL_FOLDERS].sort());
    for (const grants of Object.values(committedSpec.folders)) {
      expect(grants.Admin).toBe('Admin');
      expect(grants.Analyst).toBe('View');
    }
    expect(committedSpec.folders.Trading.Trader).toBe('View');
    expect(committedSpec.folders.Services.Trader).toBeUndefined();
    expect(committedSpec.folders.Services.Developer).toBe('Edit');
    expect(committedSpec.folders.Database.Developer).toBe('Edit');
    // An alert folder grants what its dashboard folder grants.
    expect(committedSpec.folders[ALERT_FOLDERS.services]).toEqual(committedSpec.folders.Services);
    expect(committedSpec.folders[ALERT_FOLDERS.trading]).toEqual(committedSpec.folders.Trading);
  });

  test('errors name the bad key', () => {
    expect(() => parseRolesFile('teams:\n  Ops:\n    orgRole: Owner\n')).toThrow(new RolesFileError('roles file: teams.Ops.orgRole: must be one of Viewer, Editor, Admin'));
    expect(() => parseRolesFile('teams:\n  Ops:\n    orgRole: Viewer\nfolders:\n  Trading:\n    Quants: View\n')).toThrow('folders.Trading.Quants: is not a team defined under teams');
    expect(() => parseRolesFile('teams:\n  Ops:\n    orgRole: Viewer\n    colour: red\n')).toThrow('teams.Ops.colour: unknown key');
  });

  test('a missing folder or user is a warning, not a failure', () => {
    const plan = planAccess(withMembers(committedSpec), { teams: [{ id: 1, name: 'Analyst' }], members: {}, orgUsers: [], folders: [], folderPermissions: {} });
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([
      'user "ada" (team Analyst) is not in this organisation: invite or sign them in first',
      ...ALL_FOLDERS.map((title) => `folder "${title}" does not exist yet: start Grafana with the provisioned dashboards, then run again`),
    ]);
  });
});
