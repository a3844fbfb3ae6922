// PromQL syntax check with Prometheus's own Lezer grammar (the one Grafana's and Prometheus's editors use):
// runs everywhere, unlike the real-Prometheus evaluation, which needs the binary.
import { parser } from '@prometheus-io/lezer-promql';

/** Positions and snippets where the grammar found an error; empty when the expression parses. */
export function promqlSyntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`at ${node.from}: "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
    },
  });
  return errors;
}
