// The roles command against a real Grafana: with a fresh Admin service account token it applies
// provisioning/roles.yaml, and a second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@grafana/plugin-e2e';
import { applyRoles } from '../src/roles/applyRoles';
import { GrafanaApi } from '../src/roles/grafanaApi';
import { parseRolesFile } from '../src/roles/rolesFile';

test.beforeEach(() => {
  test.skip(process.env.GRAFANA_REACHABLE !== '1', `SKIPPED: no Grafana at ${process.env.GRAFANA_URL || 'http://localhost:3000'} — run docker compose up -d`);
});

test('grafana:roles applies the roles file and is idempotent', async ({ page }) => {
  const baseUrl = process.env.GRAFANA_URL || 'http://localhost:3000';
  const account = await page.request.post('/api/serviceaccounts', { data: { name: `roles-e2e-${Date.now()}`, role: 'Admin' } });
  expect(account.ok()).toBe(true);
  const { id } = (await account.json()) as { id: number };
  try {
    const token = await page.request.post(`/api/serviceaccounts/${id}/tokens`, { data: { name: 'roles-e2e' } });
    const { key } = (await token.json()) as { key: string };
    const spec = parseRolesFile(readFileSync(join(__dirname, '..', '..', 'provisioning', 'roles.yaml'), 'utf8'));
    const api = new GrafanaApi(baseUrl, key);

    const first = await applyRoles(spec, api);
    expect(first.warnings).toEqual([]);
    const second = await applyRoles(spec, api);
    expect(second.changed).toEqual([]);

    const teams = await page.request.get('/api/teams/search?perpage=100');
    const names = ((await teams.json()) as { teams: { name: string }[] }).teams.map((team) => team.name);
    expect(names).toEqual(expect.arrayContaining(['Admin', 'Analyst', 'Trader', 'Developer']));
  } finally {
    await page.request.delete(`/api/serviceaccounts/${id}`);
  }
});
