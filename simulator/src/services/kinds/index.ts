// The registry: one module per service kind, in SERVICE_KINDS order.
import { SERVICE_KINDS, type ServiceKind } from '@alphapulse/contracts';
import { alertingService } from './alertingService';
import { analyticsDashboard } from './analyticsDashboard';
import { distributedProcessor } from './distributedProcessor';
import type { AnyKindModule } from './kindModule';
import { patternStorage } from './patternStorage';
import { predictiveOptimizer } from './predictiveOptimizer';
import { retrievalOptimizer } from './retrievalOptimizer';
import { riskManager } from './riskManager';
import { sentimentService } from './sentimentService';
import { tradingEngine } from './tradingEngine';

export const KIND_MODULES: readonly AnyKindModule[] = [
  patternStorage,
  retrievalOptimizer,
  predictiveOptimizer,
  analyticsDashboard,
  alertingService,
  distributedProcessor,
  tradingEngine,
  riskManager,
  sentimentService,
];

export function kindModule(kind: ServiceKind): AnyKindModule {
  const module = KIND_MODULES.find((m) => m.kind === kind);
  if (!module) throw new Error(`no module for service kind ${kind}`);
  return module;
}

// Fails at load time if the registry and the contract's list of kinds drift apart.
if (KIND_MODULES.map((m) => m.kind).join() !== SERVICE_KINDS.join()) {
  throw new Error('KIND_MODULES must list every service kind once, in SERVICE_KINDS order');
}
