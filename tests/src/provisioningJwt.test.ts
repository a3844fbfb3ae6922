// Sign-in with AlphaPulse's JWTs through Grafana's own [auth.jwt]. Grafana does not run here; what it does with
// the settings was read from grafana/grafana and is pinned below:
// - pkg/services/authn/clients/jwt.go: token from header_name, or with url_login from ?auth_token= ("Bearer "
//   stripped); `sub` required; login = claims[username_claim]; email = claims[email_claim]; role =
//   util.SearchJSONForStringAttr(role_attribute_path, claims), i.e. JMESPath (go-jmespath); auto_sign_up.
// - pkg/services/auth/jwt/key_sets.go: exactly one of key_file, jwk_set_file, jwk_set_url; an http jwk_set_url is
//   refused unless app_mode is development. validation.go: expect_claims is JSON (an empty string fails to parse).
// - pkg/services/auth/jwt/auth.go at 8ccd5f4b73b95a08934ac3e654cd610f9a8d95ff accepts ES256 tokens only; the
//   emulator signs ES256, and its real tokens are put through the ES256-only model of Grafana's checks
//   (simulator/test/support/grafanaJwt.ts) with the expect_claims of .env.example and the claims compose names.
// The JMESPath expression is evaluated for real with python3's jmespath (the JMESPath reference implementation;
// go-jmespath passes the same compliance suite). Without python3-jmespath the test fails under CI=true and says
// it was skipped otherwise.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  DEMO_JWT_USERS,
  REPO_ROOT,
  decodeJwtPayload,
  fetchDemoClaims,
  grafanaJwtEnv,
  intendedOrgRole,
  parseRolesFile,
  roleAttributePath,
  withMembersFromClaims,
  type JwtClaims,
} from '@alphapulse/dashboards';
// The simulator's package has no index to export these from: its source, as the other tests here import it.
import { DEMO_ROLES } from '../../simulator/src/auth/demoUsers';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, JwtIssuer } from '../../simulator/src/auth/jwtIssuer';
import { startEmulator } from '../../simulator/src/emulator';
import { grafanaAuthenticate } from '../../simulator/test/support/grafanaJwt';

const spec = parseRolesFile(readFileSync(join(REPO_ROOT, 'provisioning', 'roles.yaml'), 'utf8'));
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const grafanaEnvironment = compose.services.grafana.environment as Record<string, string>;
const envExample = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');

function python3HasJmespath(): boolean {
  try {
    execFileSync('python3', ['-c', 'import jmespath'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const haveJmespath = python3HasJmespath();
if (!haveJmespath) {
  if (process.env.CI === 'true') throw new Error('python3 with jmespath (Debian python3-jmespath) is required under CI=true');
  console.warn('python3 jmespath missing: role_attribute_path evaluation SKIPPED, not passed');
}

/** role_attribute_path over claims, as Grafana's SearchJSONForStringAttr does (JMESPath search, a string result). */
function jmespathSearch(expression: string, claims: JwtClaims): unknown {
  const out = execFileSync('python3', ['-c', 'import jmespath, json, sys; print(json.dumps(jmespath.search(sys.argv[1], json.loads(sys.argv[2]))))', expression, JSON.stringify(claims)], { encoding: 'utf8' });
  return JSON.parse(out);
}

const issuer = new JwtIssuer({ clock: { now: () => Date.now() } });
/** Claims shaped as the emulator issues them (its trader's, with this login and these roles). */
function demoClaims(user: string, roles: string[]): JwtClaims {
  return { ...issuer.claimsFor('trader'), sub: `alphapulse-demo-${user}`, login: user, preferred_username: user, email: `${user}@alphapulse.example`, name: user, roles };
}
/** .env.example's GRAFANA_JWT_EXPECT_CLAIMS, parsed as Grafana parses expect_claims (JSON). */
const expectClaims = JSON.parse(/^GRAFANA_JWT_EXPECT_CLAIMS='(.*)'$/m.exec(envExample)?.[1] ?? '') as Record<string, unknown>;

const describeJmespath = haveJmespath ? describe : describe.skip;

describeJmespath('role_attribute_path (JMESPath, evaluated for real)', () => {
  const expression = roleAttributePath(spec);

  test.each(DEMO_JWT_USERS.map((user) => [user]))('%s gets the basic role of the team the roles file gives that claim', (user) => {
    const team = spec.teams.find((candidate) => candidate.jwtRole === user)!;
    expect(jmespathSearch(expression, demoClaims(user, [user]))).toBe(team.orgRole);
  });

  test('the highest role wins for several roles; none known, or no roles claim, gives no basic role', () => {
    expect(jmespathSearch(expression, demoClaims('x', ['trader', 'developer']))).toBe('Editor');
    expect(jmespathSearch(expression, demoClaims('x', ['analyst', 'admin']))).toBe('Admin');
    expect(jmespathSearch(expression, demoClaims('x', ['intern']))).toBe('None');
    const { roles: _roles, ...withoutRoles } = demoClaims('x', []);
    expect(jmespathSearch(expression, withoutRoles)).toBe('None');
  });

  test('for every combination of roles it agrees with what the roles file means', () => {
    const known = spec.teams.flatMap((team) => (team.jwtRole ? [team.jwtRole] : []));
    for (let mask = 0; mask < 1 << known.length; mask++) {
      const roles = known.filter((_role, index) => mask & (1 << index));
      expect({ roles, role: jmespathSearch(expression, demoClaims('x', roles)) }).toEqual({ roles, role: intendedOrgRole(spec, roles) });
    }
  });
});

describe('compose switches Grafana’s [auth.jwt] on from .env, off by default', () => {
  test('off unless GRAFANA_JWT_ENABLED=true', () => {
    expect(grafanaEnvironment.GF_AUTH_JWT_ENABLED).toBe('${GRAFANA_JWT_ENABLED:-false}');
    expect(/^GRAFANA_JWT_ENABLED=(.*)$/m.exec(envExample)?.[1]).toBe('false');
  });

  test('settings equal the ones generated from the roles file (role_attribute_path included)', () => {
    for (const [key, value] of Object.entries(grafanaJwtEnv(spec))) expect({ key, value: grafanaEnvironment[key] }).toEqual({ key, value });
  });

  test('one key source, the JWKS URL: the emulator by default; an http URL needs app_mode development', () => {
    expect(grafanaEnvironment.GF_AUTH_JWT_JWK_SET_URL).toBe('${GRAFANA_JWT_JWK_SET_URL}');
    expect(grafanaEnvironment.GF_AUTH_JWT_KEY_FILE).toBeUndefined();
    expect(grafanaEnvironment.GF_AUTH_JWT_JWK_SET_FILE).toBeUndefined();
    expect(/^GRAFANA_JWT_JWK_SET_URL=(.*)$/m.exec(envExample)?.[1]).toBe('http://emulator:8100/auth/jwks.json');
    expect(grafanaEnvironment.GF_DEFAULT_APP_MODE).toBe('${GRAFANA_APP_MODE:-production}');
    expect(envExample).toMatch(/GRAFANA_APP_MODE=development/); // the documented demo switch
  });

  test('expect_claims is valid JSON with the issuer and audience the emulator issues', () => {
    expect(grafanaEnvironment.GF_AUTH_JWT_EXPECT_CLAIMS).toBe('${GRAFANA_JWT_EXPECT_CLAIMS}');
    expect(expectClaims).toEqual({ iss: DEFAULT_JWT_ISSUER, aud: DEFAULT_JWT_AUDIENCE });
    for (const role of DEMO_ROLES) {
      const { iss, aud } = issuer.claimsFor(role);
      expect({ role, iss, aud }).toEqual({ role, ...expectClaims });
    }
  });

  test('the running emulator’s tokens sign in through an ES256-only Grafana with exactly these settings', async () => {
    const emulator = await startEmulator({ basePort: 0, controlPort: 0 });
    try {
      const jwks = (await (await fetch(`${emulator.controlUrl}/auth/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
      expect(jwks.keys.map((key) => [key.kty, key.crv, key.alg])).toEqual([['EC', 'P-256', 'ES256']]);
      const roleAttribute = grafanaEnvironment.GF_AUTH_JWT_ROLE_ATTRIBUTE_PATH;
      for (const role of DEMO_ROLES) {
        const token = await (await fetch(`${emulator.controlUrl}/auth/token?user=${role}`)).text();
        const identity = grafanaAuthenticate(token, {
          version: 'es256-only',
          jwks,
          expectClaims,
          usernameClaim: grafanaEnvironment.GF_AUTH_JWT_USERNAME_CLAIM,
          emailClaim: grafanaEnvironment.GF_AUTH_JWT_EMAIL_CLAIM,
          role: (claims) => (haveJmespath ? (jmespathSearch(roleAttribute, claims as JwtClaims) as string) : 'not evaluated'),
          now: new Date(),
        });
        expect(identity).toMatchObject({ authId: `alphapulse-demo-${role}`, login: `demo-${role}`, email: `demo-${role}@alphapulse.example` });
        if (haveJmespath) expect({ role, orgRole: identity.role }).toEqual({ role, orgRole: intendedOrgRole(spec, [role]) });
      }
      // The roles command reads the same claims, and members are the logins Grafana signs in.
      const claims = await fetchDemoClaims(emulator.controlUrl);
      expect(claims.map((claim) => [claim.preferred_username, claim.iss, claim.aud])).toEqual(DEMO_ROLES.map((role) => [`demo-${role}`, expectClaims.iss, expectClaims.aud]));
      const members = Object.fromEntries(withMembersFromClaims(spec, claims).teams.map((team) => [team.jwtRole, team.members]));
      expect(members).toEqual(Object.fromEntries(DEMO_ROLES.map((role) => [role, [`demo-${role}`]])));
    } finally {
      await emulator.stop();
    }
  });
});

describe('teams from the same claim', () => {
  test('every audience team names the claim value that makes a member, once', () => {
    expect(spec.teams.map((team) => [team.name, team.jwtRole])).toEqual([
      ['Admin', 'admin'],
      ['Analyst', 'analyst'],
      ['Trader', 'trader'],
      ['Developer', 'developer'],
    ]);
  });

  test('members are the logins (preferred_username, Grafana’s username_claim) whose roles claim lists the team’s value', () => {
    const users = [demoClaims('tia', ['trader']), demoClaims('ada', ['analyst', 'trader']), demoClaims('dev', ['developer']), demoClaims('root', ['admin']), demoClaims('nobody', [])];
    const withMembers = withMembersFromClaims(spec, users);
    expect(Object.fromEntries(withMembers.teams.map((team) => [team.name, team.members]))).toEqual({ Admin: ['root'], Analyst: ['ada'], Trader: ['ada', 'tia'], Developer: ['dev'] });
  });

  test('a team may not take members from both the file and the claim', () => {
    expect(() => parseRolesFile('teams:\n  Ops:\n    orgRole: Viewer\n    members: [a]\n    jwtRole: ops\n')).toThrow('teams.Ops: set members or jwtRole, not both');
    expect(() => parseRolesFile('teams:\n  A:\n    orgRole: Viewer\n    jwtRole: x\n  B:\n    orgRole: Viewer\n    jwtRole: x\n')).toThrow('a jwtRole may belong to one team only');
  });

  test('the claims of the demo users are read from a token endpoint answering the bare token or JSON (ES256 tokens)', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es256 = (claims: JwtClaims) => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const input = `${encode({ alg: 'ES256', typ: 'JWT', kid: 'demo' })}.${encode(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    };
    const server = createServer((request, response) => {
      const user = new URL(request.url ?? '/', 'http://x').searchParams.get('user') ?? '';
      const token = es256(demoClaims(user, [user]));
      if (user === 'admin') response.setHeader('Content-Type', 'application/json').end(JSON.stringify({ token }));
      else response.end(token);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const claims = await fetchDemoClaims(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(claims.map((claim) => [claim.preferred_username, claim.roles])).toEqual(DEMO_JWT_USERS.map((user) => [user, [user]]));
      expect(decodeJwtPayload(es256({ sub: 's' }))).toEqual({ sub: 's' });
      expect(() => decodeJwtPayload('not-a-jwt')).toThrow('not a compact JWT');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

test('an emulator that accepts the request and never answers fails the roles command instead of hanging it', async () => {
  const hung = createServer(() => undefined); // never writes an answer
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    await expect(fetchDemoClaims(`http://127.0.0.1:${(hung.address() as AddressInfo).port}`, ['trader'], 300)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    hung.closeAllConnections();
    await new Promise((resolve) => hung.close(resolve));
  }
}, 30_000);
