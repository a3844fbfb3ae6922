// Keeps a picture stable across refreshes: nodes seen before keep their coordinates, new nodes are placed
// next to an already placed neighbour, at the offset the fresh layout gives them, then nudged off overlaps.

export interface PreviousLayout {
  direction: string;
  /** Node centre by node id. */
  positions: Record<string, [number, number]>;
  /** Bend points by edge key `source→target`. */
  bends: Record<string, number[]>;
}

export interface StableInput {
  ids: string[];
  edgeSource: ArrayLike<number>;
  edgeTarget: ArrayLike<number>;
  freshX: Float64Array;
  freshY: Float64Array;
  freshBends: Float64Array[];
  direction: string;
  nodeWidth: number;
  nodeHeight: number;
  nodeSpacing: number;
  previous?: PreviousLayout;
}

export interface StableOutput {
  x: Float64Array;
  y: Float64Array;
  bends: Float64Array[];
  /** True when previous positions were reused (false: the fresh layout was taken as is). */
  reusedPrevious: boolean;
}

export const edgeKey = (source: string, target: string) => `${source}→${target}`;

/** Below this share of surviving nodes the old picture is meaningless and the fresh layout is used. */
const MIN_SURVIVING_SHARE = 0.5;

export function stablePositions(input: StableInput): StableOutput {
  const { ids, previous } = input;
  const n = ids.length;
  const fresh: StableOutput = { x: input.freshX, y: input.freshY, bends: input.freshBends, reusedPrevious: false };
  if (!previous || previous.direction !== input.direction || n === 0) {
    return fresh;
  }
  const kept = new Uint8Array(n);
  let keptCount = 0;
  for (let v = 0; v < n; v++) {
    if (previous.positions[ids[v]]) {
      kept[v] = 1;
      keptCount++;
    }
  }
  const previousCount = Object.keys(previous.positions).length;
  if (keptCount === 0 || keptCount < MIN_SURVIVING_SHARE * Math.max(previousCount, 1)) {
    return fresh;
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const occupied = new OccupancyGrid(input.nodeWidth + input.nodeSpacing / 2, input.nodeHeight + input.nodeSpacing / 2);
  let maxY = -Infinity;
  let maxX = -Infinity;
  for (let v = 0; v < n; v++) {
    if (kept[v]) {
      [x[v], y[v]] = previous.positions[ids[v]];
      occupied.add(x[v], y[v]);
      maxX = Math.max(maxX, x[v]);
      maxY = Math.max(maxY, y[v]);
    }
  }
  // Anchor each new node to a kept neighbour (or to an already placed new one), in edge order.
  const placed = kept.slice();
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < input.edgeSource.length; e++) {
    neighbours[input.edgeSource[e]].push(input.edgeTarget[e]);
    neighbours[input.edgeTarget[e]].push(input.edgeSource[e]);
  }
  const horizontal = input.direction === 'LR';
  let pending = Array.from({ length: n }, (_, v) => v).filter((v) => !kept[v]);
  while (pending.length > 0) {
    const stillPending: number[] = [];
    for (const v of pending) {
      const anchor = neighbours[v].find((w) => placed[w]);
      if (anchor === undefined) {
        stillPending.push(v);
        continue;
      }
      place(v, x[anchor] + input.freshX[v] - input.freshX[anchor], y[anchor] + input.freshY[v] - input.freshY[anchor]);
    }
    if (stillPending.length === pending.length) {
      // Nothing connects these to the old picture: put them beyond its edge, in their fresh arrangement.
      for (const v of stillPending) {
        place(
          v,
          horizontal ? input.freshX[v] : input.freshX[v] + maxX + input.nodeWidth * 2,
          horizontal ? input.freshY[v] + maxY + input.nodeHeight * 2 : input.freshY[v]
        );
      }
      break;
    }
    pending = stillPending;
  }

  function place(v: number, wantX: number, wantY: number) {
    // Slide along the layer (y for LR, x for TB) until the slot is free.
    const step = horizontal ? input.nodeHeight + input.nodeSpacing : input.nodeWidth + input.nodeSpacing;
    let px = wantX;
    let py = wantY;
    for (let attempt = 1; occupied.collides(px, py) && attempt < 10_000; attempt++) {
      const offset = Math.ceil(attempt / 2) * step * (attempt % 2 ? 1 : -1);
      px = horizontal ? wantX : wantX + offset;
      py = horizontal ? wantY + offset : wantY;
    }
    x[v] = px;
    y[v] = py;
    placed[v] = 1;
    occupied.add(px, py);
  }

  const bends = input.freshBends.map((_, e) => {
    const s = input.edgeSource[e];
    const t = input.edgeTarget[e];
    const old = kept[s] && kept[t] ? previous.bends[edgeKey(ids[s], ids[t])] : undefined;
    // Without old bends, a straight (curved when drawn) edge is better than bends from another picture.
    return old ? Float64Array.from(old) : new Float64Array(0);
  });
  return { x, y, bends, reusedPrevious: true };
}

/** Uniform grid of node-sized cells; a node collides when another centre is within one node size. */
class OccupancyGrid {
  private cells = new Map<string, Array<[number, number]>>();
  constructor(
    private width: number,
    private height: number
  ) {}
  private key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }
  add(x: number, y: number) {
    const key = this.key(Math.floor(x / this.width), Math.floor(y / this.height));
    const list = this.cells.get(key) ?? [];
    list.push([x, y]);
    this.cells.set(key, list);
  }
  collides(x: number, y: number) {
    const cx = Math.floor(x / this.width);
    const cy = Math.floor(y / this.height);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const [ox, oy] of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          if (Math.abs(ox - x) < this.width && Math.abs(oy - y) < this.height) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
