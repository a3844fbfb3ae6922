// Harness page script: provides what Grafana provides to a plugin (React, @grafana/*, @emotion/css), loads the
// BUILT module.js like Grafana's SystemJS does (grafanaLoader.ts), and renders its panel with test data.
import React from 'react';
import * as ReactJsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import * as GrafanaData from '@grafana/data';
import * as GrafanaUI from '@grafana/ui';
import * as GrafanaRuntime from '@grafana/runtime';
import * as EmotionCss from '@emotion/css';
import { LoadingState, createTheme, getDefaultTimeRange, type DataFrame, type PanelPlugin } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { alphapulsePrometheusFrames } from '../../src/fixtures/alphapulseGraph';
import { loadPluginLikeGrafana } from './grafanaLoader';
import { largeGraphFrames } from './largeGraph';

const provided: Record<string, unknown> = {
  react: React,
  'react/jsx-runtime': ReactJsxRuntime,
  'react-dom': ReactDOM,
  '@grafana/data': GrafanaData,
  '@grafana/ui': GrafanaUI,
  '@grafana/runtime': GrafanaRuntime,
  '@emotion/css': EmotionCss,
};

let pluginModule: Promise<{ plugin: PanelPlugin; defaultOptions: Record<string, unknown> }> | undefined;

let root: Root | undefined;

export interface Scenario {
  data: 'alphapulse' | 'large';
  nodes?: number;
  edges?: number;
  width?: number;
  height?: number;
  options?: Record<string, unknown>;
  theme?: 'dark' | 'light';
  /** Where module.js is loaded from: Grafana's own public/plugins path (default) or a CDN on another origin. */
  moduleUrl?: string;
  /** Re-render the mounted panel with new options (a dashboard refresh: same panel, same worker). */
  update?: boolean;
}

async function renderScenario(scenario: Scenario) {
  pluginModule ??= loadPluginLikeGrafana(
    new URL(scenario.moduleUrl ?? '/public/plugins/alphapulse-servicegraph-panel/module.js', location.href).href,
    provided
  );
  const { plugin, defaultOptions } = await pluginModule;
  const series: DataFrame[] =
    scenario.data === 'large'
      ? largeGraphFrames(scenario.nodes ?? 5000, scenario.edges ?? 15000)
      : alphapulsePrometheusFrames();
  const Panel = plugin.panel!;
  const theme = createTheme({ colors: { mode: scenario.theme ?? 'dark' } });
  document.body.style.background = theme.colors.background.canvas;
  const width = scenario.width ?? 1100;
  const height = scenario.height ?? 560;
  const timeRange = getDefaultTimeRange();
  // The panel's own defaults: they must read the dashboard's queries as they are.
  const options = { ...defaultOptions, ...scenario.options };
  const container = document.getElementById('panel')!;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  container.style.background = theme.colors.background.primary;
  if (!scenario.update || !root) {
    root?.unmount();
    root = createRoot(container);
  }
  root.render(
    <ThemeContext.Provider value={theme}>
      <Panel
        id={1}
        data={{ series, state: LoadingState.Done, timeRange }}
        timeRange={timeRange}
        timeZone="utc"
        options={options}
        fieldConfig={{ defaults: {}, overrides: [] }}
        transparent={false}
        width={width}
        height={height}
        renderCounter={0}
        title="Service graph"
        eventBus={new GrafanaData.EventBusSrv()}
        onOptionsChange={() => {}}
        onFieldConfigChange={() => {}}
        onChangeTimeRange={() => {}}
        replaceVariables={(value: string) => value.replace('${__url_time_range}', 'from=now-6h&to=now')}
      />
    </ThemeContext.Provider>
  );
}

(window as unknown as { renderServiceGraph: typeof renderScenario }).renderServiceGraph = renderScenario;
