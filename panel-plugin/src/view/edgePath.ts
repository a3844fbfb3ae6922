import type { LayoutDirection } from '../graph/layout/layeredLayout';

/** How far a back edge (cycle) bows out below/right of its nodes. */
const BACK_EDGE_BOW = 46;

export interface EdgeGeometry {
  /** Flattened points from source port to target port, through bends. */
  points: number[];
  /** True when the edge runs against the layout direction (a cycle's back edge or a stable-layout leftover). */
  backwards: boolean;
}

export function edgeGeometry(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  bends: Float64Array | undefined,
  direction: LayoutDirection,
  halfWidth: number,
  halfHeight: number
): EdgeGeometry {
  const horizontal = direction === 'LR';
  const forward = horizontal ? tx - halfWidth > sx + halfWidth - 1 : ty - halfHeight > sy + halfHeight - 1;
  if (!forward) {
    // Leave and enter on the outer side so the curve bows around instead of cutting through nodes.
    const points = horizontal ? [sx, sy + halfHeight, tx, ty + halfHeight] : [sx + halfWidth, sy, tx + halfWidth, ty];
    return { points, backwards: true };
  }
  const points = horizontal ? [sx + halfWidth, sy] : [sx, sy + halfHeight];
  if (bends) {
    for (let i = 0; i < bends.length; i++) {
      points.push(bends[i]);
    }
  }
  points.push(...(horizontal ? [tx - halfWidth, ty] : [tx, ty - halfHeight]));
  return { points, backwards: false };
}

/** SVG path: smooth cubic segments whose tangents follow the layout direction. */
export function edgePathData(geometry: EdgeGeometry, direction: LayoutDirection): string {
  const p = geometry.points;
  const horizontal = direction === 'LR';
  if (geometry.backwards) {
    const [x0, y0, x1, y1] = p;
    const bow = BACK_EDGE_BOW + Math.abs(horizontal ? x1 - x0 : y1 - y0) * 0.08;
    return horizontal
      ? `M${x0},${y0} C${x0},${y0 + bow} ${x1},${y1 + bow} ${x1},${y1}`
      : `M${x0},${y0} C${x0 + bow},${y0} ${x1 + bow},${y1} ${x1},${y1}`;
  }
  let d = `M${p[0]},${p[1]}`;
  for (let i = 2; i < p.length; i += 2) {
    const x0 = p[i - 2];
    const y0 = p[i - 1];
    const x1 = p[i];
    const y1 = p[i + 1];
    if (horizontal) {
      const mx = (x0 + x1) / 2;
      d += ` C${mx},${y0} ${mx},${y1} ${x1},${y1}`;
    } else {
      const my = (y0 + y1) / 2;
      d += ` C${x0},${my} ${x1},${my} ${x1},${y1}`;
    }
  }
  return d;
}
