import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { distributedProcessorCollector } from './distributedProcessor';

test('distributed_processor: workers per pool, queue, tasks, task latency, imbalance', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  distributedProcessorCollector.collect(exampleStats.distributed_processor, target, set);
  expect(set.value('alphapulse_distributed_processor_workers_busy', { ...target, pool: 'thread' })).toBe(11);
  expect(set.value('alphapulse_distributed_processor_workers', { ...target, pool: 'process' })).toBe(4);
  expect(set.value('alphapulse_distributed_processor_queue_depth', target)).toBe(128);
  expect(set.value('alphapulse_distributed_processor_tasks_completed_total', target)).toBe(2_301_554);
  expect(set.value('alphapulse_distributed_processor_tasks_failed_total', target)).toBe(312);
  expect(set.value('alphapulse_distributed_processor_task_latency_seconds', { ...target, quantile: '0.99' })).toBe(0.64);
  expect(set.value('alphapulse_distributed_processor_task_duration_seconds', target, '_count')).toBeUndefined();
  expect(set.value('alphapulse_distributed_processor_load_imbalance_ratio', target)).toBe(0.18);
});

test('distributed_processor: task latency buckets become a histogram', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  const stats = { ...exampleStats.distributed_processor, task_latency_seconds: exampleStats.distributed_processor.latency_seconds };
  distributedProcessorCollector.collect(stats, target, set);
  expect(set.value('alphapulse_distributed_processor_task_duration_seconds', { ...target, le: '+Inf' }, '_bucket')).toBe(62004);
  expect(set.value('alphapulse_distributed_processor_task_latency_seconds', { ...target, quantile: '0.5' })).toBeUndefined();
});
