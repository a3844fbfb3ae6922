// Folder identity, the PostgreSQL version entry and the table footer shape: what Grafana itself does with our
// provisioning, read from Grafana's source (cited per test; the table in docs/grafana-behaviour.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALERT_FOLDERS, ALERT_RULES_FILE, DASHBOARDS, FOLDERS, FOLDER_UIDS, GRAFANA_PROVISIONING_DIR, buildDashboards } from '@alphapulse/dashboards';
import { allPanels } from '../../dashboards/src/checks/dashboardQueries';

type Json = Record<string, any>;
const providers = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'dashboards', 'alphapulse.yaml'), 'utf8')).providers as Json[];
const ruleGroups = parse(readFileSync(ALERT_RULES_FILE, 'utf8')).groups as Json[];

describe('folders have a fixed identity', () => {
  // grafana/grafana pkg/services/provisioning/dashboards/file_reader.go getOrCreateFolder: with folderUid the
  // provider looks the folder up by UID and creates it with that UID; without, by title with a random UID.
  test('one dashboard provider per folder, each with its fixed folderUid and its own sub-folder', () => {
    expect(providers.map((p) => [p.folder, p.folderUid, p.options.path])).toEqual(
      Object.values(FOLDERS).map((title) => [title, FOLDER_UIDS[title], `\${GF_PATHS_PROVISIONING}/dashboards/alphapulse/${title}`]),
    );
  });

  // foldersFromFilesStructure would give every sub-folder the provider's one folderUid (or none): file_reader.go.
  test('no provider maps directories to folders', () => {
    for (const provider of providers) expect(provider.options.foldersFromFilesStructure).toBeFalsy();
  });

  // Folders and dashboards share one UID namespace (a folder is a dashboard row with is_folder in legacy storage).
  test('folder UIDs are unique and differ from every dashboard UID; names are unique', () => {
    const folderUids = Object.values(FOLDER_UIDS);
    expect(new Set(folderUids).size).toBe(folderUids.length);
    for (const { uid } of Object.values(DASHBOARDS)) expect(folderUids).not.toContain(uid);
    expect(new Set(providers.map((p) => p.name)).size).toBe(providers.length);
    for (const uid of folderUids) expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/); // Grafana's UID rule
  });

  // Alert-rule files name folders by title only (pkg/services/provisioning/alerting/rules_types.go AlertRuleGroupV1:
  // `folder`, no UID) and create a missing one with util.GenerateShortUID() (rules_provisioner.go
  // getOrCreateFolderByTitle); provisioning.go starting() runs ProvisionAlerting and the dashboards in parallel.
  // So no alert-rule folder may share a title with a dashboard folder.
  // EXPECTED TO FAIL until dashboards/src/alerting/rules.ts files its groups under ALERT_FOLDERS (owned elsewhere).
  test('alert rules live in their own folders, never a dashboard folder title', () => {
    const alertFolders = [...new Set(ruleGroups.map((group) => group.folder as string))].sort();
    expect(alertFolders).toEqual(Object.values(ALERT_FOLDERS).sort());
    for (const title of alertFolders) expect(Object.values(FOLDERS) as string[]).not.toContain(title);
  });
});

describe('PostgreSQL datasource', () => {
  // grafana/grafana public/app/plugins/datasource/grafana-postgresql-datasource/configuration/ConfigurationEditor.tsx
  // postgresVersions: the Version select offers exactly these values.
  const EDITOR_VERSIONS = [900, 901, 902, 903, 904, 905, 906, 1000, 1100, 1200, 1300, 1400, 1500];

  test('postgresVersion is an entry of the config editor list (the highest)', () => {
    const datasources = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'datasources', 'alphapulse.yaml'), 'utf8')).datasources as Json[];
    const version = datasources.find((ds) => ds.type === 'grafana-postgresql-datasource')!.jsonData.postgresVersion;
    expect(EDITOR_VERSIONS).toContain(version);
    expect(version).toBe(Math.max(...EDITOR_VERSIONS));
  });
});

describe('table panels in the Grafana 12 shape', () => {
  // The installed @grafana/schema 12.4 is generated from grafana/grafana packages/grafana-schema/src/common/table.cue:
  // its TableOptions (panel options) has no footer; TableFieldOptions (fieldConfig.defaults.custom) has footer.reducers.
  const schemaTypes = readFileSync(
    join(createRequire(__filename).resolve('@grafana/schema/package.json'), '..', 'dist', 'types', 'common', 'common.gen.d.ts'),
    'utf8',
  );
  function interfaceKeys(name: string): string[] {
    const body = schemaTypes.slice(schemaTypes.indexOf(`export interface ${name} `)).split('\n}\n')[0];
    return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((match) => match[1]);
  }
  const tableOptionKeys = interfaceKeys('TableOptions');
  const tables = buildDashboards().flatMap(({ model }) => allPanels(model as Json).filter((panel) => panel.type === 'table'));

  test('the schema read is the 12.x one: no footer option, a per-field footer', () => {
    expect(tableOptionKeys).toEqual(expect.arrayContaining(['cellHeight', 'frameIndex', 'showHeader', 'sortBy']));
    expect(tableOptionKeys).not.toContain('footer');
    expect(interfaceKeys('TableFieldOptions')).toContain('footer');
    expect(interfaceKeys('TableFooterOptions')).toEqual(['reducers']);
  });

  test('there are table panels, and none writes an option the 12.x table does not have', () => {
    expect(tables.length).toBeGreaterThan(0);
    for (const panel of tables) {
      expect({ title: panel.title, unknown: Object.keys(panel.options ?? {}).filter((key) => !tableOptionKeys.includes(key)) }).toEqual({ title: panel.title, unknown: [] });
      const footer = panel.fieldConfig?.defaults?.custom?.footer;
      if (footer) expect(Object.keys(footer)).toEqual(['reducers']);
    }
  });
});
