import { blastRadius, type BlastRadius } from '../graph/blastRadius';
import { rootCause, type RootCause } from '../graph/rootCause';
import type { ServiceGraph } from '../graph/serviceGraph';

/** How a node or edge is emphasised; drawing code maps roles to styles. */
export const Role = {
  Normal: 0,
  Dimmed: 1,
  Selected: 2,
  Affected: 3,
  Cause: 4,
  CauseChain: 5,
  Match: 6,
} as const;
export type HighlightRole = (typeof Role)[keyof typeof Role];

export interface Highlight {
  nodeRole: Uint8Array;
  edgeRole: Uint8Array;
  blast?: BlastRadius;
  cause?: RootCause;
  matches: number[];
}

/**
 * Roles for a selection (blast radius + root cause) and a search. With nothing selected or searched every
 * role is Normal; otherwise everything not involved is dimmed so the answer stands out.
 */
export function computeHighlight(graph: ServiceGraph, selected: number | undefined, search: string): Highlight {
  const n = graph.nodes.length;
  const nodeRole = new Uint8Array(n);
  const edgeRole = new Uint8Array(graph.edges.length);
  const query = search.trim().toLowerCase();
  const matches: number[] = [];
  if (query) {
    graph.nodes.forEach((node, v) => {
      if (node.id.toLowerCase().includes(query) || node.title.toLowerCase().includes(query)) {
        matches.push(v);
      }
    });
  }
  if (selected === undefined && !query) {
    return { nodeRole, edgeRole, matches };
  }
  nodeRole.fill(Role.Dimmed);
  edgeRole.fill(Role.Dimmed);
  for (const v of matches) {
    nodeRole[v] = Role.Match;
  }
  if (selected === undefined || selected >= n) {
    return { nodeRole, edgeRole, matches };
  }
  const blast = blastRadius(graph, selected);
  const cause = rootCause(graph, selected);
  for (const v of blast.affected) {
    nodeRole[v] = Role.Affected;
  }
  for (const v of cause.chain) {
    nodeRole[v] = Role.CauseChain;
  }
  for (const v of cause.causes) {
    nodeRole[v] = Role.Cause;
  }
  nodeRole[selected] = Role.Selected;
  for (let e = 0; e < graph.edges.length; e++) {
    const s = graph.edgeSource[e];
    const t = graph.edgeTarget[e];
    const inBlast = (v: number) => nodeRole[v] === Role.Affected || v === selected;
    const inChain = (v: number) => nodeRole[v] === Role.Cause || nodeRole[v] === Role.CauseChain || v === selected;
    if (inBlast(s) && inBlast(t) && t !== s) {
      edgeRole[e] = Role.Affected;
    } else if (inChain(s) && inChain(t) && nodeRole[t] !== Role.Selected) {
      edgeRole[e] = Role.CauseChain;
    }
  }
  return { nodeRole, edgeRole, blast, cause, matches };
}
