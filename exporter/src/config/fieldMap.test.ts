import fc from 'fast-check';
import { readStats } from '@alphapulse/contracts';
import { parseConfig } from './config';
import { applyFieldMapping, getPath, parseEndpointMappings, parseFieldPath } from './fieldMap';

describe('parseFieldPath: dotted paths and a small JSONPath subset', () => {
  test.each([
    ['portfolio.total_equity', ['portfolio', 'total_equity']],
    ['$.portfolio.total_equity', ['portfolio', 'total_equity']],
    ['books[0].equity', ['books', 0, 'equity']],
    ["metrics['cache.hit_ratio']", ['metrics', 'cache.hit_ratio']],
    ['a["b c"].d', ['a', 'b c', 'd']],
    ['x-y', ['x-y']],
  ])('%s', (text, segments) => expect(parseFieldPath(text)).toEqual(segments));

  test.each(['', '$', 'a.', 'a..b', '.a', 'a[', 'a[x]', 'a b', "a['b]", 'a.*', 'a[?(@.x)]'])('%j is refused with a reason', (text) => {
    expect(typeof parseFieldPath(text)).toBe('string');
  });

  test('property: total, and every path of identifiers and indexes round-trips', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => ['string', 'object'].includes(typeof parseFieldPath(text))));
    const segment = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.nat({ max: 999 }));
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.array(segment, { maxLength: 8 }), (head, rest) => {
        const text = head + rest.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
        expect(parseFieldPath(text)).toEqual([head, ...rest]);
      }),
    );
  });
});

describe('applyFieldMapping', () => {
  const mapping = (raw: Record<string, string>) => parseEndpointMappings('trading_engine', { stats: raw }).mappings.stats;

  test('copies the service\'s own fields onto the contract paths; the lenient reader then takes them', () => {
    const payload = { portfolio: { total_equity: '1000.5', positions: [{ n: 3 }] }, equity: 'stale', fills: 7 };
    const mapped = applyFieldMapping(payload, mapping({ equity: 'portfolio.total_equity', open_positions: '$.portfolio.positions[0].n', fills_total: 'fills', 'strategies.main.equity': 'portfolio.total_equity' }));
    const read = readStats('trading_engine', mapped);
    expect(read.ok && read.value).toMatchObject({ equity: 1000.5, open_positions: 3, fills_total: 7, strategies: { main: { equity: 1000.5 } } });
    expect(payload.equity).toBe('stale'); // the payload itself is not changed
  });

  test('a source path that is absent leaves the field as the service sent it', () => {
    expect(applyFieldMapping({ equity: 5 }, mapping({ equity: 'portfolio.total_equity' }))).toEqual({ equity: 5 });
    expect(getPath({ a: [1] }, ['a', 3])).toBeUndefined();
    expect(getPath({}, ['constructor'])).toBeUndefined();
  });
});

describe('field_map in the config: validated at load, errors name the bad key', () => {
  const config = (fieldMap: string, instanceMap = '') =>
    parseConfig(
      ['services:', `  - kind: trading_engine`, `    field_map: ${fieldMap}`, `    instances: [{ url: "http://te:1"${instanceMap ? `, field_map: ${instanceMap}` : ''} }]`].join('\n'),
    );

  test('good maps at service and target level; the target wins for the same path', () => {
    const parsed = config('{ stats: { equity: portfolio.total_equity, fills_total: fills } }', '{ stats: { equity: "$.book.equity" } }');
    expect(parsed.targets[0].fieldMap?.stats?.entries).toEqual([
      { to: ['equity'], from: ['book', 'equity'] },
      { to: ['fills_total'], from: ['fills'] },
    ]);
  });

  test.each([
    ['{ stats: { equitee: portfolio.total_equity } }', 'services[0].field_map.stats.equitee: "equitee" is not a field of the contract of trading_engine /stats'],
    ['{ health: { status_text: state } }', 'services[0].field_map.health.status_text: "status_text" is not a field of the contract of the health record'],
    ['{ stats: { equity: "portfolio..x" } }', 'services[0].field_map.stats.equity: bad source path "portfolio..x"'],
    ['{ stats: { "orders[0].count": x } }', 'services[0].field_map.stats.orders[0].count: contract paths name fields, not array indexes'],
    ['{ statz: { equity: x } }', 'services[0].field_map: Unrecognized key: "statz"'],
  ])('%s', (map, message) => {
    expect(() => config(map)).toThrow(message);
  });
});

test('every mapping example of docs/contract.md passes the config validation', () => {
  const { MAPPING_EXAMPLES } = require('@alphapulse/contracts') as typeof import('@alphapulse/contracts');
  for (const [kind, example] of Object.entries(MAPPING_EXAMPLES)) {
    const yaml = `services:\n  - kind: ${kind}\n    instances: [http://x:1]\n    field_map: ${JSON.stringify(example.field_map)}`;
    const target = parseConfig(yaml).targets[0];
    const count = Object.values(example.field_map).reduce((n, map) => n + Object.keys(map ?? {}).length, 0);
    expect((target.fieldMap?.health?.entries.length ?? 0) + (target.fieldMap?.stats?.entries.length ?? 0)).toBe(count);
  }
});
