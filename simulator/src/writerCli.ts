// The data writer on its own, for docker compose (the emulator image) or any database: migrate, backfill, then
// write live rows until SIGTERM/SIGINT. `npm start` runs the same steps in-process; this is them without the rest.
// Settings: DATABASE_URL (required), ALPHAPULSE_SEED (42), ALPHAPULSE_SYMBOLS (20), ALPHAPULSE_BACKFILL_DAYS (30),
// ALPHAPULSE_TICK_MS (1000), ALPHAPULSE_RETENTION_DAYS (unset: keep all), LOG_LEVEL.
import { Client } from 'pg';
import pino from 'pino';
import { migrate } from './db/migrate';
import { refreshContinuousAggregates } from './db/timescaleFeatures';
import { createDataWriter, DEFAULT_BACKFILL_DAYS } from './writer/dataWriter';

export interface WriterCliSettings {
  databaseUrl: string;
  seed: number;
  symbols: number;
  backfillDays: number;
  tickMs: number;
}

/** Read once at the entry point; a bad value is an error that names the variable. */
export function writerSettingsFromEnv(env: NodeJS.ProcessEnv): WriterCliSettings {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (!databaseUrl) throw new Error('DATABASE_URL is required: the PostgreSQL or TimescaleDB to write to');
  const number = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return value;
  };
  return {
    databaseUrl,
    seed: number('ALPHAPULSE_SEED', 42, 0),
    symbols: number('ALPHAPULSE_SYMBOLS', 20, 1),
    backfillDays: number('ALPHAPULSE_BACKFILL_DAYS', DEFAULT_BACKFILL_DAYS, 0),
    tickMs: number('ALPHAPULSE_TICK_MS', 1000, 10),
  };
}

async function main(): Promise<void> {
  const log = pino({ name: 'writer', level: process.env.LOG_LEVEL ?? 'info' });
  const settings = writerSettingsFromEnv(process.env);
  const migrated = await migrate(settings.databaseUrl, log);
  log.info({ applied: migrated.applied, timescaledb: migrated.capabilities.timescaledb }, 'database schema is current');
  const writer = createDataWriter({ databaseUrl: settings.databaseUrl, logger: log, seed: settings.seed, symbols: settings.symbols });
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) process.exit(code || 130); // a second signal does not wait
    stopping = true;
    void writer.stop().then(
      () => process.exit(code),
      () => process.exit(code || 1),
    );
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  const backfill = await writer.backfill({ days: settings.backfillDays });
  log.info({ status: backfill.status, rows: backfill.rowsWritten, seconds: Number(backfill.seconds.toFixed(1)) }, 'backfill done');
  if (backfill.rowsWritten > 0 && migrated.capabilities.timescaledb) {
    const client = new Client({ connectionString: settings.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      log.info({ aggregates: await refreshContinuousAggregates(client) }, 'continuous aggregates refreshed over the backfill');
    } finally {
      await client.end();
    }
  }
  if (stopping) return;
  await writer.startLive({ tickMs: settings.tickMs });
  log.info({ tickMs: settings.tickMs }, 'writing live data');
}

if (require.main === module) {
  main().catch((err) => {
    pino({ name: 'writer' }).fatal({ err }, 'writer failed');
    process.exit(1);
  });
}
