import { MappingType } from '@grafana/data';
import { createStatusMapper } from './statusMappings';

describe('createStatusMapper', () => {
  it('returns nothing without mappings', () => {
    expect(createStatusMapper([], (c) => c)).toBeUndefined();
  });

  it('maps values, ranges and patterns with colours', () => {
    const mapper = createStatusMapper(
      [
        { type: MappingType.ValueToText, options: { '2': { text: 'degraded', color: 'orange' } } },
        { type: MappingType.RangeToText, options: { from: 3, to: 10, result: { text: 'down' } } },
        { type: MappingType.RegexToText, options: { pattern: '^ok', result: { text: 'healthy' } } },
      ],
      (name) => `color:${name}`
    )!;
    expect(mapper(2)).toEqual({ text: 'degraded', color: 'color:orange' });
    expect(mapper(5)).toEqual({ text: 'down', color: undefined });
    expect(mapper('okay')).toEqual({ text: 'healthy', color: undefined });
    expect(mapper(1)).toBeUndefined();
  });
});
