// data-testids shared by component tests, the real-browser test and the Grafana e2e spec.
export const TEST_IDS = {
  panel: 'servicegraph-panel',
  svg: 'servicegraph-svg',
  canvas: 'servicegraph-canvas',
  node: 'servicegraph-node',
  edge: 'servicegraph-edge',
  edgeLabel: 'servicegraph-edge-label',
  tooltip: 'servicegraph-tooltip',
  search: 'servicegraph-search',
  hideHealthy: 'servicegraph-hide-healthy',
  fit: 'servicegraph-fit',
  summary: 'servicegraph-summary',
  blastCount: 'servicegraph-blast-count',
  rootCauseList: 'servicegraph-root-causes',
  focusButton: 'servicegraph-focus',
  clearButton: 'servicegraph-clear',
  dataLink: 'servicegraph-data-link',
  notice: 'servicegraph-notice',
  noInput: 'servicegraph-no-input',
  cycleBadge: 'servicegraph-cycle-flag',
  labelEditor: 'servicegraph-label-editor',
  group: 'servicegraph-group',
} as const;

/** Node size in layout units, shared by layout requests and both renderers. */
export const NODE_WIDTH = 156;
export const NODE_HEIGHT = 44;
