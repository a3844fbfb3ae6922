import React, { memo, useEffect, useMemo, useRef } from 'react';
import { useStyles2 } from '@grafana/ui';
import { NODE_HEIGHT, NODE_WIDTH, TEST_IDS } from '../../constants/testIds';
import { edgeGeometry } from '../../view/edgePath';
import { nodeColor, ringColor } from '../../view/graphColors';
import { groupBoxes } from '../../view/groupBoxes';
import { Role, type HighlightRole } from '../../view/highlight';
import { NodeGrid } from '../../view/spatialIndex';
import { panBy, toWorld, zoomAt } from '../../view/viewport';
import type { GraphDrawingProps } from '../graphDrawingProps';
import { getCanvasGraphStyles } from './CanvasGraph.styles';

const HALF_WIDTH = NODE_WIDTH / 2;
const HALF_HEIGHT = NODE_HEIGHT / 2;
/** Below this zoom labels are unreadable anyway; skipping them keeps big graphs fluid. */
const LABEL_MIN_ZOOM = 0.45;
/** Below this zoom a node is a few pixels wide: draw plain rectangles batched by colour. */
const DETAIL_MIN_ZOOM = 0.25;

/** One fill() per colour and alpha instead of a rounded, stroked path per node. */
function drawNodesCoarse(
  context: CanvasRenderingContext2D,
  count: number,
  inView: (node: number) => boolean,
  styleOf: (node: number) => { color: string; alpha: number },
  x: Float64Array,
  y: Float64Array
) {
  const batches = new Map<string, number[]>();
  for (let v = 0; v < count; v++) {
    if (!Number.isFinite(x[v]) || !inView(v)) {
      continue;
    }
    const { color, alpha } = styleOf(v);
    const key = `${alpha}|${color}`;
    const list = batches.get(key);
    if (list) {
      list.push(v);
    } else {
      batches.set(key, [v]);
    }
  }
  for (const [key, nodes] of [...batches].sort(([a], [b]) => a.localeCompare(b))) {
    const [alpha, color] = key.split('|');
    context.globalAlpha = Number(alpha);
    context.fillStyle = color;
    context.beginPath();
    for (const v of nodes) {
      context.rect(x[v] - HALF_WIDTH, y[v] - HALF_HEIGHT, NODE_WIDTH, NODE_HEIGHT);
    }
    context.fill();
  }
  context.globalAlpha = 1;
}

interface CanvasGraphProps extends GraphDrawingProps {
  onViewChange: (view: GraphDrawingProps['view']) => void;
}

/**
 * Canvas renderer for large graphs: edges batched into one path per style, nodes culled to the viewport,
 * hit testing through a grid index. Keyboard: arrows pan, +/- zoom (node selection via the search box).
 */
export const CanvasGraph = memo(function CanvasGraph(props: CanvasGraphProps) {
  const { positioned, highlight, colors, view, width, height, direction } = props;
  const styles = useStyles2(getCanvasGraphStyles);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { graph, x, y, bends } = positioned;

  const groups = useMemo(() => groupBoxes(graph.nodes, x, y, HALF_WIDTH, HALF_HEIGHT), [graph, x, y]);
  const grid = useMemo(() => new NodeGrid(x, y, HALF_WIDTH, HALF_HEIGHT, (v) => Number.isFinite(x[v])), [x, y]);

  // Edge polylines in world coordinates, computed once per layout rather than once per frame.
  const edgeLines = useMemo(
    () =>
      graph.edges.map((_, e) => {
        const s = graph.edgeSource[e];
        const t = graph.edgeTarget[e];
        if (!Number.isFinite(x[s]) || !Number.isFinite(x[t]) || s === t) {
          return undefined;
        }
        return edgeGeometry(x[s], y[s], x[t], y[t], bends[e], direction, HALF_WIDTH, HALF_HEIGHT);
      }),
    [graph, x, y, bends, direction]
  );

  // One batch per (colour, width, alpha): a handful of stroke() calls instead of 15,000.
  const batches = useMemo(() => {
    const byStyle = new Map<
      string,
      { color: string; width: number; alpha: number; dashed: boolean; edges: number[] }
    >();
    edgeLines.forEach((line, e) => {
      if (!line) {
        return;
      }
      const role = highlight.edgeRole[e];
      const edge = graph.edges[e];
      const color =
        role === Role.Affected
          ? colors.affected
          : role === Role.CauseChain
            ? colors.cause
            : (edge.color ?? colors.edge[props.edgeLevels[e]]);
      const width =
        Math.round(props.edgeWidths[e] * 2) / 2 + (role === Role.Affected || role === Role.CauseChain ? 1 : 0);
      const alpha = role === Role.Dimmed ? 0.12 : 0.85;
      const dashed = line.backwards;
      const key = `${color}|${width}|${alpha}|${dashed}`;
      const batch = byStyle.get(key) ?? { color, width, alpha, dashed, edges: [] };
      batch.edges.push(e);
      byStyle.set(key, batch);
    });
    // Highlighted edges last so they are drawn on top.
    return [...byStyle.values()].sort((a, b) => a.alpha - b.alpha || a.width - b.width);
  }, [edgeLines, highlight, colors, graph, props.edgeLevels, props.edgeWidths]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) {
      return;
    }
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.setTransform(ratio * view.k, 0, 0, ratio * view.k, ratio * view.x, ratio * view.y);
    const [left, top] = toWorld(view, 0, 0);
    const [right, bottom] = toWorld(view, width, height);

    for (const box of groups) {
      context.globalAlpha = 1;
      context.fillStyle = colors.groupFill;
      context.strokeStyle = colors.groupBorder;
      context.lineWidth = 1;
      context.beginPath();
      context.roundRect(box.minX, box.minY, box.maxX - box.minX, box.maxY - box.minY, 8);
      context.fill();
      context.stroke();
      if (view.k >= LABEL_MIN_ZOOM) {
        context.fillStyle = colors.secondaryText;
        context.font = '11px Inter, Helvetica, Arial, sans-serif';
        context.fillText(box.name, box.minX + 8, box.minY + 14);
      }
    }
    for (const batch of batches) {
      context.beginPath();
      context.strokeStyle = batch.color;
      context.globalAlpha = batch.alpha;
      context.lineWidth = batch.width;
      context.setLineDash(batch.dashed ? [6, 4] : []);
      for (const e of batch.edges) {
        const p = edgeLines[e]!.points;
        context.moveTo(p[0], p[1]);
        if (edgeLines[e]!.backwards) {
          const bow = 46;
          if (direction === 'LR') {
            context.bezierCurveTo(p[0], p[1] + bow, p[2], p[3] + bow, p[2], p[3]);
          } else {
            context.bezierCurveTo(p[0] + bow, p[1], p[2] + bow, p[3], p[2], p[3]);
          }
          continue;
        }
        for (let i = 2; i < p.length; i += 2) {
          context.lineTo(p[i], p[i + 1]);
        }
      }
      context.stroke();
    }
    context.setLineDash([]);

    if (view.k < DETAIL_MIN_ZOOM) {
      drawNodesCoarse(
        context,
        graph.nodes.length,
        (v) => {
          const cx = x[v];
          const cy = y[v];
          return (
            cx + HALF_WIDTH >= left && cx - HALF_WIDTH <= right && cy + HALF_HEIGHT >= top && cy - HALF_HEIGHT <= bottom
          );
        },
        (v) => {
          const role = highlight.nodeRole[v];
          const ring =
            role === Role.Selected
              ? colors.selected
              : role === Role.Affected
                ? colors.affected
                : role === Role.Cause || role === Role.CauseChain
                  ? colors.cause
                  : undefined;
          return { color: ring ?? nodeColor(graph.nodes[v], colors), alpha: role === Role.Dimmed ? 0.3 : 1 };
        },
        x,
        y
      );
      canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
      return;
    }
    const showLabels = view.k >= LABEL_MIN_ZOOM;
    context.font = '600 13px Inter, Helvetica, Arial, sans-serif';
    context.textBaseline = 'middle';
    for (let v = 0; v < graph.nodes.length; v++) {
      const cx = x[v];
      const cy = y[v];
      if (!(
        cx + HALF_WIDTH >= left &&
        cx - HALF_WIDTH <= right &&
        cy + HALF_HEIGHT >= top &&
        cy - HALF_HEIGHT <= bottom
      )) {
        continue;
      }
      const node = graph.nodes[v];
      const role = highlight.nodeRole[v];
      context.globalAlpha = role === Role.Dimmed ? 0.3 : 1;
      const color = nodeColor(node, colors);
      context.fillStyle = colors.nodeFill;
      context.strokeStyle = color;
      context.lineWidth = 2;
      context.beginPath();
      context.roundRect(cx - HALF_WIDTH, cy - HALF_HEIGHT, NODE_WIDTH, NODE_HEIGHT, node.isExternal ? HALF_HEIGHT : 5);
      context.fill();
      context.stroke();
      if (!node.isExternal) {
        context.fillStyle = color;
        context.fillRect(cx - HALF_WIDTH, cy - HALF_HEIGHT, 7, NODE_HEIGHT);
      }
      const ring = ringColor(role as HighlightRole, colors);
      if (ring) {
        context.strokeStyle = ring;
        context.lineWidth = 3;
        context.beginPath();
        context.roundRect(cx - HALF_WIDTH - 4, cy - HALF_HEIGHT - 4, NODE_WIDTH + 8, NODE_HEIGHT + 8, 9);
        context.stroke();
      }
      if (showLabels) {
        context.fillStyle = colors.text;
        context.fillText(
          node.title.length > 20 ? `${node.title.slice(0, 19)}…` : node.title,
          cx - HALF_WIDTH + 15,
          cy - 6,
          NODE_WIDTH - 20
        );
      }
    }
    context.globalAlpha = 1;
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
  }, [batches, edgeLines, groups, graph, x, y, highlight, colors, view, width, height, direction]);

  const nodeAt = (event: React.MouseEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const [wx, wy] = toWorld(view, event.clientX - rect.left, event.clientY - rect.top);
    const hit = grid.hit(wx, wy);
    return hit >= 0 ? hit : undefined;
  };

  return (
    <canvas
      ref={canvasRef}
      className={styles.canvas}
      style={{ width, height }}
      data-testid={TEST_IDS.canvas}
      tabIndex={0}
      role="img"
      aria-label={`Service dependency graph with ${graph.nodes.length} nodes; arrow keys pan, plus and minus zoom, use search to select a node`}
      onClick={(event) => props.onSelectNode(nodeAt(event))}
      onMouseMove={(event) => {
        const hit = nodeAt(event);
        const rect = canvasRef.current!.getBoundingClientRect();
        props.onHoverNode(hit, event.clientX - rect.left, event.clientY - rect.top);
      }}
      onMouseLeave={() => props.onHoverNode(undefined)}
      onKeyDown={(event) => {
        const step = 60;
        const moves: Record<string, () => GraphDrawingProps['view']> = {
          ArrowLeft: () => panBy(view, step, 0),
          ArrowRight: () => panBy(view, -step, 0),
          ArrowUp: () => panBy(view, 0, step),
          ArrowDown: () => panBy(view, 0, -step),
          '+': () => zoomAt(view, 1.25, width / 2, height / 2),
          '=': () => zoomAt(view, 1.25, width / 2, height / 2),
          '-': () => zoomAt(view, 0.8, width / 2, height / 2),
        };
        if (moves[event.key]) {
          event.preventDefault();
          props.onViewChange(moves[event.key]());
        }
      }}
    />
  );
});
