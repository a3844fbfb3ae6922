// Starts the exporter's HTTP(S) server: what `npm start` and the CLI call.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { loadConfigFile } from './config/configFile';
import type { ExporterConfig } from './config/config';
import { Exporter } from './exporter';
import { createExporterApp, type ExtraRouter } from './http/app';

export interface StartExporterOptions {
  /** Already parsed config; without it the file at `configPath` (or ALPHAPULSE_EXPORTER_CONFIG, or the default). */
  config?: ExporterConfig;
  configPath?: string;
  /** Database of the business KPIs; wins over kpi.database_url and DATABASE_URL. */
  databaseUrl?: string;
  logger?: Logger;
  /** Override config server.port / server.host (port 0 picks a free port). */
  port?: number;
  host?: string;
  extraRouters?: readonly ExtraRouter[];
  /** Reload the config on SIGHUP (default true). */
  reloadOnSighup?: boolean;
  env?: Record<string, string | undefined>;
}

export interface RunningExporter {
  /** Base URL, e.g. http://127.0.0.1:9464 (https when TLS is configured). */
  url: string;
  exporter: Exporter;
  stop(): Promise<void>;
}

export async function startExporter(options: StartExporterOptions = {}): Promise<RunningExporter> {
  const logger = options.logger ?? pino({ name: 'exporter' });
  const env = options.env ?? process.env;
  const config = options.config ?? (await loadConfigFile(options.configPath, env));
  const exporter = new Exporter({ config, configPath: options.configPath, databaseUrl: options.databaseUrl, logger, env });
  let listening = false;
  const app = createExporterApp({ exporter, logger, extraRouters: options.extraRouters, isReady: () => listening });

  const tls = config.server.tls;
  const server = tls
    ? https.createServer({ cert: await readFile(tls.cert_file), key: await readFile(tls.key_file) }, app)
    : http.createServer(app);
  // Grafana's data proxy keeps idle connections for 90 s; closing ours sooner resets reused sockets mid-POST.
  server.keepAliveTimeout = 95_000;
  server.headersTimeout = 100_000;
  const host = options.host ?? config.server.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.server.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  listening = true;
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const onSighup = () => void exporter.reload().catch(() => undefined);
  if (options.reloadOnSighup ?? true) process.on('SIGHUP', onSighup);
  logger.info({ url, targets: config.targets.length, kpi: Boolean(options.databaseUrl ?? config.kpi.database_url) && config.kpi.enabled }, 'exporter listening');

  return {
    url,
    exporter,
    async stop() {
      listening = false;
      process.off('SIGHUP', onSighup);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await exporter.close();
    },
  };
}
