// The status grid's health score on the real exporter output (promtool): an unknown status word is its own state
// (0.5, "unknown status"), never scored as down (issue #10: an unknown value is visible, not "down").
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exampleHealthRecord, exampleStats } from '@alphapulse/contracts';
import { HEALTH_MAPPINGS, healthScoreExpr } from '../../dashboards/src/panels/common';
import { findOnPath, missingToolPolicy } from '../../dashboards/src/checks/toolLookup';
import { promtoolTestRules, scrapeAsInputSeries } from './support/promtoolRules';

const promtool = findOnPath('promtool');
const describeWithPromtool = promtool || missingToolPolicy() === 'fail' ? describe : describe.skip;

// Status words as Python teams write them; "maintenance" is one no synonym list has.
const saying: Record<string, string> = { healthy: 'OK', degraded: 'warning', unknown: 'maintenance', down: 'critical' };
const kinds = { healthy: 'risk_manager', degraded: 'trading_engine', unknown: 'sentiment_service', down: 'alerting_service' } as const;

async function scrapeAsSeries(): Promise<Array<{ series: string; values: string }>> {
  const server = http.createServer((req, res) => {
    const [, state, endpoint] = (req.url ?? '').split('/');
    const kind = kinds[state as keyof typeof kinds];
    if (!kind) return void res.writeHead(404).end();
    const body = endpoint === 'health' ? { ...exampleHealthRecord, service_name: kind, status: saying[state] } : exampleStats[kind];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const yaml = [
    'kpi: { enabled: false }',
    'services:',
    ...Object.entries(kinds).map(([state, kind]) => `  - { kind: ${kind}, instances: [{ url: "${base}/${state}", instance: ${state} }] }`),
    // Unreachable (nothing listens on port 1): down as well.
    '  - { kind: pattern_storage, instances: [{ url: "http://127.0.0.1:1", instance: unreachable }] }',
  ].join('\n');
  try {
    return await scrapeAsInputSeries(yaml, (line) => line.startsWith('alphapulse_service_status{'), 10);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('the value mappings name every score the expression can give', () => {
  const mapped = Object.keys((HEALTH_MAPPINGS[0] as { options: Record<string, unknown> }).options).sort();
  expect(mapped).toEqual(['0', '0.5', '1', '2']);
});

describeWithPromtool('health score', () => {
  test('healthy 2, degraded 1, unknown status 0.5, down and unreachable 0', async () => {
    if (!promtool) throw new Error('promtool is required when CI=true: apt-get install prometheus');
    const series = await scrapeAsSeries();
    const score = (service: string, value: number) => ({ labels: `{service="${service}"}`, value });
    const test = {
      tests: [
        {
          interval: '30s',
          input_series: series,
          promql_expr_test: [
            {
              expr: `min by (service) (${healthScoreExpr()})`,
              eval_time: '1m',
              exp_samples: [
                score('risk_manager', 2),
                score('trading_engine', 1),
                score('sentiment_service', 0.5),
                score('alerting_service', 0),
                score('pattern_storage', 0),
              ],
            },
          ],
        },
      ],
    };
    expect(promtoolTestRules(promtool, { groups: [] }, test, series)).toContain('SUCCESS');
  }, 30_000);
});
