// The exporter's own health: build info, configuration state, and the standard process_* and nodejs_* families
// from prom-client's default collectors (kept in a private registry and copied into each scrape).
import { Registry, collectDefaultMetrics } from 'prom-client';
import { SELF_METRICS as M } from '../metrics/catalogue';
import type { MetricDefinition, MetricSet, MetricType, Sample } from '../metrics/model';
import packageJson from '../../package.json';

export const EXPORTER_VERSION: string = packageJson.version;

export interface ConfigState {
  targets: number;
  lastReloadSuccessful: boolean;
  lastReloadSeconds: number;
}

export function addSelfMetrics(set: MetricSet, config: ConfigState): void {
  set.add(M.buildInfo, { version: EXPORTER_VERSION, node_version: process.version }, 1);
  set.add(M.targets, {}, config.targets);
  set.add(M.configReloadSuccessful, {}, config.lastReloadSuccessful ? 1 : 0);
  set.add(M.configReloadTime, {}, config.lastReloadSeconds);
}

const RUNTIME_GROUP = 'Process and Node.js runtime (standard names)';

export class RuntimeMetrics {
  private readonly registry = new Registry();
  private readonly definitions = new Map<string, MetricDefinition>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  async addTo(set: MetricSet): Promise<void> {
    for (const metric of await this.registry.getMetricsAsJSON()) {
      // prom-client's nodejs_active_*_total are gauges with a counter's suffix (promtool rejects them); the same
      // numbers are in nodejs_active_*{type}.
      if (String(metric.type) !== 'counter' && metric.name.endsWith('_total')) continue;
      let definition = this.definitions.get(metric.name);
      if (!definition) {
        definition = { name: metric.name, type: String(metric.type) as MetricType, help: metric.help, labels: [], group: RUNTIME_GROUP };
        this.definitions.set(metric.name, definition);
      }
      for (const value of metric.values as Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>) {
        const labels: Record<string, string> = {};
        for (const [key, label] of Object.entries(value.labels)) labels[key] = String(label);
        const suffix = value.metricName && value.metricName !== metric.name ? (value.metricName.slice(metric.name.length) as Sample['suffix']) : undefined;
        set.add(definition, labels, value.value, suffix);
      }
    }
  }
}
