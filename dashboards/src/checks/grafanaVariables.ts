// Replaces Grafana's template variables in a PromQL expression with plausible values, so that the expression
// can be parsed and evaluated by a real Prometheus outside Grafana.

const BUILT_INS: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '1m',
  __range: '1h',
  __range_s: '3600',
  __interval_ms: '60000',
};

export function substituteGrafanaVariables(expr: string): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (_match, name: string) => BUILT_INS[name] ?? 'example');
}
