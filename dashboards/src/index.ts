// Public API of @alphapulse/dashboards, for tests and for the start orchestrator.
export * from './grafana/ids';
export { buildDashboards, type GeneratedDashboard } from './dashboards';
export { generatedFiles, ALERT_RULES_FILE, DASHBOARDS_DIR, GRAFANA_PROVISIONING_DIR, REPO_ROOT } from './grafana/generatedFiles';
export { RULE_GROUPS, ALL_RULES, TRADING_HOURS_LABEL } from './alerting/rules';
export { toPrometheusRuleFile, prometheusCondition } from './alerting/prometheusRules';
export type { AlertRuleSpec, PromRule, SqlRule, RuleGroupSpec } from './alerting/ruleModel';
export { CONTACT_POINTS, MUTE_TIMINGS } from './alerting/notificationNames';
export { prometheusArgs, grafanaArgs, grafanaEnv, grafanaPluginLinks, NOTIFICATION_ENV_DEFAULTS, PLUGIN_DIST_DIRS } from './launch/stackProcesses';
export { parseRolesFile, RolesFileError, type RolesSpec } from './roles/rolesFile';
export { applyRoles } from './roles/applyRoles';
export { GrafanaApi } from './roles/grafanaApi';
export { planAccess, missingTeams, describeChange } from './roles/plan';
export { createDemoSinks, startDemoSinks, slackAnswer, snsAnswer, webhookAnswer, snsFields, type ReceivedNotification } from './sinks/demoSinks';
export { roleAttributePath, intendedOrgRole, withMembersFromClaims, decodeJwtPayload, fetchDemoClaims, grafanaJwtEnv, JWT_CLAIMS, DEMO_JWT_USERS, type JwtClaims } from './roles/jwtClaims';
