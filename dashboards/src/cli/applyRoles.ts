// `npm run grafana:roles [-- --dry-run] [-- --file path] [-- --jwt-claims-from http://127.0.0.1:8100]`: applies
// provisioning/roles.yaml to the Grafana at GRAFANA_URL with the service account token GRAFANA_TOKEN, printing
// every change it makes. --jwt-claims-from fills the jwtRole teams from the emulator's demo users' JWT claims.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../grafana/generatedFiles';
import { applyRoles } from '../roles/applyRoles';
import { fetchDemoClaims, withMembersFromClaims } from '../roles/jwtClaims';
import { GrafanaApi } from '../roles/grafanaApi';
import { parseRolesFile } from '../roles/rolesFile';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileFlag = args.indexOf('--file');
  const file = fileFlag >= 0 ? args[fileFlag + 1] : join(REPO_ROOT, 'provisioning', 'roles.yaml');
  const dryRun = args.includes('--dry-run');
  const url = process.env.GRAFANA_URL ?? 'http://localhost:3000';
  const token = process.env.GRAFANA_TOKEN;
  if (!token) {
    console.error('GRAFANA_TOKEN is not set: create a service account with the Admin role in Grafana (Administration → Service accounts) and export its token.');
    process.exit(2);
  }
  const claimsFlag = args.indexOf('--jwt-claims-from');
  const fileSpec = parseRolesFile(readFileSync(file, 'utf8'));
  const spec = claimsFlag >= 0 ? withMembersFromClaims(fileSpec, await fetchDemoClaims(args[claimsFlag + 1] ?? 'http://127.0.0.1:8100')) : fileSpec;
  const result = await applyRoles(spec, new GrafanaApi(url, token), { dryRun });
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (result.changed.length === 0) console.log(`${url}: roles already match ${file}; nothing changed.`);
  for (const line of result.changed) console.log(`${dryRun ? 'would change' : 'changed'}: ${line}`);
}

main().catch((err: Error) => {
  console.error(`grafana:roles failed: ${err.message}`);
  process.exit(1);
});
