// Layered (Sugiyama-style) layout: break cycles, assign layers, insert dummy nodes for long edges,
// reduce crossings with barycenter sweeps and transposition, then place nodes along each layer by isotonic regression.
// Written for typed arrays and linear passes so 1,000 nodes / 3,000 edges lay out in tens of milliseconds.

export type LayoutDirection = 'LR' | 'TB';

export interface LayoutInput {
  nodeCount: number;
  /** Edge e goes from edgeSource[e] to edgeTarget[e]; targets are placed in later layers. */
  edgeSource: Int32Array | number[];
  edgeTarget: Int32Array | number[];
  direction: LayoutDirection;
  /** Extent of a node along the layer (height for LR) and across it (width for LR). */
  nodeBreadth: number;
  nodeDepth: number;
  /** Gap between neighbouring nodes of one layer and between layers. */
  nodeSpacing: number;
  layerSpacing: number;
  /** Optional group key per node; nodes of one group are kept next to each other within a layer. */
  groupOf?: Int32Array;
  /** Optional starting order hint per node (e.g. previous positions) so repeated layouts stay alike. */
  orderHint?: Float64Array;
  /** At most this many barycenter sweeps (down + up counts as one); fewer when two in a row do not improve. */
  sweeps?: number;
}

export interface LayoutResult {
  /** Node centres. */
  x: Float64Array;
  y: Float64Array;
  layer: Int32Array;
  /** 1 when the edge was reversed to break a cycle (a back edge). */
  reversed: Uint8Array;
  /** Bend points per edge, from source to target, flattened [x0, y0, x1, y1, …]. */
  bends: Float64Array[];
  width: number;
  height: number;
  crossings: number;
}

export function layeredLayout(input: LayoutInput): LayoutResult {
  const n = input.nodeCount;
  const edgeCount = input.edgeSource.length;
  const reversed = new Uint8Array(edgeCount);
  const isSelfLoop = new Uint8Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    isSelfLoop[e] = input.edgeSource[e] === input.edgeTarget[e] ? 1 : 0;
  }
  breakCycles(n, input.edgeSource, input.edgeTarget, isSelfLoop, reversed);

  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    from[e] = reversed[e] ? input.edgeTarget[e] : input.edgeSource[e];
    to[e] = reversed[e] ? input.edgeSource[e] : input.edgeTarget[e];
  }
  const layer = assignLayers(n, from, to, isSelfLoop);

  // Dummy nodes: one per layer crossed by a long edge, so crossing reduction and placement see the edge.
  let total = n;
  for (let e = 0; e < edgeCount; e++) {
    if (!isSelfLoop[e]) {
      total += Math.max(0, layer[to[e]] - layer[from[e]] - 1);
    }
  }
  const fullLayer = new Int32Array(total);
  fullLayer.set(layer);
  const chainStart = new Int32Array(edgeCount + 1);
  const segFrom: number[] = [];
  const segTo: number[] = [];
  let next = n;
  for (let e = 0; e < edgeCount; e++) {
    chainStart[e] = next;
    if (isSelfLoop[e]) {
      continue;
    }
    let previous = from[e];
    for (let l = layer[from[e]] + 1; l < layer[to[e]]; l++) {
      fullLayer[next] = l;
      segFrom.push(previous);
      segTo.push(next);
      previous = next++;
    }
    segFrom.push(previous);
    segTo.push(to[e]);
  }
  chainStart[edgeCount] = next;

  const segmentFrom = Int32Array.from(segFrom);
  const segmentTo = Int32Array.from(segTo);
  const [downOffsets, downList] = adjacency(total, segmentFrom, segmentTo);
  const [upOffsets, upList] = adjacency(total, segmentTo, segmentFrom);

  let layerCount = 0;
  for (let v = 0; v < total; v++) {
    layerCount = Math.max(layerCount, fullLayer[v] + 1);
  }
  const layers = initialOrder(
    total,
    n,
    fullLayer,
    layerCount,
    downOffsets,
    downList,
    upOffsets,
    upList,
    input.orderHint
  );
  const group = new Int32Array(total).fill(-1);
  if (input.groupOf) {
    group.set(input.groupOf.subarray(0, n));
    // Dummies inherit the group of their edge's source so groups stay contiguous.
    for (let e = 0; e < edgeCount; e++) {
      for (let d = chainStart[e]; d < chainStart[e + 1]; d++) {
        group[d] = group[from[e]];
      }
    }
  }
  const crossings = reduceCrossings(
    layers,
    total,
    downOffsets,
    downList,
    upOffsets,
    upList,
    input.groupOf ? group : undefined,
    input.sweeps ?? 12
  );

  const breadth = new Float64Array(total);
  for (let v = 0; v < total; v++) {
    breadth[v] = v < n ? input.nodeBreadth : 0;
  }
  const along = placeAlongLayers(layers, breadth, input.nodeSpacing, downOffsets, downList, upOffsets, upList);

  // Convert (layer, along) into x/y for the direction.
  let minAlong = Infinity;
  let maxAlong = -Infinity;
  for (let v = 0; v < total; v++) {
    minAlong = Math.min(minAlong, along[v] - breadth[v] / 2);
    maxAlong = Math.max(maxAlong, along[v] + breadth[v] / 2);
  }
  if (total === 0) {
    minAlong = maxAlong = 0;
  }
  const layerStep = input.nodeDepth + input.layerSpacing;
  const across = (v: number) => fullLayer[v] * layerStep + input.nodeDepth / 2;
  const horizontal = input.direction === 'LR';
  const px = (v: number) => (horizontal ? across(v) : along[v] - minAlong);
  const py = (v: number) => (horizontal ? along[v] - minAlong : across(v));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    x[v] = px(v);
    y[v] = py(v);
  }
  const bends: Float64Array[] = new Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const count = chainStart[e + 1] - chainStart[e];
    const points = new Float64Array(count * 2);
    for (let i = 0; i < count; i++) {
      // Reversed edges were laid out target→source; flip their bends back to source→target order.
      const dummy = reversed[e] ? chainStart[e + 1] - 1 - i : chainStart[e] + i;
      points[i * 2] = px(dummy);
      points[i * 2 + 1] = py(dummy);
    }
    bends[e] = points;
  }
  const alongExtent = maxAlong - minAlong;
  const acrossExtent = layerCount > 0 ? layerCount * layerStep - input.layerSpacing : 0;
  return {
    x,
    y,
    layer,
    reversed,
    bends,
    width: horizontal ? acrossExtent : alongExtent,
    height: horizontal ? alongExtent : acrossExtent,
    crossings,
  };
}

function adjacency(count: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(count + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e] + 1]++;
  }
  for (let v = 0; v < count; v++) {
    offsets[v + 1] += offsets[v];
  }
  const cursor = offsets.slice(0, count);
  const list = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    list[cursor[from[e]]++] = to[e];
  }
  return [offsets, list];
}

/** Depth-first search from sources first; every edge to a node still on the DFS stack is a back edge. */
export function breakCycles(
  n: number,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  skip: Uint8Array,
  reversed: Uint8Array
) {
  const edgeCount = source.length;
  const offsets = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  for (let e = 0; e < edgeCount; e++) {
    if (!skip[e]) {
      offsets[source[e] + 1]++;
      indegree[target[e]]++;
    }
  }
  for (let v = 0; v < n; v++) {
    offsets[v + 1] += offsets[v];
  }
  const cursor = offsets.slice(0, n);
  const outEdges = new Int32Array(offsets[n]);
  for (let e = 0; e < edgeCount; e++) {
    if (!skip[e]) {
      outEdges[cursor[source[e]]++] = e;
    }
  }
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  const visit = (root: number) => {
    let depth = 0;
    stackNode[0] = root;
    stackEdge[0] = offsets[root];
    state[root] = 1;
    while (depth >= 0) {
      const node = stackNode[depth];
      const position = stackEdge[depth];
      if (position === offsets[node + 1]) {
        state[node] = 2;
        depth--;
        continue;
      }
      stackEdge[depth] = position + 1;
      const e = outEdges[position];
      const next = target[e];
      if (state[next] === 1) {
        reversed[e] = 1;
      } else if (state[next] === 0) {
        state[next] = 1;
        depth++;
        stackNode[depth] = next;
        stackEdge[depth] = offsets[next];
      }
    }
  };
  for (let v = 0; v < n; v++) {
    if (indegree[v] === 0 && state[v] === 0) {
      visit(v);
    }
  }
  for (let v = 0; v < n; v++) {
    if (state[v] === 0) {
      visit(v);
    }
  }
}

/** Longest path from the sources (Kahn order), then sources are pulled next to their nearest successor. */
export function assignLayers(n: number, from: Int32Array, to: Int32Array, skip: Uint8Array): Int32Array {
  const [offsets, list] = adjacency(
    n,
    from.filter((_, e) => !skip[e]),
    to.filter((_, e) => !skip[e])
  );
  const indegree = new Int32Array(n);
  for (let i = 0; i < list.length; i++) {
    indegree[list[i]]++;
  }
  const layer = new Int32Array(n);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (indegree[v] === 0) {
      order[tail++] = v;
    }
  }
  const remaining = indegree.slice();
  while (head < tail) {
    const v = order[head++];
    for (let i = offsets[v]; i < offsets[v + 1]; i++) {
      const w = list[i];
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--remaining[w] === 0) {
        order[tail++] = w;
      }
    }
  }
  // Sources with no callers sit next to what they call instead of all stacking in layer 0.
  for (let i = tail - 1; i >= 0; i--) {
    const v = order[i];
    if (indegree[v] !== 0 || offsets[v] === offsets[v + 1]) {
      continue;
    }
    let nearest = Infinity;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      nearest = Math.min(nearest, layer[list[k]]);
    }
    layer[v] = nearest - 1;
  }
  shortenEdges(n, offsets, list, order, tail, indegree, layer);
  return layer;
}

/**
 * Longest path stretches edges: a node with more dependencies than dependents is better placed late, next to
 * what it calls. Moving a node by one layer changes the total edge span by (in-degree − out-degree), so each
 * node is moved to the end of its feasible range that shortens its edges; the total only shrinks, a few passes.
 */
function shortenEdges(
  n: number,
  offsets: Int32Array,
  list: Int32Array,
  order: Int32Array,
  count: number,
  indegree: Int32Array,
  layer: Int32Array
) {
  const [inOffsets, inList] = adjacency(n, list, predecessorsOf(n, offsets, list));
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (let i = count - 1; i >= 0; i--) {
      const v = order[i];
      const outdegree = offsets[v + 1] - offsets[v];
      if (outdegree <= indegree[v] || indegree[v] === 0) {
        // Sources were already pulled next to their dependencies; sinks sit as early as they can.
        continue;
      }
      let latest = Infinity;
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        latest = Math.min(latest, layer[list[k]] - 1);
      }
      if (latest > layer[v]) {
        layer[v] = latest;
        changed = true;
      }
    }
    for (let i = 0; i < count; i++) {
      const v = order[i];
      const outdegree = offsets[v + 1] - offsets[v];
      if (indegree[v] <= outdegree || outdegree === 0) {
        continue;
      }
      let earliest = -Infinity;
      for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) {
        earliest = Math.max(earliest, layer[inList[k]] + 1);
      }
      if (earliest < layer[v]) {
        layer[v] = earliest;
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
  }
}

/** For each entry of a CSR adjacency list, the node whose list it is in. */
function predecessorsOf(n: number, offsets: Int32Array, list: Int32Array): Int32Array {
  const owner = new Int32Array(list.length);
  for (let v = 0; v < n; v++) {
    owner.fill(v, offsets[v], offsets[v + 1]);
  }
  return owner;
}

/** Breadth-first order from the first layer keeps connected parts together and gives sweeps a good start. */
function initialOrder(
  total: number,
  realCount: number,
  layerOf: Int32Array,
  layerCount: number,
  downOffsets: Int32Array,
  downList: Int32Array,
  upOffsets: Int32Array,
  upList: Int32Array,
  hint?: Float64Array
): Int32Array[] {
  const sizes = new Int32Array(layerCount);
  for (let v = 0; v < total; v++) {
    sizes[layerOf[v]]++;
  }
  const layers = Array.from(sizes, (size) => new Int32Array(size));
  const fill = new Int32Array(layerCount);
  const seen = new Uint8Array(total);
  const queue = new Int32Array(total);
  let head = 0;
  let tail = 0;
  const roots = Array.from({ length: realCount }, (_, v) => v);
  if (hint) {
    // Nodes without a hint (new ones) go last; NaN must not reach the comparator.
    const rootKey = (v: number) => (Number.isNaN(hint[v]) ? Number.MAX_VALUE : hint[v]);
    roots.sort((a, b) => rootKey(a) - rootKey(b));
  }
  const place = (v: number) => {
    seen[v] = 1;
    queue[tail++] = v;
  };
  for (const root of roots) {
    if (seen[root]) {
      continue;
    }
    place(root);
    while (head < tail) {
      const v = queue[head++];
      layers[layerOf[v]][fill[layerOf[v]]++] = v;
      for (let i = downOffsets[v]; i < downOffsets[v + 1]; i++) {
        if (!seen[downList[i]]) {
          place(downList[i]);
        }
      }
      for (let i = upOffsets[v]; i < upOffsets[v + 1]; i++) {
        if (!seen[upList[i]]) {
          place(upList[i]);
        }
      }
    }
  }
  if (hint) {
    // Keep previously seen nodes in their previous relative order; new nodes and dummies keep their slots.
    const key = new Float64Array(total);
    for (const nodes of layers) {
      for (const v of nodes) {
        key[v] = v < realCount && Number.isFinite(hint[v]) ? hint[v] : Number.NaN;
      }
      sortByKeyKeepingUnknown(nodes, key);
    }
  }
  return layers;
}

/** Sorts nodes with a known key among themselves; nodes without one stay in their slots. */
function sortByKeyKeepingUnknown(nodes: Int32Array, key: Float64Array) {
  const known: number[] = [];
  const slots: number[] = [];
  nodes.forEach((v, i) => {
    if (!Number.isNaN(key[v])) {
      known.push(v);
      slots.push(i);
    }
  });
  known.sort((a, b) => key[a] - key[b]);
  slots.forEach((slot, i) => (nodes[slot] = known[i]));
}

function reduceCrossings(
  layers: Int32Array[],
  total: number,
  downOffsets: Int32Array,
  downList: Int32Array,
  upOffsets: Int32Array,
  upList: Int32Array,
  group: Int32Array | undefined,
  sweeps: number
): number {
  const position = new Float64Array(total);
  const refreshPositions = (nodes: Int32Array) => {
    for (let i = 0; i < nodes.length; i++) {
      position[nodes[i]] = i;
    }
  };
  layers.forEach(refreshPositions);
  const countAll = () => {
    let sum = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      sum += countBilayerCrossings(layers[l], layers[l + 1], position, downOffsets, downList);
    }
    return sum;
  };
  let best = countAll();
  let bestLayers = layers.map((nodes) => nodes.slice());
  const key = new Float64Array(total);
  const groupKey = new Map<number, number>();
  const sortLayer = (nodes: Int32Array, offsets: Int32Array, list: Int32Array) => {
    for (let i = 0; i < nodes.length; i++) {
      const v = nodes[i];
      const start = offsets[v];
      const end = offsets[v + 1];
      if (start === end) {
        key[v] = position[v];
        continue;
      }
      let sum = 0;
      for (let k = start; k < end; k++) {
        sum += position[list[k]];
      }
      // Scale to this layer's index space so nodes without neighbours keep meaningful slots.
      key[v] = sum / (end - start);
    }
    if (group) {
      groupKey.clear();
      const counts = new Map<number, number>();
      for (const v of nodes) {
        groupKey.set(group[v], (groupKey.get(group[v]) ?? 0) + key[v]);
        counts.set(group[v], (counts.get(group[v]) ?? 0) + 1);
      }
      nodes.sort((a, b) => {
        const ga = groupKey.get(group[a])! / counts.get(group[a])!;
        const gb = groupKey.get(group[b])! / counts.get(group[b])!;
        return ga - gb || group[a] - group[b] || key[a] - key[b];
      });
    } else {
      nodes.sort((a, b) => key[a] - key[b]);
    }
    refreshPositions(nodes);
  };
  // Crossings between u and v (u placed before v) from the edges to one neighbouring layer.
  const pairCrossings = (u: number, v: number, offsets: Int32Array, list: Int32Array) => {
    let count = 0;
    for (let i = offsets[u]; i < offsets[u + 1]; i++) {
      const pu = position[list[i]];
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        if (pu > position[list[k]]) {
          count++;
        }
      }
    }
    return count;
  };
  // Transpose (Gansner et al.): swap neighbours while that removes crossings; each swap only changes the
  // crossings between the two nodes' own edges, so the total never grows. Bounded passes keep it linear.
  const transpose = () => {
    for (let pass = 0, improved = true; improved && pass < 4; pass++) {
      improved = false;
      for (const nodes of layers) {
        for (let i = 0; i + 1 < nodes.length; i++) {
          const u = nodes[i];
          const v = nodes[i + 1];
          if (group && group[u] !== group[v]) {
            continue;
          }
          const before = pairCrossings(u, v, upOffsets, upList) + pairCrossings(u, v, downOffsets, downList);
          if (before === 0) {
            continue;
          }
          const after = pairCrossings(v, u, upOffsets, upList) + pairCrossings(v, u, downOffsets, downList);
          if (after < before) {
            nodes[i] = v;
            nodes[i + 1] = u;
            position[v] = i;
            position[u] = i + 1;
            improved = true;
          }
        }
      }
    }
  };
  // Alternate down and up barycenter sweeps, each polished by transpose; keep the best order seen and stop
  // after two sweeps without improvement, or after `sweeps` rounds (down + up) at most.
  let patience = 0;
  for (let half = 0; half < 2 * sweeps && patience < 2; half++) {
    if (half % 2 === 0) {
      for (let l = 1; l < layers.length; l++) {
        sortLayer(layers[l], upOffsets, upList);
      }
    } else {
      for (let l = layers.length - 2; l >= 0; l--) {
        sortLayer(layers[l], downOffsets, downList);
      }
    }
    if (layers.length === 1) {
      sortLayer(layers[0], downOffsets, downList);
    }
    transpose();
    const crossings = countAll();
    // With groups the initial order may split a group, so the first sorted order is always taken.
    if (crossings < best || (group && half === 0)) {
      patience = crossings < best ? 0 : patience;
      best = crossings;
      bestLayers = layers.map((nodes) => nodes.slice());
    } else {
      patience++;
    }
  }
  bestLayers.forEach((nodes, l) => {
    layers[l] = nodes;
    refreshPositions(nodes);
  });
  return best;
}

/** Crossings between two adjacent layers with an accumulator tree (Barth, Jünger, Mutzel), O(E log V). */
function countBilayerCrossings(
  upper: Int32Array,
  lower: Int32Array,
  position: Float64Array,
  downOffsets: Int32Array,
  downList: Int32Array
): number {
  const targets: number[] = [];
  for (let i = 0; i < upper.length; i++) {
    const v = upper[i];
    const start = targets.length;
    for (let k = downOffsets[v]; k < downOffsets[v + 1]; k++) {
      targets.push(position[downList[k]]);
    }
    if (targets.length - start > 1) {
      const slice = targets.slice(start).sort((a, b) => a - b);
      for (let k = 0; k < slice.length; k++) {
        targets[start + k] = slice[k];
      }
    }
  }
  let firstIndex = 1;
  while (firstIndex < lower.length) {
    firstIndex *= 2;
  }
  const tree = new Int32Array(2 * firstIndex);
  firstIndex -= 1;
  let crossings = 0;
  for (const target of targets) {
    let index = target + firstIndex;
    tree[index]++;
    while (index > 0) {
      if (index % 2) {
        crossings += tree[index + 1];
      }
      index = (index - 1) >> 1;
      tree[index]++;
    }
  }
  return crossings;
}

/**
 * Along-layer coordinates: each node wants the mean of its neighbours' coordinates; the closest
 * placement that keeps the minimum gaps is an isotonic regression (pool adjacent violators), O(layer size).
 */
function placeAlongLayers(
  layers: Int32Array[],
  breadth: Float64Array,
  spacing: number,
  downOffsets: Int32Array,
  downList: Int32Array,
  upOffsets: Int32Array,
  upList: Int32Array
): Float64Array {
  const total = breadth.length;
  const along = new Float64Array(total);
  const dummyGap = spacing / 3;
  const gapBetween = (a: number, b: number) =>
    breadth[a] / 2 + breadth[b] / 2 + (breadth[a] === 0 && breadth[b] === 0 ? dummyGap : spacing);
  for (const nodes of layers) {
    let cursor = 0;
    for (let i = 0; i < nodes.length; i++) {
      if (i > 0) {
        cursor += gapBetween(nodes[i - 1], nodes[i]);
      }
      along[nodes[i]] = cursor;
    }
    const centre = cursor / 2;
    for (const v of nodes) {
      along[v] -= centre;
    }
  }
  const desired = new Float64Array(total);
  const relax = (nodes: Int32Array, offsets: Int32Array, list: Int32Array) => {
    for (const v of nodes) {
      const start = offsets[v];
      const end = offsets[v + 1];
      if (start === end) {
        desired[v] = along[v];
        continue;
      }
      let sum = 0;
      for (let k = start; k < end; k++) {
        sum += along[list[k]];
      }
      // Dummies follow harder so long edges run straight.
      desired[v] = sum / (end - start);
    }
    fitWithGaps(nodes, desired, along, gapBetween);
  };
  for (let pass = 0; pass < 4; pass++) {
    for (let l = 1; l < layers.length; l++) {
      relax(layers[l], upOffsets, upList);
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      relax(layers[l], downOffsets, downList);
    }
  }
  return along;
}

/** Least-squares placement of ordered nodes at `desired`, subject to minimum gaps (pool adjacent violators). */
export function fitWithGaps(
  nodes: Int32Array,
  desired: Float64Array,
  out: Float64Array,
  gapBetween: (a: number, b: number) => number
) {
  const count = nodes.length;
  if (count === 0) {
    return;
  }
  const shift = new Float64Array(count);
  for (let i = 1; i < count; i++) {
    shift[i] = shift[i - 1] + gapBetween(nodes[i - 1], nodes[i]);
  }
  // Blocks of pooled values: mean of (desired - shift) over each block must be non-decreasing.
  const blockSum = new Float64Array(count);
  const blockSize = new Int32Array(count);
  let blocks = 0;
  for (let i = 0; i < count; i++) {
    blockSum[blocks] = desired[nodes[i]] - shift[i];
    blockSize[blocks] = 1;
    blocks++;
    while (blocks > 1 && blockSum[blocks - 2] / blockSize[blocks - 2] > blockSum[blocks - 1] / blockSize[blocks - 1]) {
      blockSum[blocks - 2] += blockSum[blocks - 1];
      blockSize[blocks - 2] += blockSize[blocks - 1];
      blocks--;
    }
  }
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    const value = blockSum[b] / blockSize[b];
    for (let k = 0; k < blockSize[b]; k++, i++) {
      out[nodes[i]] = value + shift[i];
    }
  }
}
