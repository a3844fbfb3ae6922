import { formatPercent, formatRate, formatSeconds } from './statFormat';

describe('stat formatting', () => {
  it('formats rates, percentages and latencies compactly', () => {
    expect([250.4, 41.04, 2.5].map(formatRate)).toEqual(['250', '41.0', '2.50']);
    expect([0.4, 0.023, 0.0012, 0].map(formatPercent)).toEqual(['40%', '2.3%', '0.12%', '0.00%']);
    expect([2.5, 0.0451, 0.0042].map(formatSeconds)).toEqual(['2.50 s', '45 ms', '4.2 ms']);
  });
});
