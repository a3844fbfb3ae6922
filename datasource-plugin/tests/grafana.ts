// Whether a Grafana answers at GRAFANA_URL; probed once by playwright.config.ts. Without one every spec is
// skipped with this reason — loudly, never passed.
export const GRAFANA_URL = process.env.GRAFANA_URL || 'http://localhost:3000';

export const NO_GRAFANA_REASON = `NO GRAFANA at ${GRAFANA_URL}: e2e specs SKIPPED, not passed. Start one with \`npm run server -w alphapulse-trading-datasource\` (docker compose) and the API with \`npm start\`.`;

export function grafanaAvailable(): boolean {
  return process.env.ALPHAPULSE_E2E_GRAFANA === 'up';
}
