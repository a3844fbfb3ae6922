// Runs the exporter on its own: `npm start -w @alphapulse/exporter [-- --config path/to/exporter.yaml]`.
import pino from 'pino';
import { startExporter } from './startExporter';
import { queryApiRouters } from './query/mount';

async function main(): Promise<void> {
  const logger = pino({ name: 'exporter' });
  const configFlag = process.argv.indexOf('--config');
  const configPath = configFlag >= 0 ? process.argv[configFlag + 1] : undefined;
  try {
    // The trading query API for the Grafana datasource, mounted at /api/v1 (exporter/src/query).
    const running = await startExporter({ configPath, logger, extraRouters: queryApiRouters(logger) });
    const shutdown = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'exporter failed to start');
    process.exit(1);
  }
}

void main();
