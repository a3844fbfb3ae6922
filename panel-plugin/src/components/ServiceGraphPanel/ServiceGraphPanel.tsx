import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelProps } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { NODE_HEIGHT, TEST_IDS } from '../../constants/testIds';
import { findCycles } from '../../graph/cycles';
import { parseFrames } from '../../graph/parseFrames';
import { buildServiceGraph, dependenciesOf, dependentsOf } from '../../graph/serviceGraph';
import { defaultOptions, type ServiceGraphOptions } from '../../types';
import { edgeWidths, errorLevel } from '../../view/edgeStyle';
import { graphColors, nodeColor } from '../../view/graphColors';
import { computeHighlight } from '../../view/highlight';
import { createStatusMapper } from '../../view/statusMappings';
import { centreOn } from '../../view/viewport';
import { visibleNodes } from '../../view/visibleSubgraph';
import { CanvasGraph } from '../CanvasGraph';
import { GraphToolbar } from '../GraphToolbar';
import { InputNotice } from '../InputNotice';
import { NodeTooltip } from '../NodeTooltip';
import { SelectionSummary } from '../SelectionSummary';
import { SvgGraph } from '../SvgGraph';
import { getServiceGraphPanelStyles } from './ServiceGraphPanel.styles';
import { useGraphLayout } from './useGraphLayout';
import { usePanZoom } from './usePanZoom';

/** Placeholder replaced by the selected node's id in the data link URL. */
export const SERVICE_LINK_PLACEHOLDER = '${__service}';

/** Panels saved by older versions may miss options; nested objects are merged so no field is undefined. */
function withDefaults(options: Partial<ServiceGraphOptions> | undefined): ServiceGraphOptions {
  return {
    ...defaultOptions,
    ...options,
    labels: { ...defaultOptions.labels, ...options?.labels },
    queries: { ...defaultOptions.queries, ...options?.queries },
  };
}

export function ServiceGraphPanel({
  data,
  options: savedOptions,
  width,
  height,
  fieldConfig,
  replaceVariables,
}: PanelProps<ServiceGraphOptions>) {
  const options = useMemo(() => withDefaults(savedOptions), [savedOptions]);
  const theme = useTheme2();
  const styles = useStyles2(getServiceGraphPanelStyles);
  const colors = useMemo(() => graphColors(theme, options), [theme, options]);

  const mapStatus = useMemo(
    () => createStatusMapper(fieldConfig?.defaults?.mappings, (name) => theme.visualization.getColorByName(name)),
    [fieldConfig?.defaults?.mappings, theme]
  );
  const {
    inputMode,
    labels,
    queries,
    errorValueKind,
    externalNames,
    groupByLabel,
    numericHealthyFrom,
    numericDegradedFrom,
  } = options;
  const parsed = useMemo(
    () =>
      parseFrames(
        data?.series,
        {
          inputMode,
          labels,
          queries,
          errorValueKind,
          externalNames,
          groupByLabel,
          numericHealthyFrom,
          numericDegradedFrom,
        },
        mapStatus
      ),
    [
      data?.series,
      inputMode,
      labels,
      queries,
      errorValueKind,
      externalNames,
      groupByLabel,
      numericHealthyFrom,
      numericDegradedFrom,
      mapStatus,
    ]
  );
  const built = useMemo(() => buildServiceGraph(parsed.nodes, parsed.edges), [parsed]);
  const graph = built.graph;
  const issues = useMemo(() => [...parsed.issues, ...built.issues], [parsed.issues, built.issues]);

  // Selection and focus are kept by id so they survive refreshes that rebuild the graph.
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [focusId, setFocusId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [hideHealthy, setHideHealthy] = useState(options.hideHealthy);
  // Follow the option when it is edited (state adjusted during render, as React recommends over an effect).
  const [hideHealthyOption, setHideHealthyOption] = useState(options.hideHealthy);
  if (hideHealthyOption !== options.hideHealthy) {
    setHideHealthyOption(options.hideHealthy);
    setHideHealthy(options.hideHealthy);
  }
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | undefined>();

  const selectedInGraph = selectedId === undefined ? undefined : graph.indexById.get(selectedId);
  const focusInGraph = focusId === undefined ? undefined : graph.indexById.get(focusId);
  const { focusDependencyHops, focusDependentHops } = options;
  const visible = useMemo(
    () =>
      visibleNodes(graph, {
        hideHealthy,
        focus: focusInGraph,
        keep: selectedInGraph,
        limits: { dependencyHops: focusDependencyHops, dependentHops: focusDependentHops },
      }),
    [graph, hideHealthy, focusInGraph, selectedInGraph, focusDependencyHops, focusDependentHops]
  );
  const viewKey =
    focusId !== undefined
      ? `focus:${focusId}:${focusDependencyHops}:${focusDependentHops}:${hideHealthy}`
      : hideHealthy
        ? 'unhealthy'
        : 'all';
  const positioned = useGraphLayout(graph, visible, viewKey, options);

  // Everything below draws `positioned.graph`, which may lag `graph` by one layout; indices must match it.
  const shownGraph = positioned?.graph;
  const selected = selectedId === undefined || !shownGraph ? undefined : shownGraph.indexById.get(selectedId);
  const cycles = useMemo(() => (shownGraph ? findCycles(shownGraph) : undefined), [shownGraph]);
  const highlight = useMemo(
    () => (shownGraph ? computeHighlight(shownGraph, selected, search) : undefined),
    [shownGraph, selected, search]
  );
  const { edgeMinWidth, edgeMaxWidth, edgeErrorWarn, edgeErrorCritical } = options;
  const edgeStyle = useMemo(() => {
    const style = { edgeMinWidth, edgeMaxWidth, edgeErrorWarn, edgeErrorCritical };
    return shownGraph
      ? {
          widths: edgeWidths(shownGraph.edges, style),
          levels: shownGraph.edges.map((edge) => errorLevel(edge.errorRatio, style)),
        }
      : undefined;
  }, [shownGraph, edgeMinWidth, edgeMaxWidth, edgeErrorWarn, edgeErrorCritical]);

  const toolbarHeight = 36;
  const summaryHeight = selected !== undefined ? 34 : 0;
  const noticeHeight = issues.length > 0 || (cycles?.components.length ?? 0) > 0 ? 22 : 0;
  const graphHeight = Math.max(60, height - toolbarHeight - summaryHeight - noticeHeight);
  const containerRef = useRef<HTMLDivElement>(null);
  const { view, getView, setView, fit, isDragging, onPointerDown, onPointerMove, onPointerUp } = usePanZoom(
    containerRef,
    width,
    graphHeight
  );

  // Fit when a view is first drawn or the drawn set changes; refreshes of the same view keep pan and zoom.
  const fittedKey = useRef<string | undefined>();
  useEffect(() => {
    if (positioned && fittedKey.current !== positioned.viewKey) {
      fittedKey.current = positioned.viewKey;
      fit(positioned.bounds);
    }
  }, [positioned, fit]);

  const drawnCount = useMemo(
    () => (visible ? visible.reduce((sum, flag) => sum + flag, 0) : graph.nodes.length),
    [visible, graph]
  );
  const useCanvas =
    options.renderer === 'canvas' || (options.renderer === 'auto' && drawnCount > options.canvasThreshold);

  const selectNode = useCallback(
    (node: number | undefined) => {
      if (isDragging()) {
        return;
      }
      setSelectedId(node === undefined || !shownGraph ? undefined : shownGraph.nodes[node].id);
    },
    [shownGraph, isDragging]
  );
  const hoverNode = useCallback(
    (node: number | undefined, x?: number, y?: number) => {
      setHover(node === undefined || !shownGraph ? undefined : { id: shownGraph.nodes[node].id, x: x ?? 0, y: y ?? 0 });
    },
    [shownGraph]
  );

  const clearAll = useCallback(() => {
    setSelectedId(undefined);
    setFocusId(undefined);
    setHover(undefined);
  }, []);

  if (parsed.kind === 'none') {
    return (
      <div className={styles.message} data-testid={TEST_IDS.noInput}>
        {parsed.message}
      </div>
    );
  }

  const selectFirstMatch = () => {
    const first = highlight?.matches[0];
    if (first !== undefined && shownGraph && positioned && Number.isFinite(positioned.x[first])) {
      setSelectedId(shownGraph.nodes[first].id);
      setView(centreOn(getView(), positioned.x[first], positioned.y[first], width, graphHeight));
    }
  };

  const hoveredIndex = hover && shownGraph ? shownGraph.indexById.get(hover.id) : undefined;
  const link =
    selected !== undefined && shownGraph && options.linkUrl
      ? {
          title: options.linkTitle || 'Open',
          href: replaceVariables(
            options.linkUrl.split(SERVICE_LINK_PLACEHOLDER).join(encodeURIComponent(shownGraph.nodes[selected].id))
          ),
        }
      : undefined;

  const drawing =
    positioned && highlight && cycles && edgeStyle
      ? {
          positioned,
          highlight,
          cycles,
          colors,
          edgeWidths: edgeStyle.widths,
          edgeLevels: edgeStyle.levels,
          direction: options.direction,
          view,
          width,
          height: graphHeight,
          showEdgeLabels: options.showEdgeLabels,
          onSelectNode: selectNode,
          onHoverNode: hoverNode,
        }
      : undefined;

  return (
    <div
      className={styles.panel}
      data-testid={TEST_IDS.panel}
      data-renderer={useCanvas ? 'canvas' : 'svg'}
      data-layout-ms={positioned?.layoutMs.toFixed(1)}
      data-layout-roundtrip-ms={positioned?.layoutRoundTripMs.toFixed(1)}
      data-layout-thread={positioned?.layoutThread}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          clearAll();
        }
      }}
    >
      <GraphToolbar
        showSearch={options.showSearch}
        search={search}
        matchCount={highlight?.matches.length ?? 0}
        hideHealthy={hideHealthy}
        stats={`${drawnCount} of ${graph.nodes.length} nodes · ${graph.edges.length} edges${positioned ? ` · layout ${positioned.layoutMs.toFixed(0)} ms` : ''}`}
        onSearchChange={setSearch}
        onSearchSubmit={selectFirstMatch}
        onHideHealthyChange={setHideHealthy}
        onFit={() => positioned && fit(positioned.bounds)}
      />
      <InputNotice issues={issues} cycleCount={cycles?.components.length ?? 0} />
      <div
        ref={containerRef}
        className={styles.canvasArea}
        style={{ height: graphHeight }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          // The click event fires after pointerup; let it see whether this was a drag.
          setTimeout(onPointerUp, 0);
        }}
      >
        {drawing && (useCanvas ? <CanvasGraph {...drawing} onViewChange={setView} /> : <SvgGraph {...drawing} />)}
        {!positioned && graph.nodes.length > 0 && (
          <div className={styles.message}>Laying out {graph.nodes.length} nodes…</div>
        )}
        {graph.nodes.length === 0 && <div className={styles.message}>The input has no valid nodes to draw.</div>}
        {hoveredIndex !== undefined && shownGraph && cycles && (
          <NodeTooltip
            node={shownGraph.nodes[hoveredIndex]}
            color={nodeColor(shownGraph.nodes[hoveredIndex], colors)}
            dependencyCount={dependenciesOf(shownGraph, hoveredIndex).length}
            dependentCount={dependentsOf(shownGraph, hoveredIndex).length}
            inCycle={cycles.inCycle[hoveredIndex] === 1}
            left={Math.min(hover!.x + 14, Math.max(0, width - 300))}
            top={Math.min(hover!.y + 14, Math.max(0, graphHeight - NODE_HEIGHT * 4))}
          />
        )}
      </div>
      {selected !== undefined && shownGraph && highlight?.blast && highlight.cause && (
        <SelectionSummary
          node={shownGraph.nodes[selected]}
          blast={highlight.blast}
          cause={highlight.cause}
          nameOf={(node) => shownGraph.nodes[node].title}
          focused={focusId !== undefined}
          link={link}
          onToggleFocus={() => setFocusId(focusId === undefined ? shownGraph.nodes[selected].id : undefined)}
          onClear={clearAll}
        />
      )}
    </div>
  );
}
