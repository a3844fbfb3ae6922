// `npm start`: the whole AlphaPulse Observability stack on this machine, no Docker needed.
// Order: emulator (seconds) → database + migrations → exporter and query API → backfill → live writer →
// Prometheus (when on PATH). Ctrl-C stops everything in reverse order.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_HOST, DEFAULT_PORTS } from '@alphapulse/contracts';
import { startExporter } from '../exporter/src/startExporter';
import { createQueryRouter, limitsFromEnv } from '../exporter/src/query';
import { startEmbeddedPostgres } from '../simulator/src/db/embeddedPostgres';
import { migrate } from '../simulator/src/db/migrate';
import { startEmulator } from '../simulator/src/emulator';
import { createDataWriter, DEFAULT_BACKFILL_DAYS } from '../simulator/src/writer/dataWriter';
import { onPath, startChild, waitForHttp } from './childProcess';
import { persistentSecret } from './localSecrets';
import { createLogger } from './logger';
import { ensureReaderLogin } from './readerLogin';

const REPO_ROOT = resolve(__dirname, '..');
const DATA_DIR = join(REPO_ROOT, '.data');

type Stop = { name: string; stop: () => Promise<void> };

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

async function main() {
  const log = createLogger();
  const running: Stop[] = [];
  const where: { component: string; address: string }[] = [];
  let shuttingDown = false;

  const shutdown = async (reason: string, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ reason }, 'stopping');
    for (const part of running.reverse()) {
      try {
        await part.stop();
        log.info(`stopped ${part.name}`);
      } catch (err) {
        log.warn({ err }, `could not stop ${part.name} cleanly`);
      }
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => {
    if (shuttingDown) process.exit(130); // a second Ctrl-C does not wait
    void shutdown('SIGINT');
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const seed = numberFromEnv('ALPHAPULSE_SEED', 42);
    const emulator = await startEmulator({ seed, logger: log.child({ component: 'emulator' }) });
    running.push({ name: 'emulator', stop: () => emulator.stop() });
    where.push({ component: 'emulator control API (faults)', address: `${emulator.controlUrl}/faults` });
    where.push({ component: `${emulator.services.length} emulated services`, address: `${emulator.services[0].url} … ${emulator.services.at(-1)!.url}` });

    let databaseUrl = process.env.DATABASE_URL;
    let queryDatabaseUrl = process.env.ALPHAPULSE_QUERY_DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ logger: log });
      running.push({ name: 'embedded PostgreSQL', stop: () => embedded.stop() });
      databaseUrl = embedded.databaseUrl;
      where.push({ component: 'PostgreSQL (embedded)', address: `127.0.0.1:${embedded.port}, data in ${embedded.dataDir}` });
    } else {
      where.push({ component: 'PostgreSQL (DATABASE_URL)', address: new URL(databaseUrl).host });
    }

    const migrated = await migrate(databaseUrl, log);
    log.info({ applied: migrated.applied, timescaledb: migrated.capabilities.timescaledb }, 'database schema is current');
    if (!queryDatabaseUrl) {
      // Reads go through a login role that can only SELECT; made up locally when nothing is configured.
      const password = persistentSecret(join(DATA_DIR, 'query-db-password')).value;
      queryDatabaseUrl = await ensureReaderLogin(databaseUrl, password);
    }

    const apiToken = process.env.ALPHAPULSE_API_TOKEN?.trim() || persistentSecret(join(DATA_DIR, 'api-token')).value;
    const queryRouter = createQueryRouter({ databaseUrl: queryDatabaseUrl, token: apiToken, logger: log.child({ component: 'query-api' }), limits: limitsFromEnv(process.env) });
    const exporter = await startExporter({
      databaseUrl: queryDatabaseUrl,
      logger: log.child({ component: 'exporter' }),
      extraRouters: [{ path: '/api/v1', router: queryRouter }],
    });
    running.push({ name: 'exporter', stop: async () => { await exporter.stop(); await queryRouter.close(); } });
    where.push({ component: 'exporter metrics', address: `${exporter.url}/metrics` });
    where.push({ component: 'query API (Bearer token below)', address: `${exporter.url}/api/v1` });

    const writer = createDataWriter({ databaseUrl, logger: log, symbols: numberFromEnv('ALPHAPULSE_SYMBOLS', 20) });
    running.push({ name: 'data writer', stop: () => writer.stop() });
    let lastReported = -1;
    const backfill = await writer.backfill({
      days: numberFromEnv('ALPHAPULSE_BACKFILL_DAYS', DEFAULT_BACKFILL_DAYS),
      onProgress: (progress) => {
        const tenth = Math.floor(progress.fraction * 10);
        if (tenth === lastReported) return;
        lastReported = tenth;
        log.info(
          { rows: progress.rowsWritten, rowsPerSecond: Math.round(progress.rowsPerSecond) },
          `backfill ${Math.round(progress.fraction * 100)}%`,
        );
      },
    });
    log.info({ status: backfill.status, rows: backfill.rowsWritten, seconds: Number(backfill.seconds.toFixed(1)) }, 'backfill done');
    await writer.startLive({ tickMs: numberFromEnv('ALPHAPULSE_TICK_MS', 1000) });

    const prometheusConfig = join(REPO_ROOT, 'provisioning', 'prometheus', 'prometheus.yml');
    if (onPath('prometheus') && existsSync(prometheusConfig)) {
      const prometheusDir = join(DATA_DIR, 'prometheus');
      mkdirSync(prometheusDir, { recursive: true });
      const address = `${DEFAULT_HOST}:${numberFromEnv('ALPHAPULSE_PROMETHEUS_PORT', DEFAULT_PORTS.prometheus)}`;
      const prometheus = startChild(
        'prometheus',
        'prometheus',
        [
          `--config.file=${prometheusConfig}`,
          `--storage.tsdb.path=${prometheusDir}`,
          `--web.listen-address=${address}`,
          '--web.enable-lifecycle',
        ],
        log,
      );
      running.push({ name: 'prometheus', stop: () => prometheus.stop() });
      const up = await waitForHttp(`http://${address}/-/ready`, 15_000);
      const state = up ? '' : prometheus.exited() ? ' (failed to start: see the log)' : ' (not ready yet)';
      where.push({ component: `Prometheus${state}`, address: `http://${address}` });
    } else {
      where.push({ component: 'Prometheus', address: 'not started: no prometheus binary on PATH (apt-get install prometheus)' });
    }
    where.push({ component: 'Grafana', address: 'not started here: use docker compose up (see docs/operations.md)' });

    const width = Math.max(...where.map((row) => row.component.length));
    const lines = where.map((row) => `  ${row.component.padEnd(width)}  ${row.address}`);
    process.stdout.write(
      `\nAlphaPulse Observability is running:\n${lines.join('\n')}\n\n  API token (Authorization: Bearer …): ${apiToken}\n` +
        `  ${process.env.ALPHAPULSE_API_TOKEN ? 'from ALPHAPULSE_API_TOKEN' : 'made up locally, kept in .data/api-token; set ALPHAPULSE_API_TOKEN to choose one'}\n\nCtrl-C stops everything.\n\n`,
    );
  } catch (err) {
    log.error({ err }, 'start failed');
    await shutdown('start failed', 1);
  }
}

void main();
