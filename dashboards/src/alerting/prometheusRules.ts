// The PromQL rules as a Prometheus rules file, so that `promtool check rules` and `promtool test rules` can
// check and exercise exactly the expressions Grafana evaluates. Grafana applies the threshold as a separate
// step after reducing to the last value; for an instant query that is the same as `(expr) > value`.
// Annotations stay out: they use Grafana-only template data ($values, externalURL) that Prometheus rejects.
import type { PromRule, RuleGroupSpec } from './ruleModel';

const OPERATOR = { gt: '>', lt: '<' } as const;

export function prometheusCondition(rule: PromRule): string {
  return `(${rule.expr}) ${OPERATOR[rule.threshold.op]} ${rule.threshold.value}`;
}

export function toPrometheusRuleFile(groups: RuleGroupSpec[]): Record<string, unknown> {
  return {
    groups: groups
      .map((group) => ({
        name: group.name,
        interval: group.interval,
        rules: group.rules
          .filter((rule): rule is PromRule => rule.datasource === 'prometheus')
          .map((rule) => ({ alert: rule.title, expr: prometheusCondition(rule), for: rule.for, labels: { severity: rule.severity, ...rule.labels } })),
      }))
      .filter((group) => group.rules.length > 0),
  };
}
