// The harness page: provides what Grafana gives a plugin (React, @grafana/*, rxjs, @emotion/css) through an AMD
// `define`, loads the BUILT dist/module.js like Grafana does, and runs the datasource against the data proxy
// that harnessServer.ts plays (it forwards to the live query API and adds the token, as Grafana's route does).
import React from 'react';
import * as ReactJsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import * as Rxjs from 'rxjs';
import * as RxjsOperators from 'rxjs/operators';
import * as EmotionCss from '@emotion/css';
import * as GrafanaData from '@grafana/data';
import * as GrafanaUI from '@grafana/ui';
import * as GrafanaRuntime from '@grafana/runtime';
import { type DataQueryRequest, type DataSourcePlugin, dateTime } from '@grafana/data';

const provided: Record<string, unknown> = {
  react: React,
  'react/jsx-runtime': ReactJsxRuntime,
  'react-dom': ReactDOM,
  rxjs: Rxjs,
  'rxjs/operators': RxjsOperators,
  '@emotion/css': EmotionCss,
  '@grafana/data': GrafanaData,
  '@grafana/ui': GrafanaUI,
  '@grafana/runtime': GrafanaRuntime,
};

type Factory = (...deps: unknown[]) => unknown;
const win = window as unknown as Record<string, unknown>;

function loadPluginModule(url: string): Promise<{ plugin: DataSourcePlugin<any, any, any> }> {
  return new Promise((resolve, reject) => {
    const define = (...args: unknown[]) => {
      const factory = args[args.length - 1] as Factory;
      const deps = (Array.isArray(args[args.length - 2]) ? args[args.length - 2] : []) as string[];
      const missing = deps.filter((dep) => dep !== 'module' && !(dep in provided));
      if (missing.length > 0) {
        reject(new Error(`module.js needs externals Grafana would provide but the harness does not: ${missing.join(', ')}`));
        return;
      }
      resolve(factory(...deps.map((dep) => (dep === 'module' ? { uri: url } : provided[dep]))) as never);
    };
    (define as unknown as { amd: boolean }).amd = true;
    win.define = define;
    const script = document.createElement('script');
    script.src = url;
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  });
}

/** Grafana's backendSrv.fetch in miniature: window.fetch as an observable, errors shaped like FetchError. */
function installBackendSrv() {
  GrafanaRuntime.setBackendSrv({
    fetch: (options: { url: string; method?: string; data?: unknown; params?: Record<string, string> }) =>
      Rxjs.from(
        (async () => {
          const query = options.params ? `?${new URLSearchParams(options.params)}` : '';
          const response = await fetch(options.url + query, {
            method: options.method ?? 'GET',
            headers: options.data ? { 'content-type': 'application/json' } : {},
            body: options.data ? JSON.stringify(options.data) : undefined,
          });
          const data = await response.json().catch(() => null);
          const answer = { status: response.status, statusText: response.statusText, ok: response.ok, data, config: options };
          if (!response.ok) {
            throw answer;
          }
          return answer;
        })()
      ),
  } as never);
  // $symbol is a multi-value dashboard variable with two values selected.
  GrafanaRuntime.setTemplateSrv({
    getVariables: () => [],
    replace: (target: string, _scoped?: unknown, format?: Function) =>
      (target ?? '').replace('$symbol', () => (format ? format(['AAA', 'BBB']) : '{AAA,BBB}')),
    containsTemplate: (target: string) => target.includes('$'),
    updateTimeRange: () => undefined,
  } as never);
}

async function runScenario(settings: { from: number; to: number }) {
  installBackendSrv();
  const { plugin } = await loadPluginModule(new URL('/dist/module.js', location.href).href);
  const DataSourceClass = plugin.DataSourceClass as unknown as new (settings: unknown) => any;
  const ds = new DataSourceClass({
    id: 1,
    uid: 'ap',
    type: 'alphapulse-trading-datasource',
    name: 'AlphaPulse Trading',
    url: '/api/datasources/proxy/uid/ap',
    jsonData: {},
    meta: { id: 'alphapulse-trading-datasource' },
  });
  const health = await ds.testDatasource();
  const request = {
    requestId: 'harness',
    targets: [
      { refId: 'C', queryType: 'candles', symbols: ['$symbol'], timeframe: '1m', schemaVersion: 1 },
      { refId: 'S', queryType: 'strategySummary', schemaVersion: 1 },
      { refId: 'X', queryType: 'price', symbols: [] },
    ],
    range: { from: dateTime(settings.from), to: dateTime(settings.to), raw: { from: '', to: '' } },
    intervalMs: 60_000,
    maxDataPoints: 100,
    scopedVars: {},
  } as unknown as DataQueryRequest<any>;
  const response = await Rxjs.lastValueFrom(ds.query(request));
  const variables = await ds.metricFindQuery({ kind: 'strategies' });
  return {
    health,
    errors: response.errors ?? [],
    frames: response.data.map((frame: any) => ({
      refId: frame.refId,
      name: frame.name,
      length: frame.length,
      fields: frame.fields.map((field: any) => ({ name: field.name, type: field.type, unit: field.config?.unit, first: field.values[0] })),
    })),
    variables: variables.map((value: { text: string }) => value.text),
    hasQueryEditor: typeof plugin.components.QueryEditor === 'function',
    hasConfigEditor: typeof plugin.components.ConfigEditor === 'function',
  };
}

win.runScenario = runScenario;
