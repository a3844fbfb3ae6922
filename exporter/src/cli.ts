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
    let stopping = false;
    // A second signal does not wait for a stop that hangs (a frozen database); an unhandled error exits non-zero.
    const shutdown = (exitCode: number) => {
      if (stopping) process.exit(exitCode || 130);
      stopping = true;
      void running.stop().then(
        () => process.exit(exitCode),
        () => process.exit(exitCode || 1),
      );
    };
    process.on('SIGINT', () => shutdown(0));
    process.on('SIGTERM', () => shutdown(0));
    process.on('uncaughtException', (err) => {
      logger.fatal({ err }, 'unexpected error; stopping');
      shutdown(1);
    });
    process.on('unhandledRejection', (err) => {
      logger.fatal({ err }, 'unhandled promise rejection; stopping');
      shutdown(1);
    });
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'exporter failed to start');
    process.exit(1);
  }
}

void main();
