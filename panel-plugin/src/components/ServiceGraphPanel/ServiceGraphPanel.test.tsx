import React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  FieldType,
  LoadingState,
  createDataFrame,
  getDefaultTimeRange,
  type DataFrame,
  type PanelProps,
} from '@grafana/data';
import { TEST_IDS } from '../../constants/testIds';
import { alphapulseNodeGraphFrames, alphapulsePrometheusFrames } from '../../fixtures/alphapulseGraph';
import { defaultOptions, type ServiceGraphOptions } from '../../types';
import { ServiceGraphPanel } from './ServiceGraphPanel';

const fixtureOptions: ServiceGraphOptions = {
  ...defaultOptions,
  queries: { ...defaultOptions.queries },
};

function props(series: DataFrame[], options: Partial<ServiceGraphOptions> = {}): PanelProps<ServiceGraphOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...fixtureOptions, ...options },
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: 900,
    height: 500,
    renderCounter: 0,
    title: 'Service graph',
    eventBus: {} as PanelProps['eventBus'],
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
    replaceVariables: (value: string) => value.replace('${__url_time_range}', 'from=now-1h&to=now'),
  } as PanelProps<ServiceGraphOptions>;
}

const node = (id: string) =>
  document.querySelector(`[data-testid="${TEST_IDS.node}"][data-node-id="${id}"]`) as SVGGElement;
const rolesOf = (role: string) =>
  [...document.querySelectorAll(`[data-testid="${TEST_IDS.node}"][data-role="${role}"]`)]
    .map((el) => el.getAttribute('data-node-id'))
    .sort();

async function renderPanel(series = alphapulsePrometheusFrames(), options: Partial<ServiceGraphOptions> = {}) {
  // The layout resolves in a promise (worker or synchronous fallback); flush it inside act.
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(<ServiceGraphPanel {...props(series, options)} />);
  });
  await waitFor(() => expect(screen.getAllByTestId(TEST_IDS.node).length).toBeGreaterThan(0));
  return result;
}

describe('ServiceGraphPanel', () => {
  it('draws every service and external dependency, coloured by health, externals distinct', async () => {
    await renderPanel();
    expect(screen.getAllByTestId(TEST_IDS.node)).toHaveLength(17);
    expect(screen.getAllByTestId(TEST_IDS.edge)).toHaveLength(26);
    expect(node('pattern_storage').getAttribute('data-health')).toBe('down');
    expect(node('timescaledb').getAttribute('data-external')).toBe('true');
    expect(screen.getByTestId(TEST_IDS.panel).getAttribute('data-renderer')).toBe('svg');
  });

  it('draws traffic and error ratio on edges: width, error colour and, with edge stats on, a label', async () => {
    await renderPanel(alphapulsePrometheusFrames(), { showEdgeLabels: true });
    const edge = (id: string) =>
      document.querySelector(`[data-testid="${TEST_IDS.edge}"][data-edge-id="${id}"]`) as SVGGElement;
    const toDown = edge('retrieval_optimizer→pattern_storage');
    expect(toDown.getAttribute('data-error-level')).toBe('critical');
    expect(within(toDown as unknown as HTMLElement).getByTestId(TEST_IDS.edgeLabel).textContent).toMatch(
      /^\d+(\.\d+)? req\/s · 40% err$/
    );
    expect(edge('trading_engine→retrieval_optimizer').getAttribute('data-error-level')).toBe('warn');
    expect(edge('trading_engine→risk_manager').getAttribute('data-error-level')).toBe('ok');
    const widths = [...document.querySelectorAll(`[data-testid="${TEST_IDS.edge}"]`)].map((el) =>
      Number(el.getAttribute('data-width'))
    );
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths) + 2);
    expect(screen.getAllByTestId(TEST_IDS.edgeLabel)).toHaveLength(26);
  });

  it('highlights blast radius and root cause on click, with counts, and Escape clears', async () => {
    await renderPanel();
    fireEvent.click(node('pattern_storage'));
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.summary)).toBeInTheDocument());
    expect(rolesOf('affected')).toEqual([
      'analytics_dashboard',
      'predictive_optimizer',
      'retrieval_optimizer',
      'trading_engine',
    ]);
    expect(screen.getByTestId(TEST_IDS.blastCount).getAttribute('data-count')).toBe('4');
    expect(screen.getByTestId(TEST_IDS.blastCount)).toHaveTextContent('4 dependents');

    fireEvent.click(node('trading_engine'));
    await waitFor(() => expect(rolesOf('cause')).toEqual(['pattern_storage']));
    expect(rolesOf('cause-chain')).toEqual(['retrieval_optimizer']);
    expect(screen.getByTestId(TEST_IDS.rootCauseList)).toHaveTextContent(
      'Root cause: pattern_storage via retrieval_optimizer'
    );

    fireEvent.keyDown(node('trading_engine'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.summary)).not.toBeInTheDocument());
    expect(rolesOf('normal')).toHaveLength(17);
  });

  it('is keyboard accessible: nodes are focusable buttons and Enter selects', async () => {
    await renderPanel();
    const target = node('risk_manager');
    expect(target.getAttribute('tabindex')).toBe('0');
    expect(target.getAttribute('aria-label')).toBe('risk_manager, healthy');
    act(() => target.focus());
    expect(await screen.findByTestId(TEST_IDS.tooltip)).toHaveTextContent('risk_manager');
    fireEvent.keyDown(target, { key: 'Enter' });
    await waitFor(() => expect(target.getAttribute('data-role')).toBe('selected'));
  });

  it('shows a tooltip with detail fields on hover', async () => {
    await renderPanel(alphapulseNodeGraphFrames());
    fireEvent.mouseEnter(node('pattern_storage'), { clientX: 10, clientY: 10 });
    const tooltip = await screen.findByTestId(TEST_IDS.tooltip);
    expect(within(tooltip).getByText('version')).toBeInTheDocument();
    expect(within(tooltip).getByText('1.4.2')).toBeInTheDocument();
    expect(within(tooltip).getByText('down')).toBeInTheDocument();
  });

  it('offers a data link to the service-detail dashboard for the selection', async () => {
    await renderPanel();
    fireEvent.click(node('risk_manager'));
    const link = await screen.findByTestId(TEST_IDS.dataLink);
    expect(link.getAttribute('href')).toBe(
      '/d/alphapulse-service-detail/service-detail?var-service=risk_manager&from=now-1h&to=now'
    );
  });

  it('focus mode limits the drawing to the hop neighbourhood', async () => {
    await renderPanel(undefined, { focusDependencyHops: 1, focusDependentHops: 0 });
    fireEvent.click(node('retrieval_optimizer'));
    fireEvent.click(await screen.findByTestId(TEST_IDS.focusButton));
    await waitFor(() => expect(screen.getAllByTestId(TEST_IDS.node)).toHaveLength(3));
    expect(
      screen
        .getAllByTestId(TEST_IDS.node)
        .map((el) => el.getAttribute('data-node-id'))
        .sort()
    ).toEqual(['pattern_storage', 'retrieval_optimizer', 'timescaledb']);
  });

  it('hides healthy nodes on request and searches', async () => {
    await renderPanel();
    fireEvent.change(screen.getByTestId(TEST_IDS.search), { target: { value: 'risk' } });
    await waitFor(() => expect(rolesOf('match')).toEqual(['risk_manager']));
    fireEvent.keyDown(screen.getByTestId(TEST_IDS.search), { key: 'Enter' });
    await waitFor(() => expect(node('risk_manager').getAttribute('data-role')).toBe('selected'));
    fireEvent.keyDown(screen.getByTestId(TEST_IDS.search), { key: 'Escape' });

    fireEvent.click(within(screen.getByTestId(TEST_IDS.panel)).getByLabelText('Hide healthy'));
    await waitFor(() => expect(screen.getAllByTestId(TEST_IDS.node).length).toBeLessThan(17));
    const shown = screen.getAllByTestId(TEST_IDS.node).map((el) => el.getAttribute('data-health'));
    expect(shown).not.toContain('healthy');
  });

  it('flags cycles', async () => {
    const frames = alphapulseNodeGraphFrames();
    const edges = frames[1];
    const withCycle = createDataFrame({
      name: 'edges',
      fields: edges.fields.map((field) => ({
        ...field,
        values: [
          ...field.values,
          field.name === 'id'
            ? 'loop'
            : field.name === 'source'
              ? 'timescaledb'
              : field.name === 'target'
                ? 'trading_engine'
                : 1,
        ],
      })),
    });
    await renderPanel([frames[0], withCycle]);
    expect(screen.getByTestId(TEST_IDS.notice)).toHaveTextContent('1 dependency cycle');
    expect(node('trading_engine').querySelector(`[data-testid="${TEST_IDS.cycleBadge}"]`)).not.toBeNull();
    expect(document.querySelectorAll('[data-cyclic="true"]').length).toBeGreaterThan(0);
  });

  it('draws what is valid and says what was dropped from bad input', async () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a', 'b', 'a', null] },
        { name: 'status', type: FieldType.number, values: [1, NaN, 0, 1] },
      ],
    });
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: ['a', 'a'] },
        { name: 'target', type: FieldType.string, values: ['b', 'ghost'] },
      ],
    });
    await renderPanel([nodes, edges]);
    expect(screen.getAllByTestId(TEST_IDS.node)).toHaveLength(2);
    const notice = screen.getByTestId(TEST_IDS.notice);
    expect(notice).toHaveTextContent('1 missing fields');
    expect(notice).toHaveTextContent('1 duplicate nodes');
    expect(notice).toHaveTextContent('1 edges to unknown nodes');
    fireEvent.click(within(notice).getByRole('button'));
    expect(notice).toHaveTextContent('Edge "a→ghost" refers to unknown node "ghost"');
  });

  it('groups nodes by a label', async () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['web', 'api', 'db'] },
        { name: 'tier', type: FieldType.string, values: ['frontend', 'backend', 'backend'] },
      ],
    });
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: ['web', 'api'] },
        { name: 'target', type: FieldType.string, values: ['api', 'db'] },
      ],
    });
    await renderPanel([nodes, edges], { groupByLabel: 'tier' });
    const groups = screen.getAllByTestId(TEST_IDS.group).map((el) => el.getAttribute('data-group'));
    expect(groups.sort()).toEqual(['backend', 'frontend']);
  });

  it('explains what it needs when no input fits', async () => {
    await act(async () => {
      render(
        <ServiceGraphPanel
          {...props([createDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1] }] })])}
        />
      );
    });
    expect(screen.getByTestId(TEST_IDS.noInput)).toHaveTextContent('No service graph found');
  });

  it('switches to the canvas renderer above the threshold', async () => {
    await act(async () => {
      render(<ServiceGraphPanel {...props(alphapulsePrometheusFrames(), { canvasThreshold: 5 })} />);
    });
    expect(await screen.findByTestId(TEST_IDS.canvas)).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.panel).getAttribute('data-renderer')).toBe('canvas');
  });

  it('keeps node positions when data refreshes with a new node', async () => {
    const { rerender } = await renderPanel();
    const before = node('risk_manager').getAttribute('transform');
    const extra = createDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        {
          name: 'Value',
          type: FieldType.number,
          values: [1],
          labels: { __name__: 'alphapulse_service_dependency_info', service: 'risk_manager', dependency: 'redis' },
        },
      ],
    });
    await act(async () => {
      rerender(<ServiceGraphPanel {...props([...alphapulsePrometheusFrames(), extra])} />);
    });
    await waitFor(() => expect(node('redis')).not.toBeNull());
    expect(node('risk_manager').getAttribute('transform')).toBe(before);
  });
});
