import type { ServiceNode } from '../graph/types';

export interface GroupBox {
  name: string;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounding box per group label around its drawn nodes, padded so the label fits above. */
export function groupBoxes(
  nodes: ServiceNode[],
  x: Float64Array,
  y: Float64Array,
  halfWidth: number,
  halfHeight: number,
  padding = 12
): GroupBox[] {
  const boxes = new Map<string, GroupBox>();
  nodes.forEach((node, v) => {
    if (!node.group || !Number.isFinite(x[v])) {
      return;
    }
    const box = boxes.get(node.group) ?? {
      name: node.group,
      minX: Infinity,
      minY: Infinity,
      maxX: -Infinity,
      maxY: -Infinity,
    };
    box.minX = Math.min(box.minX, x[v] - halfWidth - padding);
    box.maxX = Math.max(box.maxX, x[v] + halfWidth + padding);
    box.minY = Math.min(box.minY, y[v] - halfHeight - padding - 14);
    box.maxY = Math.max(box.maxY, y[v] + halfHeight + padding);
    boxes.set(node.group, box);
  });
  return [...boxes.values()];
}
