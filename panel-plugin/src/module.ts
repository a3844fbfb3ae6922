import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { ServiceGraphPanel } from './components/ServiceGraphPanel';
import { LabelNamesEditor } from './components/LabelNamesEditor';
import { defaultOptions, type ServiceGraphOptions } from './types';

export { defaultOptions };

const INPUT = ['Input'];
const LAYOUT = ['Layout'];
const COLORS = ['Health colours'];
const EDGES = ['Edges'];
const INTERACTION = ['Interaction'];
const LINKS = ['Data link'];

export const plugin = new PanelPlugin<ServiceGraphOptions>(ServiceGraphPanel)
  .useFieldConfig({
    // Only value mappings apply: they map raw statuses (e.g. 2 → degraded) and may give a colour.
    disableStandardOptions: Object.values(FieldConfigProperty).filter(
      (property) => property !== FieldConfigProperty.Mappings
    ),
  })
  .setPanelOptions((builder) =>
    builder
      .addRadio({
        path: 'inputMode',
        name: 'Input format',
        description: 'Auto picks Node Graph frames (nodes/edges) when present, else Prometheus series.',
        category: INPUT,
        defaultValue: defaultOptions.inputMode,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 'node-graph', label: 'Node Graph frames' },
            { value: 'prometheus', label: 'Prometheus series' },
          ],
        },
      })
      .addTextInput({
        path: 'queries.dependency',
        name: 'Dependency query',
        description: 'Metric name or query ref ID of the edges (one series per service → dependency).',
        category: INPUT,
        defaultValue: defaultOptions.queries.dependency,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'queries.status',
        name: 'Status query',
        description: 'Metric name or ref ID of health: a status label at 1 for the current state, or a numeric status.',
        category: INPUT,
        defaultValue: defaultOptions.queries.status,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'queries.up',
        name: 'Up query',
        description: 'Metric name or ref ID of scrape success (0 marks the instance down).',
        category: INPUT,
        defaultValue: defaultOptions.queries.up,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'queries.traffic',
        name: 'Traffic query',
        description:
          'Metric name or ref ID of requests/s, e.g. sum by (service, dependency) (rate(alphapulse_service_dependency_requests_total[$__rate_interval])); per edge with both labels, per node with the service label only.',
        category: INPUT,
        defaultValue: defaultOptions.queries.traffic,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'queries.errors',
        name: 'Error query',
        description:
          'Metric name or ref ID of the error ratio (or errors/s, see below), matched like traffic, e.g. the errors_total rate divided by the requests_total rate.',
        category: INPUT,
        defaultValue: defaultOptions.queries.errors,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'queries.latency',
        name: 'Latency query',
        description:
          'Metric name or ref ID of a latency quantile in seconds, e.g. histogram_quantile(0.95, sum by (service, dependency, le) (rate(alphapulse_service_dependency_latency_seconds_bucket[$__rate_interval]))).',
        category: INPUT,
        defaultValue: defaultOptions.queries.latency,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addRadio({
        path: 'errorValueKind',
        name: 'Error query returns',
        category: INPUT,
        defaultValue: defaultOptions.errorValueKind,
        settings: {
          options: [
            { value: 'ratio', label: 'Error ratio (0–1)' },
            { value: 'rate', label: 'Errors/s (divided by traffic)' },
          ],
        },
        showIf: (options) => options.inputMode !== 'node-graph' && !!options.queries?.errors,
      })
      .addCustomEditor({
        id: 'labels',
        path: 'labels',
        name: 'Label names',
        description: 'Prometheus labels that carry the service, dependency, status and instance.',
        category: INPUT,
        defaultValue: defaultOptions.labels,
        editor: LabelNamesEditor,
        showIf: (options) => options.inputMode !== 'node-graph',
      })
      .addTextInput({
        path: 'externalNames',
        name: 'External dependencies',
        description:
          'Comma-separated names always drawn as externals. Dependencies without health series are externals too.',
        category: INPUT,
        defaultValue: defaultOptions.externalNames,
      })
      .addTextInput({
        path: 'groupByLabel',
        name: 'Group by label',
        description:
          'Label or field (e.g. tier) whose values are drawn as boxes around their nodes. Empty: no grouping.',
        category: INPUT,
        defaultValue: defaultOptions.groupByLabel,
      })
      .addRadio({
        path: 'direction',
        name: 'Direction',
        category: LAYOUT,
        defaultValue: defaultOptions.direction,
        settings: {
          options: [
            { value: 'LR', label: 'Left → right' },
            { value: 'TB', label: 'Top → bottom' },
          ],
        },
      })
      .addSliderInput({
        path: 'nodeSpacing',
        name: 'Node spacing',
        category: LAYOUT,
        defaultValue: defaultOptions.nodeSpacing,
        settings: { min: 4, max: 120, step: 2 },
      })
      .addSliderInput({
        path: 'layerSpacing',
        name: 'Layer spacing',
        category: LAYOUT,
        defaultValue: defaultOptions.layerSpacing,
        settings: { min: 20, max: 300, step: 5 },
      })
      .addBooleanSwitch({
        path: 'stablePositions',
        name: 'Keep positions across refreshes',
        description: 'Known nodes stay put; new nodes are placed next to their neighbours.',
        category: LAYOUT,
        defaultValue: defaultOptions.stablePositions,
      })
      .addRadio({
        path: 'renderer',
        name: 'Renderer',
        description: 'SVG is keyboard-navigable node by node; canvas stays fluid with thousands of nodes.',
        category: LAYOUT,
        defaultValue: defaultOptions.renderer,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 'svg', label: 'SVG' },
            { value: 'canvas', label: 'Canvas' },
          ],
        },
      })
      .addNumberInput({
        path: 'canvasThreshold',
        name: 'Canvas above (nodes)',
        category: LAYOUT,
        defaultValue: defaultOptions.canvasThreshold,
        settings: { min: 1, integer: true },
        showIf: (options) => options.renderer === 'auto',
      })
      .addColorPicker({
        path: 'healthyColor',
        name: 'Healthy',
        category: COLORS,
        defaultValue: defaultOptions.healthyColor,
      })
      .addColorPicker({
        path: 'degradedColor',
        name: 'Degraded',
        category: COLORS,
        defaultValue: defaultOptions.degradedColor,
      })
      .addColorPicker({ path: 'downColor', name: 'Down', category: COLORS, defaultValue: defaultOptions.downColor })
      .addColorPicker({
        path: 'unknownColor',
        name: 'Unknown',
        category: COLORS,
        defaultValue: defaultOptions.unknownColor,
      })
      .addColorPicker({
        path: 'externalColor',
        name: 'External dependency',
        category: COLORS,
        defaultValue: defaultOptions.externalColor,
      })
      .addNumberInput({
        path: 'numericHealthyFrom',
        name: 'Numeric status: healthy from',
        description: 'For numeric statuses without a value mapping: at or above this value a node is healthy.',
        category: COLORS,
        defaultValue: defaultOptions.numericHealthyFrom,
      })
      .addNumberInput({
        path: 'numericDegradedFrom',
        name: 'Numeric status: degraded from',
        description: 'At or above this (and below healthy) a node is degraded; below it, down.',
        category: COLORS,
        defaultValue: defaultOptions.numericDegradedFrom,
      })
      .addNumberInput({
        path: 'edgeMinWidth',
        name: 'Min width',
        category: EDGES,
        defaultValue: defaultOptions.edgeMinWidth,
        settings: { min: 0.5 },
      })
      .addNumberInput({
        path: 'edgeMaxWidth',
        name: 'Max width',
        description: 'Edges scale with log(traffic) between min and max width.',
        category: EDGES,
        defaultValue: defaultOptions.edgeMaxWidth,
        settings: { min: 1 },
      })
      .addNumberInput({
        path: 'edgeErrorWarn',
        name: 'Error ratio warning',
        description: 'Edges at or above this error ratio use the degraded colour.',
        category: EDGES,
        defaultValue: defaultOptions.edgeErrorWarn,
        settings: { min: 0, max: 1 },
      })
      .addNumberInput({
        path: 'edgeErrorCritical',
        name: 'Error ratio critical',
        description: 'Edges at or above this error ratio use the down colour.',
        category: EDGES,
        defaultValue: defaultOptions.edgeErrorCritical,
        settings: { min: 0, max: 1 },
      })
      .addBooleanSwitch({
        path: 'showEdgeLabels',
        name: 'Show edge stats',
        category: EDGES,
        defaultValue: defaultOptions.showEdgeLabels,
      })
      .addBooleanSwitch({
        path: 'showSearch',
        name: 'Search box',
        category: INTERACTION,
        defaultValue: defaultOptions.showSearch,
      })
      .addBooleanSwitch({
        path: 'hideHealthy',
        name: 'Hide healthy by default',
        category: INTERACTION,
        defaultValue: defaultOptions.hideHealthy,
      })
      .addSliderInput({
        path: 'focusDependencyHops',
        name: 'Focus: dependency hops',
        description: 'In focus mode, how many hops of what the node depends on to show.',
        category: INTERACTION,
        defaultValue: defaultOptions.focusDependencyHops,
        settings: { min: 0, max: 10, step: 1 },
      })
      .addSliderInput({
        path: 'focusDependentHops',
        name: 'Focus: dependent hops',
        description: 'In focus mode, how many hops of what depends on the node to show.',
        category: INTERACTION,
        defaultValue: defaultOptions.focusDependentHops,
        settings: { min: 0, max: 10, step: 1 },
      })
      .addTextInput({ path: 'linkTitle', name: 'Link title', category: LINKS, defaultValue: defaultOptions.linkTitle })
      .addTextInput({
        path: 'linkUrl',
        name: 'Link URL',
        description:
          '${__service} is replaced by the selected node id; dashboard variables and ${__url_time_range} work too. Empty: no link.',
        category: LINKS,
        defaultValue: defaultOptions.linkUrl,
      })
  );
