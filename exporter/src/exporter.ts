// The exporter's core, apart from HTTP: holds the current config, collects one scrape's metrics, reloads.
import type { Logger } from 'pino';
import { DEFAULT_FLATTEN_LIMITS } from '@alphapulse/contracts';
import { loadConfigFile } from './config/configFile';
import type { ExporterConfig } from './config/config';
import { buildServiceMetrics } from './collectors/serviceMetrics';
import { KpiCollector } from './kpi/kpiCollector';
import { SELF_METRICS } from './metrics/catalogue';
import { MetricSet } from './metrics/model';
import { scrapeTargets, type InstanceResult } from './scrape/scrapeTargets';
import { RuntimeMetrics, addSelfMetrics } from './self/selfMetrics';

export interface ExporterOptions {
  config: ExporterConfig;
  /** File that reload() reads again; without one, reload() re-reads ALPHAPULSE_EXPORTER_CONFIG or the default. */
  configPath?: string;
  /** Wins over kpi.database_url and DATABASE_URL. */
  databaseUrl?: string;
  logger: Logger;
  env?: Record<string, string | undefined>;
}

export interface CollectOptions {
  budgetSeconds: number;
  signal?: AbortSignal;
}

export class Exporter {
  private current: ExporterConfig;
  private kpi: KpiCollector | undefined;
  private kpiKey = '';
  private readonly runtime = new RuntimeMetrics();
  private lastReloadSuccessful = true;
  private lastReloadSeconds = Date.now() / 1000;
  /** Per instance, the drift last logged: logged when it changes, not at every scrape. */
  private readonly driftLogged = new Map<string, string>();

  constructor(private readonly options: ExporterOptions) {
    this.current = options.config;
    this.applyKpiConfig();
  }

  get config(): ExporterConfig {
    return this.current;
  }

  /** Re-reads the config; a rejected config keeps the running one and is reported in the exporter's metrics. */
  async reload(): Promise<ExporterConfig> {
    this.lastReloadSeconds = Date.now() / 1000;
    try {
      const next = await loadConfigFile(this.options.configPath, this.options.env ?? process.env);
      this.current = next;
      this.lastReloadSuccessful = true;
      this.applyKpiConfig();
      this.options.logger.info({ targets: next.targets.length }, 'config reloaded');
      return next;
    } catch (err) {
      this.lastReloadSuccessful = false;
      this.options.logger.error({ err: (err as Error).message }, 'config reload rejected, keeping the running config');
      throw err;
    }
  }

  /** Builds this scrape's metrics from scratch: nothing is kept from earlier scrapes except the KPI cache. */
  async collect({ budgetSeconds, signal }: CollectOptions): Promise<MetricSet> {
    const started = performance.now();
    const config = this.current;
    const budgetMs = budgetSeconds * 1000;
    const kpiSet = new MetricSet();
    const [results] = await Promise.all([
      scrapeTargets(config.targets, {
        budgetMs,
        maxBytes: config.scrape.max_body_bytes,
        signal,
        flatten: { ...DEFAULT_FLATTEN_LIMITS, maxDepth: config.scrape.performance_metrics_max_depth, maxNameLength: config.scrape.max_label_value_length },
      }),
      this.kpi?.collect(kpiSet, budgetMs),
    ]);
    this.logDrift(results);
    const set = buildServiceMetrics(results, {
      maxPerformanceMetrics: config.scrape.max_performance_metrics_per_instance,
      labelLimits: {
        maxPerLabel: config.scrape.max_label_values_per_label,
        maxPerTarget: config.scrape.max_label_values_per_target,
        maxLength: config.scrape.max_label_value_length,
      },
    });
    set.merge(kpiSet);
    addSelfMetrics(set, { targets: config.targets.length, lastReloadSuccessful: this.lastReloadSuccessful, lastReloadSeconds: this.lastReloadSeconds });
    set.add(SELF_METRICS.scrapeBudget, {}, budgetSeconds);
    set.add(SELF_METRICS.collectionDuration, {}, (performance.now() - started) / 1000);
    await this.runtime.addTo(set);
    return set;
  }

  /** Which fields an instance's payloads lost, with their paths: what a service's developers need to fix or map. */
  private logDrift(results: readonly InstanceResult[]): void {
    for (const { target, fieldIssues } of results) {
      const key = `${target.service}\u0000${target.instance}`;
      const dropped = Object.entries(fieldIssues ?? {}).filter(([, issues]) => issues && issues.total > 0);
      const signature = JSON.stringify(dropped.map(([endpoint, issues]) => [endpoint, issues!.counts]));
      if (dropped.length === 0) {
        if (this.driftLogged.delete(key)) this.options.logger.info({ service: target.service, instance: target.instance }, 'payload fields no longer dropped');
        continue;
      }
      if (this.driftLogged.get(key) === signature) continue;
      this.driftLogged.set(key, signature);
      const fields = Object.fromEntries(dropped.map(([endpoint, issues]) => [endpoint, { counts: issues!.counts, examples: issues!.examples }]));
      this.options.logger.warn({ service: target.service, instance: target.instance, fields }, 'payload fields dropped (see docs/contract.md)');
    }
  }

  async close(): Promise<void> {
    await this.kpi?.close();
    this.kpi = undefined;
  }

  private databaseUrl(): string | undefined {
    return this.options.databaseUrl ?? this.current.kpi.database_url;
  }

  /** (Re)creates the KPI collector only when its settings or database changed, so its cache survives reloads. */
  private applyKpiConfig(): void {
    const url = this.current.kpi.enabled ? this.databaseUrl() : undefined;
    const key = url ? JSON.stringify([url, this.current.kpi]) : '';
    if (key === this.kpiKey) return;
    const previous = this.kpi;
    this.kpi = url ? new KpiCollector({ databaseUrl: url, settings: this.current.kpi, logger: this.options.logger }) : undefined;
    this.kpiKey = key;
    void previous?.close().catch(() => undefined);
  }
}
