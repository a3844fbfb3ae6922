// Who depends on whom, as ALPHAPULSE.md's "plausible dependency graph". Data, so the health records,
// the status rules and any consumer read the same edges.
import { SERVICE_KINDS, isServiceKind, type ServiceKind } from '@alphapulse/contracts';

export const SERVICE_DEPENDENCIES: Readonly<Record<ServiceKind, readonly string[]>> = {
  pattern_storage: ['timescaledb'],
  retrieval_optimizer: ['pattern_storage', 'timescaledb'],
  predictive_optimizer: ['retrieval_optimizer', 'distributed_processor'],
  analytics_dashboard: [
    'trading_engine',
    'risk_manager',
    'pattern_storage',
    'retrieval_optimizer',
    'predictive_optimizer',
    'sentiment_service',
    'distributed_processor',
    'timescaledb',
  ],
  alerting_service: ['smtp', 'slack', 'sms_gateway'],
  distributed_processor: [],
  trading_engine: ['risk_manager', 'retrieval_optimizer', 'sentiment_service', 'predictive_optimizer', 'exchange_api'],
  risk_manager: ['timescaledb'],
  sentiment_service: ['distributed_processor', 'twitter_api', 'reddit_api', 'news_api'],
};

/** The AlphaPulse services (not externals) a service calls directly. */
export function serviceDependenciesOf(kind: ServiceKind): ServiceKind[] {
  return SERVICE_DEPENDENCIES[kind].filter(isServiceKind);
}

/** The services that call `kind` directly. */
export function directDependentsOf(kind: ServiceKind): ServiceKind[] {
  return SERVICE_KINDS.filter((other) => SERVICE_DEPENDENCIES[other].includes(kind));
}
