export { createQueryRouter, type QueryRouter, type QueryRouterOptions, type QueryLogger } from './router';
export { resolveApiToken } from './auth';
export { DEFAULT_LIMITS, limitsFromEnv, type QueryLimits } from './limits';
