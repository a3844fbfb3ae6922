import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { type DataSource } from '../../datasource';
import { type AlphaPulseQuery } from '../../types/query.types';
import { QueryEditor } from './QueryEditor';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => ({ getVariables: () => [{ name: 'symbol' }], replace: (text: string) => text }),
}));

const SEARCH: Record<string, string[]> = {
  symbols: ['AAA', 'BBB'],
  strategies: ['alpha', 'beta'],
  sources: ['news', 'reddit', 'twitter'],
  pattern_types: ['engulfing'],
  timeframes: ['1m', '5m'],
};

function setup(query: Partial<AlphaPulseQuery>) {
  const datasource = { search: jest.fn((kind: string) => Promise.resolve(SEARCH[kind])) } as unknown as DataSource;
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const view = render(
    <QueryEditor datasource={datasource} query={{ refId: 'A', ...query } as AlphaPulseQuery} onChange={onChange} onRunQuery={onRunQuery} />
  );
  return { datasource, onChange, onRunQuery, view };
}

async function openAndPick(label: string, option: string) {
  const input = screen.getByLabelText(label);
  await act(async () => {
    fireEvent.keyDown(input, { key: 'ArrowDown' });
  });
  await act(async () => {
    fireEvent.click(await screen.findByText(option));
  });
}

test('candles: symbols from the search route (and dashboard variables), timeframe picker, required symbols flagged', async () => {
  const { datasource } = setup({ queryType: 'candles', symbols: [], schemaVersion: 1 });
  await waitFor(() => expect(datasource.search).toHaveBeenCalledWith('symbols'));
  expect(datasource.search).toHaveBeenCalledWith('timeframes');
  expect(screen.getByText('Choose at least one symbol')).toBeInTheDocument();
  expect(screen.queryByLabelText('Strategies')).not.toBeInTheDocument();
});

test('choosing a symbol updates the query and runs it', async () => {
  const { onChange, onRunQuery } = setup({ queryType: 'price', symbols: [], schemaVersion: 1 });
  await openAndPick('Symbols', 'BBB');
  expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ queryType: 'price', symbols: ['BBB'] }));
  expect(onRunQuery).toHaveBeenCalled();
});

test('dashboard variables are offered as values', async () => {
  const { onChange } = setup({ queryType: 'sentiment', symbols: [], schemaVersion: 1 });
  await openAndPick('Symbols', '$symbol');
  expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ symbols: ['$symbol'] }));
});

test('changing the query type', async () => {
  const { onChange } = setup({ queryType: 'candles', symbols: ['AAA'], schemaVersion: 1 });
  await openAndPick('Query type', 'Trading: Drawdown');
  expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ queryType: 'drawdown' }));
});

test('per-type options: P&L mode and minimum confidence', async () => {
  const pnl = setup({ queryType: 'pnl', schemaVersion: 1 });
  fireEvent.click(screen.getByText('Per bucket'));
  expect(pnl.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ pnlMode: 'perBucket' }));
  pnl.view.unmount();

  const patterns = setup({ queryType: 'patternTable', schemaVersion: 1 });
  const confidence = screen.getByLabelText('Min confidence');
  fireEvent.change(confidence, { target: { value: '1.7' } });
  fireEvent.blur(confidence);
  expect(patterns.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ minConfidence: 1 }));
  await waitFor(() => expect(patterns.datasource.search).toHaveBeenCalledWith('pattern_types'));
});

test('an old saved query is migrated before editing', async () => {
  const { datasource } = setup({ queryText: 'x', constant: 1 } as unknown as AlphaPulseQuery);
  expect(screen.getByText('Market: Candles')).toBeInTheDocument();
  await waitFor(() => expect(datasource.search).toHaveBeenCalled());
});
