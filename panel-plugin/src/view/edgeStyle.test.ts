import { alphapulsePrometheusFrames } from '../fixtures/alphapulseGraph';
import { parseFrames } from '../graph/parseFrames';
import { defaultOptions } from '../types';
import { edgeLabel, edgeWidths, errorLevel } from './edgeStyle';

describe('edge styling from the dashboard queries', () => {
  const { edges } = parseFrames(alphapulsePrometheusFrames(), defaultOptions);
  const find = (source: string, target: string) => edges.findIndex((e) => e.source === source && e.target === target);

  it('labels an edge with its traffic and error ratio', () => {
    const toDown = edges[find('retrieval_optimizer', 'pattern_storage')];
    expect(edgeLabel(toDown)).toEqual({ traffic: `${toDown.mainStat}`, errors: '40% err' });
    expect(toDown.mainStat).toMatch(/^\d+(\.\d+)? req\/s$/);
    expect(edgeLabel({ id: 'x', source: 'a', target: 'b', details: [] })).toBeUndefined();
    expect(edgeLabel({ id: 'x', source: 'a', target: 'b', errorRatio: NaN, details: [] })).toBeUndefined();
  });

  it('colours calls into the down service critical, into degraded ones warn, healthy ones ok', () => {
    const level = (s: string, t: string) => errorLevel(edges[find(s, t)].errorRatio, defaultOptions);
    expect(level('retrieval_optimizer', 'pattern_storage')).toBe('critical');
    expect(level('trading_engine', 'retrieval_optimizer')).toBe('warn');
    expect(level('trading_engine', 'risk_manager')).toBe('ok');
  });

  it('widens busier edges within the configured range', () => {
    const widths = edgeWidths(edges, defaultOptions);
    const busiest = edges.reduce((best, e, i) => ((e.traffic ?? 0) > (edges[best].traffic ?? 0) ? i : best), 0);
    expect(widths[busiest]).toBeCloseTo(defaultOptions.edgeMaxWidth);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(defaultOptions.edgeMinWidth);
    expect(new Set(Array.from(widths, (w) => w.toFixed(2))).size).toBeGreaterThan(5);
  });
});
