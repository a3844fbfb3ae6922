// Fixed identifiers shared by the dashboards, the alert rules, the provisioning files and the roles file.
// Changing one here changes it everywhere that is generated; the provisioning tests catch the hand-written rest.

export interface DataSourceRef {
  type: string;
  uid: string;
}

/** The provisioned datasources (provisioning/grafana/datasources/alphapulse.yaml). */
export const DATASOURCES = {
  prometheus: { type: 'prometheus', uid: 'prometheus' },
  alphapulse: { type: 'alphapulse-trading-datasource', uid: 'alphapulse' },
  timescaledb: { type: 'grafana-postgresql-datasource', uid: 'timescaledb' },
} as const satisfies Record<string, DataSourceRef>;

/** Grafana's server-side expressions pseudo-datasource, used by alert rule reduce/threshold steps. */
export const EXPRESSION_DATASOURCE: DataSourceRef = { type: '__expr__', uid: '__expr__' };

export const PLUGIN_IDS = {
  datasource: 'alphapulse-trading-datasource',
  serviceGraphPanel: 'alphapulse-servicegraph-panel',
} as const;

/** Folders per audience; the dashboard JSON files live in a sub-folder of the same name. */
export const FOLDERS = {
  overview: 'Overview',
  services: 'Services',
  database: 'Database',
  trading: 'Trading',
} as const;
export type FolderTitle = (typeof FOLDERS)[keyof typeof FOLDERS];

/**
 * Fixed folder UIDs, set by one dashboard provider per folder (provisioning/grafana/dashboards/alphapulse.yaml).
 * Without them Grafana finds or creates the folder by title with a random UID. Folder and dashboard UIDs share
 * one namespace in Grafana, hence the `-folder` prefix.
 */
export const FOLDER_UIDS: Record<FolderTitle, string> = {
  Overview: 'alphapulse-folder-overview',
  Services: 'alphapulse-folder-services',
  Database: 'alphapulse-folder-database',
  Trading: 'alphapulse-folder-trading',
};

/**
 * Folders of the Grafana-managed alert rules. Grafana's file provisioning of alert rules names a folder by title
 * only (pkg/services/provisioning/alerting/rules_types.go: AlertRuleGroupV1 has `folder`, no UID) and creates a
 * missing one with a random UID (rules_provisioner.go, getOrCreateFolderByTitle). Recent Grafana provisions
 * alerting and dashboards in parallel (pkg/services/provisioning/provisioning.go, starting(): phase 2), so a
 * title shared with a dashboard folder ends up with whichever creator won the race: one folder or two. Titles
 * that no dashboard provider uses keep every folder with exactly one creator. See docs/grafana-behaviour.md.
 */
export const ALERT_FOLDERS = {
  services: 'Services alerts',
  trading: 'Trading alerts',
} as const;
export type AlertFolderTitle = (typeof ALERT_FOLDERS)[keyof typeof ALERT_FOLDERS];

export interface DashboardId {
  uid: string;
  title: string;
  folder: FolderTitle;
}

export const DASHBOARDS = {
  overview: { uid: 'alphapulse-overview', title: 'AlphaPulse Overview', folder: FOLDERS.overview },
  alerts: { uid: 'alphapulse-alerts', title: 'AlphaPulse Alerts', folder: FOLDERS.overview },
  serviceDetail: { uid: 'alphapulse-service-detail', title: 'Service detail', folder: FOLDERS.services },
  resources: { uid: 'alphapulse-resources', title: 'Resources & performance trends', folder: FOLDERS.services },
  dependencyGraph: { uid: 'alphapulse-dependency-graph', title: 'Dependency graph', folder: FOLDERS.services },
  database: { uid: 'alphapulse-database', title: 'Database & query performance', folder: FOLDERS.database },
  trading: { uid: 'alphapulse-trading', title: 'Trading performance', folder: FOLDERS.trading },
  market: { uid: 'alphapulse-market', title: 'Market & patterns', folder: FOLDERS.trading },
  sentiment: { uid: 'alphapulse-sentiment', title: 'Sentiment', folder: FOLDERS.trading },
} as const satisfies Record<string, DashboardId>;

export function dashboardPath(uid: string): string {
  return `/d/${uid}`;
}
