// Harness page script: provides what Grafana provides to a plugin (React, @grafana/*, @emotion/css) through
// an AMD `define`, loads the BUILT dist/module.js like Grafana does, and renders its panel with test data.
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
import { alphapulsePrometheusFrames, PROMETHEUS_OPTIONS_FOR_FIXTURE } from '../../src/fixtures/alphapulseGraph';
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

type Factory = (...deps: unknown[]) => unknown;
let pluginModule: Promise<{ plugin: PanelPlugin; defaultOptions: Record<string, unknown> }> | undefined;

function loadPlugin(url: string) {
  return (pluginModule ??= new Promise((resolve, reject) => {
    (window as unknown as { define: unknown }).define = (...args: unknown[]) => {
      const factory = args[args.length - 1] as Factory;
      const deps = (Array.isArray(args[args.length - 2]) ? args[args.length - 2] : []) as string[];
      const missing = deps.filter((dep) => dep !== 'module' && !(dep in provided));
      if (missing.length > 0) {
        reject(new Error(`module.js needs externals the harness does not provide: ${missing.join(', ')}`));
        return;
      }
      // 'module' is how webpack's public path finds where the plugin was loaded from (for the worker chunk).
      const resolved = deps.map((dep) => (dep === 'module' ? { uri: url } : provided[dep]));
      resolve(factory(...resolved) as never);
    };
    (window as unknown as { define: { amd: boolean } }).define.amd = true;
    const script = document.createElement('script');
    script.src = url;
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  }));
}

let root: Root | undefined;

export interface Scenario {
  data: 'alphapulse' | 'large';
  nodes?: number;
  edges?: number;
  width?: number;
  height?: number;
  options?: Record<string, unknown>;
  theme?: 'dark' | 'light';
}

async function renderScenario(scenario: Scenario) {
  const { plugin, defaultOptions } = await loadPlugin(new URL('/dist/module.js', location.href).href);
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
  const options = {
    ...defaultOptions,
    queries: { ...(defaultOptions.queries as object), ...PROMETHEUS_OPTIONS_FOR_FIXTURE },
    ...scenario.options,
  };
  const container = document.getElementById('panel')!;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  container.style.background = theme.colors.background.primary;
  root?.unmount();
  root = createRoot(container);
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
