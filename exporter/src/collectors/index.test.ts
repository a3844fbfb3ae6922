import { SERVICE_KINDS } from '@alphapulse/contracts';
import { KIND_COLLECTORS, collectorFor } from './index';

test('exactly one collector per service kind, each in its own module', () => {
  expect(KIND_COLLECTORS.map((collector) => collector.kind).sort()).toEqual([...SERVICE_KINDS].sort());
  for (const kind of SERVICE_KINDS) expect(collectorFor(kind).kind).toBe(kind);
});
