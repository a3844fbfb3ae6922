import type { MetricDefinition } from '../metrics/model';
import { escapeHelp, escapeLabelValue, familyHeader, formatLabels, formatValue, negotiateFormat } from './textFormat';

const counter: MetricDefinition = { name: 'alphapulse_x_total', type: 'counter', help: 'h', labels: [], group: 'g' };
const info: MetricDefinition = { name: 'alphapulse_x_info', type: 'info', help: 'h', labels: [], group: 'g' };

describe('text format building blocks', () => {
  test('label values escape backslash, double quote and line feed, in that order', () => {
    expect(escapeLabelValue('plain')).toBe('plain');
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue('\\n')).toBe('\\\\n');
  });

  test('HELP escapes backslash and line feed; OpenMetrics also double quotes', () => {
    expect(escapeHelp('say "hi"\\now\n', 'text')).toBe('say "hi"\\\\now\\n');
    expect(escapeHelp('say "hi"\\now\n', 'openmetrics')).toBe('say \\"hi\\"\\\\now\\n');
  });

  test('values: integers and floats as JavaScript prints them, special values as Prometheus spells them', () => {
    expect(formatValue(3)).toBe('3');
    expect(formatValue(0.125)).toBe('0.125');
    expect(formatValue(1e21)).toBe('1e+21');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
  });

  test('labels keep insertion order and are omitted when empty', () => {
    expect(formatLabels({})).toBe('');
    expect(formatLabels({ b: '1', a: 'x"y' })).toBe('{b="1",a="x\\"y"}');
  });

  test('OpenMetrics names counter and info families without their sample suffix', () => {
    expect(familyHeader(counter, 'text')).toBe('# HELP alphapulse_x_total h\n# TYPE alphapulse_x_total counter\n');
    expect(familyHeader(counter, 'openmetrics')).toBe('# HELP alphapulse_x h\n# TYPE alphapulse_x counter\n');
    expect(familyHeader(info, 'text')).toBe('# HELP alphapulse_x_info h\n# TYPE alphapulse_x_info gauge\n');
    expect(familyHeader(info, 'openmetrics')).toBe('# HELP alphapulse_x h\n# TYPE alphapulse_x info\n');
  });

  test('OpenMetrics only when the Accept header asks for it', () => {
    expect(negotiateFormat(undefined)).toBe('text');
    expect(negotiateFormat('text/plain;version=0.0.4;q=0.5,*/*;q=0.1')).toBe('text');
    expect(negotiateFormat('application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5')).toBe('openmetrics');
  });
});
