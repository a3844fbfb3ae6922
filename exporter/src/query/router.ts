// The query API as an express Router, mounted by the exporter app at /api/v1.
import { setMaxListeners } from 'node:events';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Pool, PoolClient } from 'pg';
import { countPoints, byteLength, serialiseFrames } from './answer';
import { bearerToken, requireBearerToken, tokenMatches } from './auth';
import { DatabaseBudget } from './budget';
import { type ReadOnlyDatabase, createReadOnlyDatabase } from './database';
import { ApiError, httpClientError, toApiError } from './errors';
import type { FrameDTO } from './frames';
import { type QueryContext, runQuery } from './handlers';
import { DEFAULT_LIMITS, LIMIT_ENV_NAMES, type QueryLimits } from './limits';
import { SEARCH_KINDS, type SearchKind, describeIssues, queryModelSchema, queryRequestSchema, searchParamsSchema } from './model';
import { TokenBuckets, rateLimit } from './rateLimit';
import { buildSearchSql } from './sql/search';
import { drained } from '../http/drained';

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
    clientTimeoutMs: limits.clientTimeoutMs,
    // Two more than the read budget: health checks and cancel requests never wait behind data reads.
    maxConnections: limits.maxConcurrentReads + 2,
    beforeQuery: options.beforeQuery,
  });
  const requestSchema = queryRequestSchema(limits);
  const modelSchema = queryModelSchema(limits);
  const router = express.Router() as QueryRouter;

  const budget = new DatabaseBudget({
    slots: limits.maxConcurrentReads,
    perRequest: limits.maxConcurrentReadsPerRequest,
    maxQueued: limits.maxQueuedReads,
    queueTimeoutMs: limits.queueTimeoutMs,
  });
  const hasValidToken = (req: express.Request) => {
    const given = bearerToken(req.headers.authorization);
    return given !== null && tokenMatches(given, options.token);
  };

  router.use(rateLimit(new TokenBuckets(limits.ratePerSecond, limits.rateBurst), hasValidToken));

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
      const answer = toApiError(error, limits.statementTimeoutMs);
      res.status(answer.status >= 500 ? 503 : answer.status).json({
        status: 'down',
        database: { reachable: false, version: null },
        timescaledb: { installed: null, version: null },
        schemaVersion: null,
        error: answer.status >= 500 ? answer.message : 'The database is unreachable.',
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
    // Every read of the batch listens on it (up to maxQueriesPerRequest): not a leak.
    setMaxListeners(0, abandoned.signal);
    res.on('close', () => {
      if (!res.writableFinished) abandoned.abort();
    });
    // This request's share of the database: its reads take turns with other requests' reads.
    const session = budget.session();
    const read: QueryContext['db']['read'] = (sql) => session.run(() => db.read(sql, abandoned.signal));
    const context: QueryContext = { request, target: { timescaledb: info.timescaledb }, limits, db: { read } };
    const started = Date.now();
    let answerPoints = 0;
    let answerBytes = 0;
    const settled = await Promise.all(
      request.queries.map(async (rawQuery, index): Promise<[string, SettledQuery]> => {
        const refId = rawQuery.refId;
        const query = modelSchema.safeParse(rawQuery);
        if (!query.success) {
          const reasons = describeIssues(query.error).map(({ field, reason }) => `queries.${index}.${field}: ${reason}`);
          return [refId, failed(400, reasons.join('; '))];
        }
        try {
          const frames = await runQuery(query.data, context);
          const points = countPoints(frames);
          if (points > limits.maxPointsPerQuery) {
            return [refId, failed(422, `Query ${refId} returned ${points.toLocaleString('en')} values, more than the ${limits.maxPointsPerQuery.toLocaleString('en')} allowed per query (${LIMIT_ENV_NAMES.maxPointsPerQuery}); narrow the time range or the selection, or lower Max data points.`)];
          }
          if (answerPoints + points > limits.maxPointsPerResponse) {
            return [refId, failed(422, `Query ${refId} would take this answer past the ${limits.maxPointsPerResponse.toLocaleString('en')} values allowed per request (${LIMIT_ENV_NAMES.maxPointsPerResponse}); spread these queries over several panels or narrow them.`)];
          }
          answerPoints += points;
          const pieces = await serialiseFrames(frames, () => abandoned.signal.aborted);
          const bytes = byteLength(pieces);
          if (answerBytes + bytes > limits.maxResponseBytes) {
            answerPoints -= points;
            return [refId, failed(422, `Query ${refId} would take this answer past the ${limits.maxResponseBytes.toLocaleString('en')} bytes allowed per request (${LIMIT_ENV_NAMES.maxResponseBytes}); spread these queries over several panels or narrow them.`)];
          }
          answerBytes += bytes;
          return [refId, { status: 200, pieces }];
        } catch (error) {
          if (abandoned.signal.aborted) return [refId, failed(499, 'The client went away; the query was cancelled.')];
          const answer = toApiError(error, limits.statementTimeoutMs);
          if (answer.status >= 500) logger.error({ err: describe(error), refId, queryType: query.data.queryType }, 'query failed');
          return [refId, failed(answer.status, answer.message, answer.retryAfterSeconds)];
        }
      }),
    );
    // Later duplicates of a refId win, in the first one's place (as Object.fromEntries did).
    const results = new Map(settled);
    logger.info({ queries: settled.length, ms: Date.now() - started, points: answerPoints, bytes: answerBytes, cancelled: abandoned.signal.aborted }, 'query batch');
    if (abandoned.signal.aborted) return;
    // All failing the same way (one query timing out, say) answers that status; mixed outcomes answer 200.
    const statuses = new Set([...results.values()].map((result) => result.status));
    const status = statuses.size === 1 ? [...statuses][0] : 200;
    const retryAfter = Math.max(0, ...[...results.values()].map((result) => result.retryAfterSeconds ?? 0));
    if (status >= 500 && retryAfter > 0) res.setHeader('Retry-After', String(retryAfter));
    res.status(status).type('application/json');
    await writeAnswer(res, results);
  });

  router.get('/search/:kind', async (req, res) => {
    const kind = req.params.kind as SearchKind;
    if (!SEARCH_KINDS.includes(kind)) throw new ApiError(404, `Unknown search: try one of ${SEARCH_KINDS.join(', ')}`);
    const params = searchParamsSchema.safeParse(req.query);
    if (!params.success) throw new ApiError(400, 'Invalid search', describeIssues(params.error));
    const rows = await budget.session().run(() => db.read<{ value: string }>(buildSearchSql(kind, params.data.filter)));
    res.json({ values: rows.map((row) => row.value) });
  });

  router.use((_req, _res, next) => next(new ApiError(404, 'No such query API route')));

  const answerErrors: ErrorRequestHandler = (error, _req, res, _next) => {
    const answer = httpClientError(error) ?? toApiError(error, limits.statementTimeoutMs);
    if (answer.status >= 500) logger.error({ err: describe(error) }, 'query API error');
    if (res.headersSent) return void res.destroy();
    if (answer.retryAfterSeconds) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
    res.status(answer.status).json({ error: answer.message, ...(answer.details ? { details: answer.details } : {}) });
  };
  router.use(answerErrors);

  router.close = () => db.close();
  router.database = db;
  return router;
}

interface SettledQuery {
  status: number;
  /** The frames as JSON pieces (answer.ts); absent when the query failed. */
  pieces?: string[];
  error?: string;
  retryAfterSeconds?: number;
}

function failed(status: number, error: string, retryAfterSeconds?: number): SettledQuery {
  return { status, error, retryAfterSeconds };
}

/** Writes {"results":{refId:{frames,status,error?}}} piece by piece, with back-pressure; the same JSON as before. */
async function writeAnswer(res: express.Response, results: Map<string, SettledQuery>): Promise<void> {
  let buffered = '{"results":{';
  let first = true;
  const flush = async (force: boolean) => {
    if (!force && buffered.length < 65_536) return;
    if (res.destroyed) return;
    const chunk = buffered;
    buffered = '';
    if (!res.write(chunk)) await drained(res);
  };
  for (const [refId, result] of results) {
    buffered += `${first ? '' : ','}${JSON.stringify(refId)}:{"frames":`;
    first = false;
    if (result.pieces) {
      for (const piece of result.pieces) {
        buffered += piece;
        await flush(false);
      }
    } else buffered += '[]';
    buffered += `,"status":${result.status}${result.error !== undefined ? `,"error":${JSON.stringify(result.error)}` : ''}}`;
  }
  buffered += '}}';
  await flush(true);
  if (!res.destroyed) res.end();
}

/** Logged server-side only: message and code, never returned to the client. */
function describe(error: unknown): { message: string; code?: string } {
  const { message, code } = (error ?? {}) as { message?: string; code?: string };
  return { message: String(message ?? error), ...(code ? { code } : {}) };
}
