// Property: whatever a drifted service sends — any field of the contract examples replaced by junk as Python might
// write it — the exporter answers with a valid exposition: the record stays answered while it has a name and a
// status, no series twice, no non-finite counter, every label value within the caps.
import fc from 'fast-check';
import { SERVICE_KINDS, exampleHealthRecord, exampleStats, readHealthRecord, readStats, type ServiceKind } from '@alphapulse/contracts';
import { renderToString } from '../render/renderer';
import { buildServiceMetrics } from './serviceMetrics';

const junk = fc.oneof(
  fc.constant(NaN),
  fc.constant(Infinity),
  fc.constant(-Infinity),
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('42', '-1', '0.5', 'nan', '2026-11-25T14:29:58.120333', '', '\n'),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.double()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.double(), fc.string({ maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.double(), { maxKeys: 2 })), { maxKeys: 3 }),
);

/** Replaces the values at some paths of `value` (objects and arrays walked) with junk. */
function mutate(value: unknown, choices: number[], replacements: unknown[], state = { at: 0 }): unknown {
  const pick = () => choices[state.at++ % choices.length] % 5 === 0;
  const next = () => replacements[state.at % replacements.length];
  if (Array.isArray(value)) return value.map((item) => (pick() ? next() : mutate(item, choices, replacements, state)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === 'service_name' || key === 'status') out[key] = item;
      else out[key] = pick() ? next() : mutate(item, choices, replacements, state);
    }
    return out;
  }
  return value;
}

test('property: drifted payloads of every kind render a valid, duplicate-free exposition within the caps', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SERVICE_KINDS),
      fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      fc.array(junk, { minLength: 1, maxLength: 10 }),
      fc.constantFrom('healthy', 'OK', 'warning', 'critical', 'starting'),
      (kind: ServiceKind, choices, replacements, status) => {
        const health = readHealthRecord(mutate({ ...exampleHealthRecord, status }, choices, replacements));
        const stats = readStats(kind, mutate(exampleStats[kind], choices, replacements));
        expect(health.ok).toBe(true);
        const target = { service: kind, kind, instance: 'h:1', url: 'http://h:1', labels: {} };
        const set = buildServiceMetrics(
          [
            {
              target,
              health: health.ok ? health.value : undefined,
              stats: stats.ok ? stats.value : undefined,
              failures: [],
              fieldIssues: { health: health.ok ? health.issues : undefined, stats: stats.ok ? stats.issues : undefined },
              durationSeconds: 0,
            },
          ],
          { maxPerformanceMetrics: 5, labelLimits: { maxPerLabel: 3, maxPerTarget: 10, maxLength: 8 } },
        );
        const text = renderToString(set.toFamilies(), 'text');
        const series = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
        const keys = series.map((line) => line.slice(0, line.lastIndexOf(' ')));
        expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
        for (const family of set.toFamilies()) {
          const counter = family.definition.type === 'counter' || family.definition.name.endsWith('_bucket');
          for (const sample of family.samples) {
            if (counter || sample.suffix === '_bucket' || sample.suffix === '_count') expect(Number.isFinite(sample.value)).toBe(true);
            for (const [label, value] of Object.entries(sample.labels)) {
              if (!['service', 'instance', 'status', 'endpoint', 'reason', 'label', 'le', 'quantile', 'side'].includes(label)) expect(value.length).toBeLessThanOrEqual(8);
            }
          }
        }
        expect(text).toContain(`alphapulse_up{service="${kind}",instance="h:1"} 1`);
      },
    ),
    { numRuns: 300 },
  );
});
