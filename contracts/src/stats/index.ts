import type { ServiceKind } from '../constants';
import { alertingServiceStatsSchema } from './alertingService';
import { analyticsDashboardStatsSchema } from './analyticsDashboard';
import { distributedProcessorStatsSchema } from './distributedProcessor';
import { patternStorageStatsSchema } from './patternStorage';
import { predictiveOptimizerStatsSchema } from './predictiveOptimizer';
import { retrievalOptimizerStatsSchema } from './retrievalOptimizer';
import { riskManagerStatsSchema } from './riskManager';
import { sentimentServiceStatsSchema } from './sentimentService';
import { tradingEngineStatsSchema } from './tradingEngine';

export * from './common';
export * from './alertingService';
export * from './analyticsDashboard';
export * from './distributedProcessor';
export * from './patternStorage';
export * from './predictiveOptimizer';
export * from './retrievalOptimizer';
export * from './riskManager';
export * from './sentimentService';
export * from './tradingEngine';

/** The GET /stats schema of each service kind. */
export const statsSchemas = {
  pattern_storage: patternStorageStatsSchema,
  retrieval_optimizer: retrievalOptimizerStatsSchema,
  predictive_optimizer: predictiveOptimizerStatsSchema,
  analytics_dashboard: analyticsDashboardStatsSchema,
  alerting_service: alertingServiceStatsSchema,
  distributed_processor: distributedProcessorStatsSchema,
  trading_engine: tradingEngineStatsSchema,
  risk_manager: riskManagerStatsSchema,
  sentiment_service: sentimentServiceStatsSchema,
} as const satisfies Record<ServiceKind, unknown>;

export type StatsByKind = {
  [K in ServiceKind]: import('zod').infer<(typeof statsSchemas)[K]>;
};
