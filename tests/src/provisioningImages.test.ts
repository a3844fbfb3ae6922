// Image tags that exist and are maintained, in every place that names one: docker-compose.yml, .env.example and
// the e2e workflow matrix. Docker Hub cannot be reached from our machines; the sources:
// - Grafana's Docker install docs (grafana.com/docs/grafana/next/setup-grafana/installation/docker): from 12.4.0 on
//   grafana/grafana-oss is no longer updated; grafana/grafana carries the same OSS images.
// - 13.0.0 was withdrawn (13.0.1 and later exist); 12.4.10 and 13.0.8 are Grafana releases (@grafana/data of the
//   same versions is published by the same release; 12.4.10 is the version our plugins build against).
// - timescale/timescaledb 2.28.3 is the release docs/data-model.md was verified against; -pg17 is a maintained
//   PostgreSQL major. Node 22 is an LTS line in maintenance until 2027-04 (Node 20 reached end of life 2026-04).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '@alphapulse/dashboards';

type Json = Record<string, any>;
/** The file without its comment lines (which may mention the old names to explain the change). */
const withoutComments = (text: string) => text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
const composeText = withoutComments(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
const compose = parse(composeText, { merge: true });
const envExample = withoutComments(readFileSync(join(REPO_ROOT, '.env.example'), 'utf8'));
const workflowText = withoutComments(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'grafana-e2e.yml'), 'utf8'));
const workflow = parse(workflowText);

const GRAFANA_LINES = { default: '12.4.10', next: '13.0.8' } as const;

describe('image tags', () => {
  test('Grafana comes from grafana/grafana, never grafana-oss, anywhere', () => {
    for (const text of [composeText, envExample, workflowText]) expect(text).not.toMatch(/grafana-oss/);
    expect(compose.services.grafana.image).toBe(`grafana/grafana:\${GRAFANA_VERSION:-${GRAFANA_LINES.default}}`);
  });

  test('.env.example and the workflow matrix name 12.4.x and a 13.0.x that exists (≥ 13.0.1, not the withdrawn 13.0.0)', () => {
    expect(/^GRAFANA_VERSION=(.*)$/m.exec(envExample)?.[1]).toBe(GRAFANA_LINES.default);
    const matrix = workflow.jobs.e2e.strategy.matrix.grafana as string[];
    expect(matrix).toEqual([GRAFANA_LINES.default, GRAFANA_LINES.next]);
    for (const version of matrix) expect(version).toMatch(/^(12\.4|13\.0)\.\d+$/);
    const [, , patch] = GRAFANA_LINES.next.split('.').map(Number);
    expect(patch).toBeGreaterThanOrEqual(1);
    for (const text of [composeText, envExample, workflowText]) expect(text).not.toMatch(/13\.0\.0\b/);
  });

  test('TimescaleDB is a current 2.2x release on PostgreSQL 17', () => {
    expect(compose.services.timescaledb.image).toMatch(/^timescale\/timescaledb:2\.2\d\.\d+-pg17$/);
    expect(compose.services.timescaledb.image).toBe('timescale/timescaledb:2.28.3-pg17');
  });

  test('every Node service runs a maintained LTS line, one pinned patch', () => {
    const nodeImages = new Set(
      Object.values(compose.services as Record<string, Json>)
        .map((service) => service.image as string)
        .filter((image) => image.startsWith('node:')),
    );
    expect([...nodeImages]).toEqual(['node:22.22.0-bookworm-slim']);
    expect(workflow.jobs.e2e.steps.find((step: Json) => step.uses?.startsWith('actions/setup-node'))?.with['node-version']).toBe(22);
  });
});
