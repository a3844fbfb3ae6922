// How the exporter mounts the query API: `startExporter({ ..., extraRouters: queryApiRouters(logger) })`.
import type { ExtraRouter } from '../http/app';
import { resolveApiToken } from './auth';
import { limitsFromEnv } from './limits';
import { type QueryLogger, createQueryRouter } from './router';

export const QUERY_API_PATH = '/api/v1';

/**
 * The query API at /api/v1 when a database is configured (ALPHAPULSE_QUERY_DATABASE_URL, else DATABASE_URL);
 * none otherwise. Without ALPHAPULSE_API_TOKEN a token is generated and logged once, for the demo.
 */
export function queryApiRouters(logger: QueryLogger, env: NodeJS.ProcessEnv = process.env, token = resolveApiToken(env)): ExtraRouter[] {
  const databaseUrl = env.ALPHAPULSE_QUERY_DATABASE_URL?.trim() || env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    logger.warn({}, 'query API disabled: set DATABASE_URL or ALPHAPULSE_QUERY_DATABASE_URL');
    return [];
  }
  if (token.generated) {
    logger.warn({ apiToken: token.token }, 'ALPHAPULSE_API_TOKEN is not set: generated this one for the query API (set it in the Grafana datasource)');
  }
  const router = createQueryRouter({ databaseUrl, token: token.token, logger, limits: limitsFromEnv(env) });
  return [{ path: QUERY_API_PATH, router }];
}
