// The one list of per-kind collectors. Adding a service kind: write collectors/<kind>.ts with its test and add it here.
import type { ServiceKind } from '@alphapulse/contracts';
import { alertingServiceCollector } from './alertingService';
import { analyticsDashboardCollector } from './analyticsDashboard';
import { distributedProcessorCollector } from './distributedProcessor';
import type { KindCollector } from './kindCollector';
import { patternStorageCollector } from './patternStorage';
import { predictiveOptimizerCollector } from './predictiveOptimizer';
import { retrievalOptimizerCollector } from './retrievalOptimizer';
import { riskManagerCollector } from './riskManager';
import { sentimentServiceCollector } from './sentimentService';
import { tradingEngineCollector } from './tradingEngine';

export const KIND_COLLECTORS = [
  patternStorageCollector,
  retrievalOptimizerCollector,
  predictiveOptimizerCollector,
  analyticsDashboardCollector,
  alertingServiceCollector,
  distributedProcessorCollector,
  tradingEngineCollector,
  riskManagerCollector,
  sentimentServiceCollector,
] as const;

const byKind = new Map<ServiceKind, KindCollector>(KIND_COLLECTORS.map((collector) => [collector.kind, collector as unknown as KindCollector]));

export function collectorFor(kind: ServiceKind): KindCollector {
  const collector = byKind.get(kind);
  if (!collector) throw new Error(`no collector registered for service kind ${kind}`);
  return collector;
}
