import { FieldType, LoadingState } from '@grafana/data';
import { failureResponse, toQueryResponse } from './frames';

const candles = {
  refId: 'A',
  name: 'AAA',
  fields: [
    { name: 'time', type: 'time', values: [1000, 2000] },
    { name: 'open', type: 'number', values: [1, 2], labels: { symbol: 'AAA' }, config: { unit: 'currencyUSD', displayNameFromDS: 'Open' } },
  ],
  meta: { preferredVisualisationType: 'candlestick' },
};

test('frames keep names, types, labels, units and display names', () => {
  const response = toQueryResponse({ results: { A: { frames: [candles], status: 200 } } }, ['A']);
  expect(response.errors).toEqual([]);
  expect(response.state).toBe(LoadingState.Done);
  const frame = response.data[0];
  expect(frame.refId).toBe('A');
  expect(frame.name).toBe('AAA');
  expect(frame.length).toBe(2);
  expect(frame.fields[0].type).toBe(FieldType.time);
  expect(frame.fields[1]).toMatchObject({ name: 'open', type: FieldType.number, labels: { symbol: 'AAA' }, config: { unit: 'currencyUSD', displayNameFromDS: 'Open' } });
  expect(frame.fields[1].values).toEqual([1, 2]);
});

test('a failed query is an error on its own panel query; the others still show', () => {
  const response = toQueryResponse(
    { results: { A: { frames: [candles], status: 200 }, B: { frames: [], status: 400, error: 'queries.1.symbols: choose at least one symbol' } } },
    ['A', 'B', 'C'],
  );
  expect(response.data).toHaveLength(1);
  expect(response.errors).toEqual([
    { refId: 'B', message: 'queries.1.symbols: choose at least one symbol', status: 400 },
    { refId: 'C', message: 'The AlphaPulse API returned no result for this query.' },
  ]);
  expect(response.state).toBe(LoadingState.Error);
});

test('request failures become panel errors with the API message', () => {
  expect(failureResponse({ status: 401, data: { error: 'A valid bearer token is required' } }, ['A']).errors).toEqual([
    { refId: 'A', message: 'Grafana could not authenticate to the AlphaPulse API: check the API token.', status: 401 },
  ]);
  expect(failureResponse({ status: 400, data: { error: 'Invalid query request', details: [{ field: 'range.from', reason: 'bad' }] } }, ['A']).errors?.[0].message).toBe(
    'Invalid query request (range.from: bad)',
  );
  expect(failureResponse({ status: 504, data: { results: { A: { frames: [], status: 504, error: 'timeout' } } } }, ['A']).errors).toEqual([
    { refId: 'A', message: 'timeout', status: 504 },
  ]);
  expect(failureResponse({ status: 502, statusText: 'Bad Gateway', data: '' }, ['A']).errors?.[0].message).toBe('AlphaPulse API answered 502 Bad Gateway');
  expect(failureResponse(undefined, ['A']).errors?.[0].message).toBe('The AlphaPulse API could not be reached.');
});
