// Template variables: services come from Prometheus, trading dimensions from our datasource's search route.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCES } from '../grafana/ids';

export function serviceVariable(): dashboard.QueryVariableBuilder {
  return new dashboard.QueryVariableBuilder('service')
    .label('Service')
    .datasource(DATASOURCES.prometheus)
    .query({ qryType: 1, query: 'label_values(alphapulse_up, service)', refId: 'PrometheusVariableQueryEditor-VariableQuery' })
    .definition('label_values(alphapulse_up, service)')
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.AlphabeticalAsc)
    .current({ text: 'trading_engine', value: 'trading_engine' });
}

export function instanceVariable(): dashboard.QueryVariableBuilder {
  const query = 'label_values(alphapulse_up{service="$service"}, instance)';
  return new dashboard.QueryVariableBuilder('instance')
    .label('Instance')
    .datasource(DATASOURCES.prometheus)
    .query({ qryType: 1, query, refId: 'PrometheusVariableQueryEditor-VariableQuery' })
    .definition(query)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ text: 'All', value: '$__all' });
}

export type SearchKind = 'symbols' | 'strategies' | 'sources' | 'pattern_types' | 'timeframes';

/** A variable fed by GET /api/v1/search/<kind> of the query API. */
export function tradingVariable(name: string, label: string, kind: SearchKind, options: { multi?: boolean } = {}): dashboard.QueryVariableBuilder {
  const variable = new dashboard.QueryVariableBuilder(name)
    .label(label)
    .datasource(DATASOURCES.alphapulse)
    .query({ refId: 'AlphaPulseVariableQuery', kind })
    .definition(`search ${kind}`)
    .refresh(dashboard.VariableRefresh.OnDashboardLoad)
    .sort(dashboard.VariableSort.AlphabeticalAsc);
  if (options.multi) variable.multi(true).includeAll(true);
  return variable;
}
