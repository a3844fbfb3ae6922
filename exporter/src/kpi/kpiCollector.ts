// Business KPIs from TimescaleDB/PostgreSQL, sql_exporter-like: every query under a statement timeout, results
// cached for a minimum interval, one refresh at a time however many scrapes ask, and a scrape never waits for
// the database longer than its budget (it then gets the previous results). A database that goes away and comes
// back needs no restart: the pool opens new connections on the next refresh.
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { KPI_METRICS as M } from '../metrics/catalogue';
import { MetricSet } from '../metrics/model';
import type { KpiQuery, KpiSettings, Row } from './kpiQuery';
import { KPI_QUERIES } from './queries';

export interface KpiCollectorOptions {
  databaseUrl: string;
  settings: KpiSettings & { min_interval_seconds: number; statement_timeout_ms: number };
  logger: Logger;
  queries?: readonly KpiQuery[];
}

interface QueryRun {
  query: KpiQuery;
  rows: Row[];
  ok: boolean;
  durationSeconds: number;
  finishedAtSeconds: number;
}

interface Refresh {
  databaseUp: boolean;
  runs: QueryRun[];
  finishedAtMs: number;
}

export class KpiCollector {
  private readonly pool: Pool;
  private readonly queries: readonly KpiQuery[];
  private latest: Refresh | undefined;
  private inflight: Promise<Refresh> | undefined;
  private closed = false;

  constructor(private readonly options: KpiCollectorOptions) {
    const timeout = options.settings.statement_timeout_ms;
    this.queries = options.queries ?? KPI_QUERIES;
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      max: 3,
      connectionTimeoutMillis: timeout,
      // Server-side bound for every query, plus a client-side one for a server that stops answering at all.
      statement_timeout: timeout,
      query_timeout: timeout + 1000,
      idleTimeoutMillis: 30_000,
      application_name: 'alphapulse-exporter',
    });
    // Without a listener, an idle connection dropped by a restarting database would crash the process.
    this.pool.on('error', (err) => options.logger.warn({ err: err.message }, 'KPI database connection lost'));
  }

  /** Adds the KPI samples to `set`, refreshing first when the cache is older than the minimum interval. */
  async collect(set: MetricSet, budgetMs: number): Promise<void> {
    const fresh = this.latest && Date.now() - this.latest.finishedAtMs < this.options.settings.min_interval_seconds * 1000;
    if (!fresh) {
      const refresh = this.refresh();
      let timer: NodeJS.Timeout | undefined;
      const outOfBudget = new Promise<void>((resolve) => (timer = setTimeout(() => resolve(), budgetMs)));
      await Promise.race([refresh, outOfBudget]);
      clearTimeout(timer);
    }
    this.render(set);
  }

  private render(set: MetricSet): void {
    const latest = this.latest;
    set.add(M.windowSeconds, {}, this.options.settings.window_seconds);
    if (!latest) {
      set.add(M.databaseUp, {}, 0);
      return;
    }
    set.add(M.databaseUp, {}, latest.databaseUp ? 1 : 0);
    const nowSeconds = Date.now() / 1000;
    for (const run of latest.runs) {
      const query = { query: run.query.name };
      set.add(M.queryUp, query, run.ok ? 1 : 0);
      set.add(M.queryDuration, query, run.durationSeconds);
      set.add(M.queryLastRun, query, run.finishedAtSeconds);
    }
    // KPI families after the bookkeeping ones, each query's samples from its cached rows.
    for (const run of latest.runs) if (run.ok) run.query.toSamples(run.rows, set, nowSeconds);
  }

  /** One refresh at a time: concurrent scrapes share it. */
  refresh(): Promise<Refresh> {
    if (!this.inflight) {
      this.inflight = this.runQueries()
        .then((refresh) => {
          if (!this.closed) this.latest = refresh;
          return refresh;
        })
        .finally(() => (this.inflight = undefined));
    }
    return this.inflight;
  }

  private async runQueries(): Promise<Refresh> {
    try {
      await this.pool.query('SELECT 1');
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'KPI database unreachable');
      return { databaseUp: false, runs: [], finishedAtMs: Date.now() };
    }
    const runs = await Promise.all(this.queries.map((query) => this.runQuery(query)));
    return { databaseUp: true, runs, finishedAtMs: Date.now() };
  }

  private async runQuery(query: KpiQuery): Promise<QueryRun> {
    const started = performance.now();
    let rows: Row[] = [];
    let ok = true;
    try {
      rows = (await this.pool.query(query.sql, query.params(this.options.settings))).rows;
    } catch (err) {
      ok = false;
      this.options.logger.warn({ query: query.name, err: (err as Error).message }, 'KPI query failed');
    }
    return { query, rows, ok, durationSeconds: (performance.now() - started) / 1000, finishedAtSeconds: Date.now() / 1000 };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inflight?.catch(() => undefined);
    await this.pool.end();
  }
}
