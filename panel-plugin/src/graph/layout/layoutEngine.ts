import { layeredLayout, type LayoutDirection } from './layeredLayout';
import { edgeKey, stablePositions, type PreviousLayout } from './stablePositions';

/** Everything the layout needs, as structured-cloneable data so it can cross into a Web Worker. */
export interface LayoutRequest {
  ids: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  groupOf?: Int32Array;
  direction: LayoutDirection;
  nodeWidth: number;
  nodeHeight: number;
  nodeSpacing: number;
  layerSpacing: number;
  previous?: PreviousLayout;
}

export interface GraphLayout {
  x: Float64Array;
  y: Float64Array;
  bends: Float64Array[];
  reversed: Uint8Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  reusedPrevious: boolean;
  elapsedMs: number;
  /** Where it was computed: set by the worker itself, or 'main' by LayoutClient when it fell back. */
  thread?: 'worker' | 'main';
}

export function computeGraphLayout(request: LayoutRequest): GraphLayout {
  const started = performance.now();
  const horizontal = request.direction === 'LR';
  const orderHint = request.previous ? hintFromPrevious(request) : undefined;
  const fresh = layeredLayout({
    nodeCount: request.ids.length,
    edgeSource: request.edgeSource,
    edgeTarget: request.edgeTarget,
    direction: request.direction,
    nodeBreadth: horizontal ? request.nodeHeight : request.nodeWidth,
    nodeDepth: horizontal ? request.nodeWidth : request.nodeHeight,
    nodeSpacing: request.nodeSpacing,
    layerSpacing: request.layerSpacing,
    groupOf: request.groupOf,
    orderHint,
  });
  const stable = stablePositions({
    ids: request.ids,
    edgeSource: request.edgeSource,
    edgeTarget: request.edgeTarget,
    freshX: fresh.x,
    freshY: fresh.y,
    freshBends: fresh.bends,
    direction: request.direction,
    nodeWidth: request.nodeWidth,
    nodeHeight: request.nodeHeight,
    nodeSpacing: request.nodeSpacing,
    previous: request.previous,
  });
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let v = 0; v < stable.x.length; v++) {
    minX = Math.min(minX, stable.x[v] - request.nodeWidth / 2);
    maxX = Math.max(maxX, stable.x[v] + request.nodeWidth / 2);
    minY = Math.min(minY, stable.y[v] - request.nodeHeight / 2);
    maxY = Math.max(maxY, stable.y[v] + request.nodeHeight / 2);
  }
  if (stable.x.length === 0) {
    minX = minY = maxX = maxY = 0;
  }
  return {
    x: stable.x,
    y: stable.y,
    bends: stable.bends,
    reversed: fresh.reversed,
    minX,
    minY,
    maxX,
    maxY,
    reusedPrevious: stable.reusedPrevious,
    elapsedMs: performance.now() - started,
  };
}

/** Previous along-layer coordinate per node, so the fresh layout starts from the old order. */
function hintFromPrevious(request: LayoutRequest): Float64Array {
  const hint = new Float64Array(request.ids.length).fill(Number.NaN);
  request.ids.forEach((id, v) => {
    const old = request.previous!.positions[id];
    if (old) {
      hint[v] = request.direction === 'LR' ? old[1] : old[0];
    }
  });
  return hint;
}

/** What to remember from a layout for the next refresh. */
export function toPreviousLayout(request: LayoutRequest, layout: GraphLayout): PreviousLayout {
  const positions: PreviousLayout['positions'] = {};
  request.ids.forEach((id, v) => (positions[id] = [layout.x[v], layout.y[v]]));
  const bends: PreviousLayout['bends'] = {};
  layout.bends.forEach((points, e) => {
    bends[edgeKey(request.ids[request.edgeSource[e]], request.ids[request.edgeTarget[e]])] = Array.from(points);
  });
  return { direction: request.direction, positions, bends };
}
