// Alertmanager's routing as Grafana's notification policies use it: depth-first, first matching child wins
// unless it sets `continue`, a matching node with no matching child delivers to its own receiver.
// Enough of it to prove, without a running Grafana, where each rule's alerts go.

export type Matcher = [label: string, op: '=' | '!=' | '=~' | '!~', value: string];

export interface PolicyNode {
  receiver?: string;
  object_matchers?: Matcher[];
  continue?: boolean;
  mute_time_intervals?: string[];
  routes?: PolicyNode[];
}

export interface Delivery {
  receiver: string;
  muteTimings: string[];
}

function matches(node: PolicyNode, labels: Record<string, string>): boolean {
  return (node.object_matchers ?? []).every(([label, op, value]) => {
    const actual = labels[label] ?? '';
    const anchored = () => new RegExp(`^(?:${value})$`).test(actual);
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return anchored();
      case '!~':
        return !anchored();
    }
  });
}

function walk(node: PolicyNode, labels: Record<string, string>, receiver: string): Delivery[] {
  const own = node.receiver ?? receiver;
  // Mute timings apply to the policy that names them; unlike receivers and timings they are not inherited.
  const muteTimings = node.mute_time_intervals ?? [];
  const deliveries: Delivery[] = [];
  for (const child of node.routes ?? []) {
    if (!matches(child, labels)) continue;
    deliveries.push(...walk(child, labels, own));
    if (!child.continue) return deliveries;
  }
  return deliveries.length > 0 ? deliveries : [{ receiver: own, muteTimings }];
}

/** Where an alert with these labels is delivered, starting at the root policy. */
export function route(root: PolicyNode, labels: Record<string, string>): Delivery[] {
  return walk(root, labels, root.receiver ?? '');
}
