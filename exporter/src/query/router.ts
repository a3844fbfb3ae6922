// The query API as an express Router, mounted by the exporter app at /api/v1.
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Pool, PoolClient } from 'pg';
import { requireBearerToken } from './auth';
import { type ReadOnlyDatabase, createReadOnlyDatabase } from './database';
import { ApiError, toApiError } from './errors';
import type { FrameDTO } from './frames';
import { type QueryContext, runQuery } from './handlers';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import { SEARCH_KINDS, type SearchKind, describeIssues, queryModelSchema, queryRequestSchema, searchParamsSchema } from './model';
import { TokenBuckets, rateLimit } from './rateLimit';
import { buildSearchSql } from './sql/search';

/** pino-compatible subset. */
export interface QueryLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface QueryRouterOptions {
  /** Either a pool (shared, not closed by us) or a URL (our own pool, closed by close()). */
  pool?: Pool;
  databaseUrl?: string;
  token: string;
  logger?: QueryLogger;
  limits?: Partial<QueryLimits>;
  /** Test seam, see database.ts. */
  beforeQuery?: (client: PoolClient) => Promise<void>;
}

export interface QueryResult {
  frames: FrameDTO[];
  status: number;
  error?: string;
}

export type QueryRouter = Router & { close(): Promise<void>; database: ReadOnlyDatabase };

const silent: QueryLogger = { info() {}, warn() {}, error() {} };

export function createQueryRouter(options: QueryRouterOptions): QueryRouter {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? silent;
  if (!options.pool && !options.databaseUrl) throw new Error('createQueryRouter needs a pool or a databaseUrl');
  const db = createReadOnlyDatabase({
    pool: options.pool,
    databaseUrl: options.databaseUrl,
    statementTimeoutMs: limits.statementTimeoutMs,
    workMemMb: limits.workMemMb,
    beforeQuery: options.beforeQuery,
  });
  const requestSchema = queryRequestSchema(limits);
  const modelSchema = queryModelSchema(limits);
  const router = express.Router() as QueryRouter;

  router.use(rateLimit(new TokenBuckets(limits.ratePerSecond, limits.rateBurst)));

  router.get('/health', async (_req, res) => {
    try {
      const info = await db.info(true);
      res.json({
        status: info.schemaVersion ? 'ok' : 'degraded',
        database: { reachable: true, version: info.version },
        timescaledb: { installed: info.timescaledb, version: info.timescaledbVersion },
        schemaVersion: info.schemaVersion,
      });
    } catch (error) {
      logger.warn({ err: describe(error) }, 'query API health check: database unreachable');
      res.status(503).json({
        status: 'down',
        database: { reachable: false, version: null },
        timescaledb: { installed: null, version: null },
        schemaVersion: null,
        error: toApiError(error, limits.statementTimeoutMs).message,
      });
    }
  });

  router.use(requireBearerToken(options.token));
  router.use(express.json({ limit: limits.maxBodyBytes, strict: true }));

  router.post('/query', async (req, res) => {
    const parsed = requestSchema.safeParse(req.body);
    if (!parsed.success) throw new ApiError(400, 'Invalid query request', describeIssues(parsed.error));
    const request = parsed.data;
    const info = await db.info();
    // Grafana aborts superseded requests (dashboard refresh, new range): stop their statements as well.
    const abandoned = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abandoned.abort();
    });
    const read: QueryContext['db']['read'] = (sql) => db.read(sql, abandoned.signal);
    const context: QueryContext = { request, target: { timescaledb: info.timescaledb }, limits, db: { read } };
    const started = Date.now();
    const settled = await Promise.all(
      request.queries.map(async (rawQuery, index): Promise<[string, QueryResult]> => {
        const refId = rawQuery.refId;
        const query = modelSchema.safeParse(rawQuery);
        if (!query.success) {
          const reasons = describeIssues(query.error).map(({ field, reason }) => `queries.${index}.${field}: ${reason}`);
          return [refId, { frames: [], status: 400, error: reasons.join('; ') }];
        }
        try {
          return [refId, { frames: await runQuery(query.data, context), status: 200 }];
        } catch (error) {
          if (abandoned.signal.aborted) return [refId, { frames: [], status: 499, error: 'The client went away; the query was cancelled.' }];
          const answer = toApiError(error, limits.statementTimeoutMs);
          if (answer.status >= 500) logger.error({ err: describe(error), refId, queryType: query.data.queryType }, 'query failed');
          return [refId, { frames: [], status: answer.status, error: answer.message }];
        }
      }),
    );
    const results = Object.fromEntries(settled);
    logger.info({ queries: settled.length, ms: Date.now() - started, cancelled: abandoned.signal.aborted }, 'query batch');
    if (abandoned.signal.aborted) return;
    // All failing the same way (one query timing out, say) answers that status; mixed outcomes answer 200.
    const statuses = new Set(settled.map(([, result]) => result.status));
    res.status(statuses.size === 1 ? [...statuses][0] : 200).json({ results });
  });

  router.get('/search/:kind', async (req, res) => {
    const kind = req.params.kind as SearchKind;
    if (!SEARCH_KINDS.includes(kind)) throw new ApiError(404, `Unknown search: try one of ${SEARCH_KINDS.join(', ')}`);
    const params = searchParamsSchema.safeParse(req.query);
    if (!params.success) throw new ApiError(400, 'Invalid search', describeIssues(params.error));
    const rows = await db.read<{ value: string }>(buildSearchSql(kind, params.data.filter));
    res.json({ values: rows.map((row) => row.value) });
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'No such query API route')));

  const answerErrors: ErrorRequestHandler = (error, _req, res, _next) => {
    const answer = bodyParserError(error) ?? toApiError(error, limits.statementTimeoutMs);
    if (answer.status >= 500) logger.error({ err: describe(error) }, 'query API error');
    res.status(answer.status).json({ error: answer.message, ...(answer.details ? { details: answer.details } : {}) });
  };
  router.use(answerErrors);

  router.close = () => db.close();
  router.database = db;
  return router;
}

/** express.json's errors carry a status and a type; map them to plain messages. */
function bodyParserError(error: { type?: string; status?: number }): ApiError | null {
  if (error?.type === 'entity.too.large') return new ApiError(413, 'The request body is larger than allowed.');
  if (error?.type === 'entity.parse.failed') return new ApiError(400, 'The request body is not valid JSON.');
  if (error?.type && error.status && error.status < 500) return new ApiError(error.status, 'The request body could not be read.');
  return null;
}

/** Logged server-side only: message and code, never returned to the client. */
function describe(error: unknown): { message: string; code?: string } {
  const { message, code } = (error ?? {}) as { message?: string; code?: string };
  return { message: String(message ?? error), ...(code ? { code } : {}) };
}
