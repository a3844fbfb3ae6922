// How long one scrape may spend collecting: Prometheus' scrape timeout minus an offset for rendering and sending.

export const SCRAPE_TIMEOUT_HEADER = 'x-prometheus-scrape-timeout-seconds';

export interface BudgetSettings {
  default_budget_seconds: number;
  timeout_offset_seconds: number;
}

/**
 * No scrape waits longer than this, whatever the header says: past 2^31−1 ms setTimeout fires at once (every
 * target would time out at 1 ms), and no Prometheus scrape timeout is anywhere near five minutes.
 */
export const MAX_BUDGET_SECONDS = 300;

export function scrapeBudgetSeconds(header: string | undefined, settings: BudgetSettings): number {
  const timeout = header === undefined ? NaN : Number(header);
  if (!Number.isFinite(timeout) || timeout <= 0) return settings.default_budget_seconds;
  // A tiny scrape timeout must not leave a zero or negative budget: keep at least half of it.
  return Math.min(Math.max(timeout - settings.timeout_offset_seconds, timeout / 2), MAX_BUDGET_SECONDS);
}
