// Regenerates docs/metrics.md from the metric catalogue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMetricsDoc } from '../src/docs/metricsDoc';

const target = join(__dirname, '../../docs/metrics.md');
writeFileSync(target, renderMetricsDoc());
console.log(`wrote ${target}`);
