// One scrape of a real exporter turned into promtool input series, and `promtool test rules` run on it: the
// harness of the tests that check alert rules and dashboard expressions against what the exporter really exports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { stringify } from 'yaml';
import { parseConfig, startExporter } from '@alphapulse/exporter';

export interface InputSeries {
  series: string;
  values: string;
}

/** Scrapes an exporter started on `configYaml` once; the lines `keep` accepts, each held for `repeat` more steps. */
export async function scrapeAsInputSeries(configYaml: string, keep: (line: string) => boolean, repeat: number): Promise<InputSeries[]> {
  const exporter = await startExporter({ config: parseConfig(configYaml), port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
  try {
    const text = await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '3' }, signal: AbortSignal.timeout(10_000) })).text();
    return text
      .split('\n')
      .filter(keep)
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return { series: line.slice(0, at), values: `${line.slice(at + 1)}x${repeat}` };
      });
  } finally {
    await exporter.stop();
  }
}

/** Runs `promtool test rules` on `rules` (a rule file object) and `test` (its test file); throws with promtool's words. */
export function promtoolTestRules(promtool: string, rules: unknown, test: Record<string, unknown>, context: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'alphapulse-promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yml'), stringify(rules));
    writeFileSync(join(dir, 'test.yml'), stringify({ rule_files: ['rules.yml'], ...test }));
    try {
      return execFileSync(promtool, ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', timeout: 30_000 });
    } catch (err) {
      const failure = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool test rules failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}\n${JSON.stringify(context, null, 1)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
