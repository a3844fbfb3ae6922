// The exporter's HTTP app (express 5): /metrics, /-/healthy, /-/ready, /-/reload, plus any routers mounted by
// other parts of the service (the query API mounts its own with `extraRouters`).
import { setMaxListeners } from 'node:events';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { Exporter } from '../exporter';
import { renderChunks } from '../render/renderer';
import { CONTENT_TYPES, negotiateFormat } from '../render/textFormat';
import { SCRAPE_TIMEOUT_HEADER, scrapeBudgetSeconds } from '../scrape/budget';
import { requireAuth } from './auth';
import { drained } from './drained';

/** A router mounted at the root, or under `path`. */
export type ExtraRouter = Router | { path: string; router: Router };

export interface ExporterAppOptions {
  exporter: Exporter;
  logger: Logger;
  /** Mounted after the exporter's own routes, e.g. `[{ path: '/api', router: queryRouter }]`. */
  extraRouters?: readonly ExtraRouter[];
  /** /-/ready answers 503 until this returns true (default: always ready). */
  isReady?: () => boolean;
}

export function createExporterApp({ exporter, logger, extraRouters = [], isReady = () => true }: ExporterAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/metrics', requireAuth(() => exporter.config.server.auth), async (req, res) => {
    const budgetSeconds = scrapeBudgetSeconds(req.get(SCRAPE_TIMEOUT_HEADER), exporter.config.scrape);
    // A scraper that gives up (closes the connection) aborts the fetches it was waiting for.
    const abandoned = new AbortController();
    // Every target's fetch listens on this one signal.
    setMaxListeners(0, abandoned.signal);
    res.on('close', () => abandoned.abort());
    const set = await exporter.collect({ budgetSeconds, signal: abandoned.signal });
    const format = negotiateFormat(req.get('accept'));
    res.status(200).set('Content-Type', CONTENT_TYPES[format]);
    for await (const chunk of renderChunks(set.toFamilies(), { format })) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
  });

  app.get('/-/healthy', (_req, res) => {
    res.type('text/plain').send('Exporter is Healthy.\n');
  });

  app.get('/-/ready', (_req, res) => {
    if (isReady()) res.type('text/plain').send('Exporter is Ready.\n');
    else res.status(503).type('text/plain').send('Exporter is not ready.\n');
  });

  const reload: express.RequestHandler = async (_req, res) => {
    try {
      const config = await exporter.reload();
      res.type('text/plain').send(`Config reloaded: ${config.targets.length} targets.\n`);
    } catch (err) {
      res.status(400).type('text/plain').send(`Config rejected, still running the previous one: ${(err as Error).message}\n`);
    }
  };
  // Protected like /metrics: reloading is an operator action.
  app.post('/-/reload', requireAuth(() => exporter.config.server.auth), reload);
  app.put('/-/reload', requireAuth(() => exporter.config.server.auth), reload);

  for (const extra of extraRouters) {
    if (typeof extra === 'function') app.use(extra);
    else app.use(extra.path, extra.router);
  }

  app.use(((err, _req, res, _next) => {
    // A 4xx from express itself (malformed percent-encoding in a path, say) is the client's fault: say so.
    const status = Number((err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode);
    if (status >= 400 && status < 500) {
      if (!res.headersSent) res.status(status).type('text/plain').send(status === 404 ? 'Not found\n' : 'Bad request\n');
      else res.destroy();
      return;
    }
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'request failed');
    if (!res.headersSent) res.status(500).type('text/plain').send('Internal error\n');
    else res.destroy();
  }) as express.ErrorRequestHandler);

  return app;
}
