import { focusNeighbourhood, type FocusLimits } from '../graph/focus';
import type { ServiceGraph } from '../graph/serviceGraph';

export interface VisibilityOptions {
  hideHealthy: boolean;
  /** Node index to focus on with hop limits, or undefined for the whole graph. */
  focus?: number;
  limits: FocusLimits;
  /** Nodes that stay visible whatever the filters say (the selection). */
  keep?: number;
}

/** Which nodes to lay out and draw. Undefined means all (the common case, avoids copying). */
export function visibleNodes(graph: ServiceGraph, options: VisibilityOptions): Uint8Array | undefined {
  if (!options.hideHealthy && options.focus === undefined) {
    return undefined;
  }
  const visible = new Uint8Array(graph.nodes.length);
  if (options.focus !== undefined && options.focus < graph.nodes.length) {
    for (const v of focusNeighbourhood(graph, options.focus, options.limits)) {
      visible[v] = 1;
    }
  } else {
    visible.fill(1);
  }
  if (options.hideHealthy) {
    graph.nodes.forEach((node, v) => {
      if (node.health === 'healthy' && v !== options.keep && v !== options.focus) {
        visible[v] = 0;
      }
    });
  }
  return visible;
}
