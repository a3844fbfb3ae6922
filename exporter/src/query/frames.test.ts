import { fillBuckets, tableFrame, timeSeriesFrames } from './frames';
import { patternMarkerFrame, tradeMarkerFrame } from './handlers';

const t = (minute: number) => new Date(Date.UTC(2026, 0, 5, 0, minute));

test('one frame per series value, labelled and displayed by name, times as epoch ms', () => {
  const rows = [
    { symbol: 'AAA', time: t(0), close: 1 },
    { symbol: 'AAA', time: t(1), close: '2.5' },
    { symbol: 'BBB', time: t(0), close: null },
  ];
  const frames = timeSeriesFrames('A', rows, { seriesBy: ['symbol'], values: [{ column: 'close', unit: 'currencyUSD' }] });
  expect(frames).toEqual([
    {
      refId: 'A',
      name: 'AAA',
      fields: [
        { name: 'time', type: 'time', values: [t(0).getTime(), t(1).getTime()] },
        { name: 'close', type: 'number', values: [1, 2.5], labels: { symbol: 'AAA' }, config: { unit: 'currencyUSD', displayNameFromDS: 'AAA' } },
      ],
    },
    {
      refId: 'A',
      name: 'BBB',
      fields: [
        { name: 'time', type: 'time', values: [t(0).getTime()] },
        { name: 'close', type: 'number', values: [null], labels: { symbol: 'BBB' }, config: { unit: 'currencyUSD', displayNameFromDS: 'BBB' } },
      ],
    },
  ]);
});

test('table frames cut at maxRows and say so', () => {
  const rows = [{ a: 'x' }, { a: 'y' }, { a: 'z' }];
  const frame = tableFrame('T', rows, [{ column: 'a', type: 'string', name: 'A' }], 2);
  expect(frame.fields[0].values).toEqual(['x', 'y']);
  expect(frame.meta?.notices?.[0].severity).toBe('warning');
  expect(tableFrame('T', rows, [{ column: 'a', type: 'string' }], 3).meta?.notices).toBeUndefined();
});

test('absent buckets are zero-filled across the window', () => {
  const filled = fillBuckets([{ time: t(2), count: 4 }], t(0).getTime(), t(4).getTime(), 60_000, { count: 0 });
  expect(filled.map((row) => row.count)).toEqual([0, 0, 4, 0]);
});

test('annotation frames for trades and patterns', () => {
  const trade = { time: t(0), trade_id: '7', strategy: 'alpha', symbol: 'AAA', side: 'sell', quantity: 2, price: 101.5, fee: 0.1, realized_pnl: 3 };
  const frame = tradeMarkerFrame('M', [trade, trade], 1);
  expect(frame.fields.map((f) => f.values[0])).toEqual([t(0).getTime(), 'SELL 2 AAA @ 101.5', 'alpha · trade 7 · fee 0.1 · realized P&L 3', ['alpha', 'AAA', 'sell']]);
  expect(frame.meta?.notices).toHaveLength(1);
  const pattern = patternMarkerFrame('P', [{ time: t(0), symbol: 'AAA', timeframe: '1m', pattern: 'engulfing', direction: 'bullish', confidence: 0.875, price: 3 }], 10);
  expect(pattern.fields[1].values).toEqual(['engulfing (bullish) 88%']);
});
