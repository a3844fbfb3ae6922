// npm start's Prometheus config comes from the repository's one and follows the configured ports (issue #9,
// finding 10: it used to scrape 9464 and 9090 whatever ALPHAPULSE_EXPORTER_PORT and _PROMETHEUS_PORT said).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { onPath } from '../../scripts/childProcess';
import { renderPrometheusConfig } from '../../scripts/prometheusConfig';
import { REPO_ROOT } from './support/npmStartProcess';

const templateDir = join(REPO_ROOT, 'provisioning', 'prometheus');
const template = readFileSync(join(templateDir, 'prometheus.yml'), 'utf8');

type Config = { scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }>; scrape_timeout?: string }>; rule_files?: string[] };

test('the exporter and Prometheus targets are the configured addresses, everything else is kept', () => {
  const rendered = parse(renderPrometheusConfig(template, { exporter: '127.0.0.1:19464', prometheus: '127.0.0.1:19090', templateDir })) as Config;
  const original = parse(template) as Config;
  const targetsOf = (config: Config, job: string) => config.scrape_configs.find((scrape) => scrape.job_name === job)!.static_configs;
  expect(targetsOf(rendered, 'alphapulse')).toEqual([{ targets: ['127.0.0.1:19464'] }]);
  expect(targetsOf(rendered, 'prometheus')).toEqual([{ targets: ['127.0.0.1:19090'] }]);
  const withoutTargets = (config: Config) => ({ ...config, rule_files: undefined, scrape_configs: config.scrape_configs.map(({ static_configs: _, ...rest }) => rest) });
  expect(withoutTargets(rendered)).toEqual(withoutTargets(original));
});

test('relative rule files are resolved against the repository folder', () => {
  const withRules = `${template}\nrule_files:\n  - rules/*.yml\n  - /etc/absolute.yml\n`;
  const rendered = parse(renderPrometheusConfig(withRules, { exporter: 'a:1', prometheus: 'b:2', templateDir })) as Config;
  expect(rendered.rule_files).toEqual([join(templateDir, 'rules/*.yml'), '/etc/absolute.yml']);
});

test('a template without one of the two jobs is refused with its name', () => {
  expect(() => renderPrometheusConfig('scrape_configs:\n  - job_name: prometheus\n', { exporter: 'a:1', prometheus: 'b:2', templateDir })).toThrow(/"alphapulse"/);
});

test('promtool accepts the rendered config', () => {
  if (!onPath('promtool')) {
    if (process.env.CI === 'true') throw new Error('promtool is not on PATH (CI requires it: apt-get install prometheus)');
    console.warn('SKIPPED: no promtool on PATH');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'alphapulse-prom-'));
  try {
    const file = join(dir, 'prometheus.yml');
    writeFileSync(file, renderPrometheusConfig(template, { exporter: '127.0.0.1:19464', prometheus: '127.0.0.1:19090', templateDir }));
    const check = spawnSync('promtool', ['check', 'config', file], { encoding: 'utf8' });
    expect(check.stderr + check.stdout).toMatch(/SUCCESS/);
    expect(check.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
