// Layout quality measured on the drawing itself, so any layout (ours, dagre, elkjs) is judged by one ruler:
// proper crossings between edge segments and the total length of the edges.

/** A drawn graph: node centres, edges as polylines centre → interior bends → centre. */
export interface Drawing {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  edgeSource: ArrayLike<number>;
  edgeTarget: ArrayLike<number>;
  /** Interior bend points per edge, flattened [x0, y0, x1, y1, …], from source to target. */
  bends: ReadonlyArray<ArrayLike<number>>;
}

interface Segments {
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  /** Endpoint ids: a node index, or a unique id per bend point; segments sharing one meet, they do not cross. */
  a: Int32Array;
  b: Int32Array;
  count: number;
}

/** Every straight piece of every edge; self-loops have no extent and are left out. */
export function edgeSegments(drawing: Drawing): Segments {
  const n = drawing.x.length;
  const edgeCount = drawing.edgeSource.length;
  let count = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (drawing.edgeSource[e] !== drawing.edgeTarget[e]) {
      count += (drawing.bends[e]?.length ?? 0) / 2 + 1;
    }
  }
  const s: Segments = {
    x1: new Float64Array(count),
    y1: new Float64Array(count),
    x2: new Float64Array(count),
    y2: new Float64Array(count),
    a: new Int32Array(count),
    b: new Int32Array(count),
    count,
  };
  let i = 0;
  let nextPointId = n;
  for (let e = 0; e < edgeCount; e++) {
    const source = drawing.edgeSource[e];
    const target = drawing.edgeTarget[e];
    if (source === target) {
      continue;
    }
    const bends = drawing.bends[e] ?? [];
    let px = drawing.x[source];
    let py = drawing.y[source];
    let pid = source;
    for (let k = 0; k <= bends.length / 2; k++) {
      const last = k === bends.length / 2;
      const qx = last ? drawing.x[target] : bends[2 * k];
      const qy = last ? drawing.y[target] : bends[2 * k + 1];
      const qid = last ? target : nextPointId++;
      s.x1[i] = px;
      s.y1[i] = py;
      s.x2[i] = qx;
      s.y2[i] = qy;
      s.a[i] = pid;
      s.b[i] = qid;
      i++;
      px = qx;
      py = qy;
      pid = qid;
    }
  }
  return s;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** True when segments i and j cross at a point inside both (touching, sharing an end or overlapping: no). */
export function segmentsCross(s: Segments, i: number, j: number): boolean {
  if (s.a[i] === s.a[j] || s.a[i] === s.b[j] || s.b[i] === s.a[j] || s.b[i] === s.b[j]) {
    return false;
  }
  const o1 = orientation(s.x1[i], s.y1[i], s.x2[i], s.y2[i], s.x1[j], s.y1[j]);
  const o2 = orientation(s.x1[i], s.y1[i], s.x2[i], s.y2[i], s.x2[j], s.y2[j]);
  const o3 = orientation(s.x1[j], s.y1[j], s.x2[j], s.y2[j], s.x1[i], s.y1[i]);
  const o4 = orientation(s.x1[j], s.y1[j], s.x2[j], s.y2[j], s.x2[i], s.y2[i]);
  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

/** Pairs of edge segments that properly cross; a sweep over x keeps it near-linear for layered drawings. */
export function countCrossings(drawing: Drawing): number {
  const s = edgeSegments(drawing);
  const minX = new Float64Array(s.count);
  const maxX = new Float64Array(s.count);
  for (let i = 0; i < s.count; i++) {
    minX[i] = Math.min(s.x1[i], s.x2[i]);
    maxX[i] = Math.max(s.x1[i], s.x2[i]);
  }
  const order = Array.from({ length: s.count }, (_, i) => i).sort((p, q) => minX[p] - minX[q]);
  let crossings = 0;
  for (let oi = 0; oi < order.length; oi++) {
    const i = order[oi];
    const iMinY = Math.min(s.y1[i], s.y2[i]);
    const iMaxY = Math.max(s.y1[i], s.y2[i]);
    for (let oj = oi + 1; oj < order.length && minX[order[oj]] <= maxX[i]; oj++) {
      const j = order[oj];
      if (Math.max(s.y1[j], s.y2[j]) < iMinY || Math.min(s.y1[j], s.y2[j]) > iMaxY) {
        continue;
      }
      if (segmentsCross(s, i, j)) {
        crossings++;
      }
    }
  }
  return crossings;
}

/** Sum of the lengths of all edge polylines (centre to centre through the bends). */
export function totalEdgeLength(drawing: Drawing): number {
  const s = edgeSegments(drawing);
  let length = 0;
  for (let i = 0; i < s.count; i++) {
    length += Math.hypot(s.x2[i] - s.x1[i], s.y2[i] - s.y1[i]);
  }
  return length;
}
