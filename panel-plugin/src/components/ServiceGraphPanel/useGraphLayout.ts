import { useEffect, useRef, useState } from 'react';
import { LayoutClient } from '../../graph/layout/layoutClient';
import { toPreviousLayout, type LayoutRequest } from '../../graph/layout/layoutEngine';
import type { LayoutDirection } from '../../graph/layout/layeredLayout';
import type { PreviousLayout } from '../../graph/layout/stablePositions';
import type { ServiceGraph } from '../../graph/serviceGraph';
import { NODE_HEIGHT, NODE_WIDTH } from '../../constants/testIds';
import type { Bounds } from '../../view/viewport';

export interface PositionedGraph {
  graph: ServiceGraph;
  /** Drawn nodes (undefined: all). */
  visible?: Uint8Array;
  /** Centres per node index of `graph`; NaN for nodes not drawn. */
  x: Float64Array;
  y: Float64Array;
  /** Bends per edge index of `graph`; undefined for edges not drawn. */
  bends: Array<Float64Array | undefined>;
  bounds: Bounds;
  layoutMs: number;
  /** From the request to the answer, worker start and message passing included. */
  layoutRoundTripMs: number;
  layoutThread: 'worker' | 'main';
  /** Changes when the set of drawn nodes is chosen differently (focus, filters): the view is refitted then. */
  viewKey: string;
}

export interface LayoutSettings {
  direction: LayoutDirection;
  nodeSpacing: number;
  layerSpacing: number;
  stablePositions: boolean;
  groupByLabel: string;
}

/**
 * Lays out the drawn part of the graph (in a worker when possible) and keeps the previous result per view,
 * so a refresh with the same or slightly changed data keeps every known node where it was.
 */
export function useGraphLayout(
  graph: ServiceGraph,
  visible: Uint8Array | undefined,
  viewKey: string,
  settings: LayoutSettings
) {
  const clientRef = useRef<LayoutClient | null>(null);
  const previousByView = useRef(new Map<string, PreviousLayout>());
  const [positioned, setPositioned] = useState<PositionedGraph | undefined>();

  useEffect(() => {
    clientRef.current = new LayoutClient();
    return () => clientRef.current?.dispose();
  }, []);

  const { direction, nodeSpacing, layerSpacing, stablePositions, groupByLabel } = settings;
  useEffect(() => {
    let cancelled = false;
    const client = clientRef.current ?? (clientRef.current = new LayoutClient());
    const drawn: number[] = [];
    const localIndex = new Int32Array(graph.nodes.length).fill(-1);
    graph.nodes.forEach((_, v) => {
      if (!visible || visible[v]) {
        localIndex[v] = drawn.length;
        drawn.push(v);
      }
    });
    const drawnEdges: number[] = [];
    for (let e = 0; e < graph.edges.length; e++) {
      if (localIndex[graph.edgeSource[e]] >= 0 && localIndex[graph.edgeTarget[e]] >= 0) {
        drawnEdges.push(e);
      }
    }
    const groupIds = new Map<string, number>();
    const request: LayoutRequest = {
      ids: drawn.map((v) => graph.nodes[v].id),
      edgeSource: Int32Array.from(drawnEdges, (e) => localIndex[graph.edgeSource[e]]),
      edgeTarget: Int32Array.from(drawnEdges, (e) => localIndex[graph.edgeTarget[e]]),
      groupOf: groupByLabel
        ? Int32Array.from(drawn, (v) => {
            const name = graph.nodes[v].group ?? '';
            if (!groupIds.has(name)) {
              groupIds.set(name, groupIds.size);
            }
            return groupIds.get(name)!;
          })
        : undefined,
      direction,
      nodeWidth: NODE_WIDTH,
      nodeHeight: NODE_HEIGHT,
      nodeSpacing,
      layerSpacing,
      previous: stablePositions ? previousByView.current.get(viewKey) : undefined,
    };
    const requested = performance.now();
    client.layout(request).then((layout) => {
      const layoutRoundTripMs = performance.now() - requested;
      if (cancelled) {
        return;
      }
      if (stablePositions) {
        previousByView.current.set(viewKey, toPreviousLayout(request, layout));
      }
      const x = new Float64Array(graph.nodes.length).fill(Number.NaN);
      const y = new Float64Array(graph.nodes.length).fill(Number.NaN);
      drawn.forEach((v, local) => {
        x[v] = layout.x[local];
        y[v] = layout.y[local];
      });
      const bends: PositionedGraph['bends'] = new Array(graph.edges.length);
      drawnEdges.forEach((e, local) => (bends[e] = layout.bends[local]));
      setPositioned({
        graph,
        visible,
        x,
        y,
        bends,
        bounds: { minX: layout.minX, minY: layout.minY, maxX: layout.maxX, maxY: layout.maxY },
        layoutMs: layout.elapsedMs,
        layoutRoundTripMs,
        layoutThread: layout.thread ?? 'main',
        viewKey,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [graph, visible, viewKey, direction, nodeSpacing, layerSpacing, stablePositions, groupByLabel]);

  return positioned;
}
