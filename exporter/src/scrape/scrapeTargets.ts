// Fetches /health and /stats of every configured instance concurrently, each under its own abort deadline,
// and reads them leniently against the contract. Never throws: every failure becomes a reason in the result, and
// every dropped field a counted issue.
import {
  readHealthRecord,
  readStats,
  type FieldIssues,
  type FlattenLimits,
  type LenientHealthRecord,
  type LenientResult,
  type LenientStats,
  type ServiceKind,
} from '@alphapulse/contracts';
import type { Target } from '../config/config';
import { applyFieldMapping } from '../config/fieldMap';
import { fetchJson, type FailureReason } from './fetchJson';

export type Endpoint = 'health' | 'stats';

export interface EndpointFailure {
  endpoint: Endpoint;
  reason: FailureReason;
  message: string;
}

export interface InstanceResult {
  target: Target;
  health?: LenientHealthRecord;
  stats?: LenientStats<ServiceKind>;
  failures: EndpointFailure[];
  /** Fields dropped from the payloads that were used, per endpoint. */
  fieldIssues?: Partial<Record<Endpoint, FieldIssues>>;
  durationSeconds: number;
}

export interface ScrapeOptions {
  budgetMs: number;
  /** performance.now() by which every instance must be done; set once per scrape so all share one deadline. */
  deadline?: number;
  maxBytes: number;
  /** Aborts every fetch early, e.g. when the scraping client disconnects. */
  signal?: AbortSignal;
  /** How nested performance_metrics are flattened (defaults: the contract's). */
  flatten?: FlattenLimits;
}

async function fetchValidated<T>(
  url: string,
  endpoint: Endpoint,
  read: (payload: unknown) => LenientResult<T>,
  signal: AbortSignal,
  maxBytes: number,
): Promise<{ value: T; issues: FieldIssues } | { failure: EndpointFailure }> {
  const outcome = await fetchJson(url, { signal, maxBytes });
  if (!outcome.ok) return { failure: { endpoint, reason: outcome.reason, message: outcome.message } };
  const checked = read(outcome.value);
  if (!checked.ok) return { failure: { endpoint, reason: 'contract_violation', message: checked.error } };
  return { value: checked.value, issues: checked.issues };
}

export async function scrapeInstance(target: Target, options: ScrapeOptions): Promise<InstanceResult> {
  const started = performance.now();
  const controller = new AbortController();
  const remaining = Math.max(0, (options.deadline ?? started + options.budgetMs) - started);
  const deadline = setTimeout(() => controller.abort(), remaining);
  const abortFromParent = () => controller.abort();
  options.signal?.addEventListener('abort', abortFromParent, { once: true });
  try {
    const [health, stats] = await Promise.all([
      fetchValidated(`${target.url}/health`, 'health', (payload) => readHealthRecord(applyFieldMapping(payload, target.fieldMap?.health), options.flatten), controller.signal, options.maxBytes),
      fetchValidated(`${target.url}/stats`, 'stats', (payload) => readStats(target.kind, applyFieldMapping(payload, target.fieldMap?.stats)), controller.signal, options.maxBytes),
    ]);
    const failures: EndpointFailure[] = [];
    const result: InstanceResult = { target, failures, fieldIssues: {}, durationSeconds: 0 };
    if ('value' in health) {
      result.health = health.value;
      result.fieldIssues!.health = health.issues;
    } else failures.push(health.failure);
    if ('value' in stats) {
      result.stats = stats.value;
      result.fieldIssues!.stats = stats.issues;
    } else failures.push(stats.failure);
    result.durationSeconds = (performance.now() - started) / 1000;
    return result;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', abortFromParent);
  }
}

export function scrapeTargets(targets: readonly Target[], options: ScrapeOptions): Promise<InstanceResult[]> {
  const deadline = options.deadline ?? performance.now() + options.budgetMs;
  return Promise.all(targets.map((target) => scrapeInstance(target, { ...options, deadline })));
}
