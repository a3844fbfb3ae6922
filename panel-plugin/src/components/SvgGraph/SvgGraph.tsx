import React, { memo, useMemo } from 'react';
import { useStyles2 } from '@grafana/ui';
import { NODE_HEIGHT, NODE_WIDTH, TEST_IDS } from '../../constants/testIds';
import { edgeGeometry, edgePathData } from '../../view/edgePath';
import { edgeLabel } from '../../view/edgeStyle';
import { nodeColor, ringColor } from '../../view/graphColors';
import { groupBoxes } from '../../view/groupBoxes';
import { Role, type HighlightRole } from '../../view/highlight';
import type { GraphDrawingProps } from '../graphDrawingProps';
import { getSvgGraphStyles } from './SvgGraph.styles';

const ROLE_NAMES = ['normal', 'dimmed', 'selected', 'affected', 'cause', 'cause-chain', 'match'];
const HALF_WIDTH = NODE_WIDTH / 2;
const HALF_HEIGHT = NODE_HEIGHT / 2;

/** SVG renderer for small and medium graphs: crisp text, real DOM nodes that Tab and screen readers reach. */
export const SvgGraph = memo(function SvgGraph(props: GraphDrawingProps) {
  const { positioned, highlight, cycles, colors, direction, view, width, height } = props;
  const styles = useStyles2(getSvgGraphStyles);
  const { graph, x, y, bends } = positioned;

  const labels = useMemo(() => graph.edges.map(edgeLabel), [graph]);
  const edgePaths = useMemo(
    () =>
      graph.edges.map((_, e) => {
        const s = graph.edgeSource[e];
        const t = graph.edgeTarget[e];
        if (!Number.isFinite(x[s]) || !Number.isFinite(x[t])) {
          return undefined;
        }
        if (s === t) {
          // Self-loop: a small arc over the node.
          const top = y[s] - HALF_HEIGHT;
          return {
            d: `M${x[s] - 20},${top} C${x[s] - 30},${top - 36} ${x[s] + 30},${top - 36} ${x[s] + 20},${top}`,
            mid: [x[s], top - 28],
          };
        }
        const geometry = edgeGeometry(x[s], y[s], x[t], y[t], bends[e], direction, HALF_WIDTH, HALF_HEIGHT);
        const p = geometry.points;
        const count = p.length / 2;
        const i = Math.floor((count - 1) / 2);
        const j = Math.min(count - 1, i + 1);
        const mid = [(p[2 * i] + p[2 * j]) / 2, (p[2 * i + 1] + p[2 * j + 1]) / 2];
        return { d: edgePathData(geometry, direction), mid };
      }),
    [graph, x, y, bends, direction]
  );
  const groups = useMemo(() => groupBoxes(graph.nodes, x, y, HALF_WIDTH, HALF_HEIGHT), [graph, x, y]);

  const arrowColors = Object.entries({
    ...colors.edge,
    cycle: colors.cycle,
    affected: colors.affected,
    cause: colors.cause,
  });

  return (
    <svg
      className={styles.svg}
      width={width}
      height={height}
      data-testid={TEST_IDS.svg}
      role="group"
      aria-label="Service dependency graph"
      onClick={(event) => {
        if (event.target === event.currentTarget) {
          props.onSelectNode(undefined);
        }
      }}
    >
      <defs>
        {arrowColors.map(([name, color]) => (
          <marker
            key={name}
            id={`sg-arrow-${name}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="9"
            markerHeight="9"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={color} />
          </marker>
        ))}
      </defs>
      <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
        {groups.map((box) => (
          <g key={box.name} className={styles.group} data-testid={TEST_IDS.group} data-group={box.name}>
            <rect
              x={box.minX}
              y={box.minY}
              width={box.maxX - box.minX}
              height={box.maxY - box.minY}
              rx={8}
              fill={colors.groupFill}
              stroke={colors.groupBorder}
            />
            <text x={box.minX + 8} y={box.minY + 14} fill={colors.secondaryText}>
              {box.name}
            </text>
          </g>
        ))}
        {edgePaths.map((path, e) => {
          if (!path) {
            return null;
          }
          const edge = graph.edges[e];
          const role = highlight.edgeRole[e];
          const cyclic = cycles.cyclicEdges.has(e);
          const level = props.edgeLevels[e];
          const color =
            role === Role.Affected
              ? colors.affected
              : role === Role.CauseChain
                ? colors.cause
                : (edge.color ?? (level === 'none' && cyclic ? colors.cycle : colors.edge[level]));
          const marker =
            role === Role.Affected
              ? 'affected'
              : role === Role.CauseChain
                ? 'cause'
                : level === 'none' && cyclic
                  ? 'cycle'
                  : level;
          return (
            <g
              key={edge.id}
              data-testid={TEST_IDS.edge}
              data-edge-id={edge.id}
              data-role={ROLE_NAMES[role]}
              data-cyclic={cyclic || undefined}
              data-error-level={level}
              data-width={props.edgeWidths[e].toFixed(2)}
              opacity={role === Role.Dimmed ? 0.15 : 1}
            >
              <path
                d={path.d}
                fill="none"
                stroke={color}
                strokeWidth={props.edgeWidths[e] + (role === Role.Affected || role === Role.CauseChain ? 0.5 : 0)}
                strokeDasharray={cyclic ? '6 4' : undefined}
                markerEnd={edge.color ? undefined : `url(#sg-arrow-${marker})`}
              >
                <title>{`${edge.source} → ${edge.target}${edge.details.length > 0 ? ` · ${edge.details.map((d) => `${d.name} ${d.value}`).join(' · ')}` : `${edge.mainStat ? ` · ${edge.mainStat}` : ''}${edge.secondaryStat ? ` · ${edge.secondaryStat}` : ''}`}${cyclic ? ' · part of a cycle' : ''}`}</title>
              </path>
              {props.showEdgeLabels && labels[e] && (
                <text
                  x={path.mid[0]}
                  y={path.mid[1] - 4}
                  className={styles.edgeLabel}
                  fill={colors.secondaryText}
                  stroke={colors.nodeFill}
                  strokeWidth={3}
                  paintOrder="stroke"
                  textAnchor="middle"
                  data-testid={TEST_IDS.edgeLabel}
                >
                  {labels[e]!.traffic}
                  {labels[e]!.errors && (
                    <tspan fill={level === 'warn' || level === 'critical' ? colors.edge[level] : undefined}>
                      {labels[e]!.traffic ? ` · ${labels[e]!.errors}` : labels[e]!.errors}
                    </tspan>
                  )}
                </text>
              )}
            </g>
          );
        })}
        {graph.nodes.map((node, v) => {
          if (!Number.isFinite(x[v])) {
            return null;
          }
          const role = highlight.nodeRole[v];
          const color = nodeColor(node, colors);
          const ring = ringColor(role as HighlightRole, colors);
          const line2 = node.mainStat ?? node.subtitle ?? (node.isExternal ? 'external' : node.health);
          return (
            <g
              key={node.id}
              className={styles.node}
              transform={`translate(${x[v] - HALF_WIDTH},${y[v] - HALF_HEIGHT})`}
              opacity={role === Role.Dimmed ? 0.3 : 1}
              data-testid={TEST_IDS.node}
              data-node-id={node.id}
              data-role={ROLE_NAMES[role]}
              data-health={node.health}
              data-external={node.isExternal || undefined}
              tabIndex={0}
              role="button"
              aria-pressed={role === Role.Selected}
              aria-label={`${node.title}, ${node.isExternal ? 'external dependency' : node.health}${cycles.inCycle[v] ? ', in a dependency cycle' : ''}`}
              onClick={(event) => {
                event.stopPropagation();
                props.onSelectNode(v);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  props.onSelectNode(v);
                }
              }}
              onMouseEnter={(event) => props.onHoverNode(v, ...pointerInSvg(event))}
              onMouseMove={(event) => props.onHoverNode(v, ...pointerInSvg(event))}
              onMouseLeave={() => props.onHoverNode(undefined)}
              onFocus={(event) => {
                const element = event.currentTarget as SVGGElement;
                const node = element.getBoundingClientRect?.();
                const svg = element.ownerSVGElement?.getBoundingClientRect?.();
                props.onHoverNode(v, node && svg ? node.right - svg.left : 0, node && svg ? node.top - svg.top : 0);
              }}
              onBlur={() => props.onHoverNode(undefined)}
            >
              {ring && (
                <rect
                  x={-4}
                  y={-4}
                  width={NODE_WIDTH + 8}
                  height={NODE_HEIGHT + 8}
                  rx={node.isExternal ? HALF_HEIGHT + 4 : 9}
                  fill="none"
                  stroke={ring}
                  strokeWidth={3}
                />
              )}
              <rect
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={node.isExternal ? HALF_HEIGHT : 5}
                fill={colors.nodeFill}
                stroke={color}
                strokeWidth={node.isExternal ? 1.5 : 2}
                strokeDasharray={node.isExternal ? '5 3' : undefined}
              />
              {!node.isExternal && <rect width={7} height={NODE_HEIGHT} rx={2} fill={color} />}
              <text x={node.isExternal ? 18 : 15} y={18} className={styles.title} fill={colors.text}>
                {truncate(node.title, 20)}
              </text>
              <text x={node.isExternal ? 18 : 15} y={34} className={styles.subtitle} fill={colors.secondaryText}>
                {truncate(line2, 24)}
              </text>
              {cycles.inCycle[v] === 1 && (
                <text
                  x={NODE_WIDTH - 18}
                  y={17}
                  className={styles.cycle}
                  fill={colors.cycle}
                  data-testid={TEST_IDS.cycleBadge}
                >
                  ↻
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
});

/** Pointer position relative to the SVG's top-left corner. */
function pointerInSvg(event: React.MouseEvent<SVGGElement>): [number, number] {
  const rect = (event.currentTarget as SVGGElement).ownerSVGElement?.getBoundingClientRect?.();
  return [event.clientX - (rect?.left ?? 0), event.clientY - (rect?.top ?? 0)];
}

const truncate = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
