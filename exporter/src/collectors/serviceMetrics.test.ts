import { exampleHealthRecord, exampleStats } from '@alphapulse/contracts';
import type { Target } from '../config/config';
import type { InstanceResult } from '../scrape/scrapeTargets';
import { buildServiceMetrics } from './serviceMetrics';

const target = (service: string, instance: string): Target => ({ service, kind: 'trading_engine', instance, url: `http://${instance}`, labels: { region: 'eu' } });

test('one scrape: healthy and failing instances side by side, each with its own labels and reasons', () => {
  const results: InstanceResult[] = [
    { target: target('trading_engine', 'a:1'), health: exampleHealthRecord, stats: exampleStats.trading_engine, failures: [], durationSeconds: 0.01 },
    {
      target: target('trading_engine', 'b:1'),
      failures: [
        { endpoint: 'health', reason: 'timeout', message: 'slow' },
        { endpoint: 'stats', reason: 'malformed_json', message: 'x' },
      ],
      durationSeconds: 2,
    },
  ];
  const set = buildServiceMetrics(results, { maxPerformanceMetrics: 50 });
  const a = { service: 'trading_engine', instance: 'a:1', region: 'eu' };
  const b = { service: 'trading_engine', instance: 'b:1', region: 'eu' };
  expect(set.value('alphapulse_up', a)).toBe(1);
  expect(set.value('alphapulse_up', b)).toBe(0);
  expect(set.value('alphapulse_target_scrape_duration_seconds', b)).toBe(2);
  expect(set.value('alphapulse_target_scrape_error', { ...b, endpoint: 'health', reason: 'timeout' })).toBe(1);
  expect(set.value('alphapulse_target_scrape_error', { ...b, endpoint: 'stats', reason: 'malformed_json' })).toBe(1);
  expect(set.value('alphapulse_target_scrape_error', a)).toBeUndefined();
  expect(set.value('alphapulse_trading_engine_equity', a)).toBe(1_046_210.55);
  expect(set.value('alphapulse_trading_engine_equity', b)).toBeUndefined();
  expect(set.value('alphapulse_service_dependency_info', { service: 'trading_engine', dependency: 'exchange_api' })).toBe(1);
});
