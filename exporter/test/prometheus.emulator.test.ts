// A real Prometheus scrapes the exporter, which collects from the emulated nine services. All nine are up; a
// "down" fault on one makes its alphapulse_up 0 while the others stay 1.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startEmulator, type RunningEmulator } from '../../simulator/src/emulator';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { freePort } from './support/freePort';
import { describeWithTool } from './support/tools';

jest.setTimeout(120_000);

interface VectorResult {
  metric: Record<string, string>;
  value: [number, string];
}

describeWithTool('prometheus', 'real Prometheus against the exporter and the emulator', (prometheusBinary) => {
  let emulator: RunningEmulator;
  let exporter: RunningExporter;
  let prometheus: ChildProcess;
  let prometheusUrl: string;
  let dir: string;
  let log = '';

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    emulator = await startEmulator({ basePort: 0, controlPort: 0, logger });
    const config = parseConfig(undefined, {
      ALPHAPULSE_EXPORTER_TARGETS: emulator.services.map((service) => `${service.name}=${service.url}`).join(','),
      ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false',
    });
    exporter = await startExporter({ config, port: 0, logger, reloadOnSighup: false });
    dir = mkdtempSync(join(tmpdir(), 'exporter-prometheus-'));
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    // Same job settings as provisioning/prometheus/prometheus.yml, with a short interval for the test.
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        '  - job_name: alphapulse',
        '    scrape_interval: 1s',
        '    scrape_timeout: 1s',
        '    honor_labels: true',
        `    static_configs: [{ targets: ['${new URL(exporter.url).host}'] }]`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(
      prometheusBinary,
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await exporter?.stop();
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function query(promql: string): Promise<VectorResult[]> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { result: VectorResult[] } };
    if (body.status !== 'success') throw new Error(`query failed: ${JSON.stringify(body)}`);
    return body.data.result;
  }

  /** Polls until `check` passes on the query's result (or fails with the last result and Prometheus' log). */
  async function eventually(promql: string, check: (result: VectorResult[]) => boolean, seconds = 30): Promise<VectorResult[]> {
    const deadline = Date.now() + seconds * 1000;
    let last: VectorResult[] = [];
    while (Date.now() < deadline) {
      try {
        last = await query(promql);
        if (check(last)) return last;
      } catch {
        // Prometheus still starting.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${promql} never satisfied the check; last result ${JSON.stringify(last)}; prometheus log: ${log}`);
  }

  const byService = (result: VectorResult[]) => Object.fromEntries(result.map((r) => [r.metric.service, Number(r.value[1])]));

  test('Prometheus scrapes the exporter: up, all nine services up, their own instance labels kept', async () => {
    await eventually('up{job="alphapulse"}', (result) => result.length === 1 && result[0].value[1] === '1');
    const ups = await eventually('alphapulse_up', (result) => result.length === 9 && result.every((r) => r.value[1] === '1'));
    const instances = new Set(emulator.services.map((service) => new URL(service.url).host));
    for (const r of ups) expect(instances.has(r.metric.instance)).toBe(true);
    const edges = await query('alphapulse_service_dependency_info{service="trading_engine"}');
    expect(edges.map((r) => r.metric.dependency)).toContain('risk_manager');
    expect((await query('alphapulse_trading_engine_equity')).length).toBe(1);
    expect((await query('rate(alphapulse_service_requests_total[10s])')).length).toBeGreaterThanOrEqual(0);
  });

  test('a down fault makes that service 0 and leaves the other eight at 1', async () => {
    const response = await fetch(`${emulator.controlUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'risk_manager', mode: 'down' }),
    });
    expect(response.ok).toBe(true);
    const result = await eventually('alphapulse_up', (r) => byService(r).risk_manager === 0);
    const values = byService(result);
    expect(Object.keys(values)).toHaveLength(9);
    for (const [service, value] of Object.entries(values)) expect(value).toBe(service === 'risk_manager' ? 0 : 1);
    const reasons = await query('alphapulse_target_scrape_error{service="risk_manager"}');
    expect(reasons.map((r) => r.metric.reason)).toContain('unreachable');
    expect(byService(await query('alphapulse_service_status{status="down"}')).risk_manager).toBe(1);
  });
});
