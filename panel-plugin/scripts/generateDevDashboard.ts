// Writes provisioning/dashboards/dashboard.json: the AlphaPulse graph as Node Graph frames from TestData, for `npm run server` and the e2e spec.
// Run from panel-plugin/: npx tsx scripts/generateDevDashboard.ts
import { writeFileSync } from 'node:fs';
import { ALPHAPULSE_DEPENDENCIES, ALPHAPULSE_STATUS } from '../src/fixtures/alphapulseTopology';
const services = Object.keys(ALPHAPULSE_DEPENDENCIES);
const externals = [...new Set(Object.values(ALPHAPULSE_DEPENDENCIES).flat())].filter((id) => !services.includes(id));
const ids = [...services, ...externals];
const edges = Object.entries(ALPHAPULSE_DEPENDENCIES).flatMap(([s, deps]) => deps.map((d) => [s, d]));
const frames = [
  {
    name: 'nodes',
    fields: [
      { name: 'id', type: 'string', values: ids },
      { name: 'title', type: 'string', values: ids },
      { name: 'status', type: 'string', values: ids.map((id) => ALPHAPULSE_STATUS[id] ?? null) },
      {
        name: 'detail__kind',
        type: 'string',
        values: ids.map((id) => (services.includes(id) ? 'service' : 'external')),
      },
    ],
  },
  {
    name: 'edges',
    fields: [
      { name: 'id', type: 'string', values: edges.map(([s, t]) => `${s}-${t}`) },
      { name: 'source', type: 'string', values: edges.map(([s]) => s) },
      { name: 'target', type: 'string', values: edges.map(([, t]) => t) },
      { name: 'mainstat', type: 'number', values: edges.map((_, i) => 20 + ((i * 37) % 200)) },
      { name: 'error_ratio', type: 'number', values: edges.map(([, t]) => (t === 'pattern_storage' ? 0.4 : 0.002)) },
    ],
  },
];
const ds = { type: 'grafana-testdata-datasource', uid: 'trlxrdZVk' };
const dashboard = {
  annotations: { list: [] },
  editable: true,
  graphTooltip: 0,
  links: [],
  panels: [
    {
      id: 1,
      type: 'alphapulse-servicegraph-panel',
      title: 'AlphaPulse service graph',
      datasource: ds,
      gridPos: { h: 16, w: 24, x: 0, y: 0 },
      options: {},
      fieldConfig: { defaults: {}, overrides: [] },
      targets: [
        { refId: 'A', datasource: ds, scenarioId: 'raw_frame', rawFrameContent: JSON.stringify(frames, null, 1) },
      ],
    },
    {
      id: 2,
      type: 'alphapulse-servicegraph-panel',
      title: 'No graph in the data',
      datasource: ds,
      gridPos: { h: 6, w: 24, x: 0, y: 16 },
      options: {},
      fieldConfig: { defaults: {}, overrides: [] },
      targets: [{ refId: 'A', datasource: ds, scenarioId: 'random_walk', seriesCount: 1 }],
    },
  ],
  schemaVersion: 39,
  tags: ['alphapulse'],
  time: { from: 'now-1h', to: 'now' },
  timepicker: {},
  timezone: 'utc',
  title: 'AlphaPulse service graph (plugin dev)',
  uid: 'alphapulse-servicegraph-dev',
  version: 1,
};
writeFileSync('provisioning/dashboards/dashboard.json', JSON.stringify(dashboard, null, 2) + '\n');
