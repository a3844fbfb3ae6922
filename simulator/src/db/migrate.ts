// Applies simulator/migrations with node-pg-migrate's runner on every start: already-applied migrations are
// skipped, and an advisory lock (wait mode) serialises concurrent starters instead of failing one of them.
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger as PinoLogger } from 'pino';
import * as baseTables from '../../migrations/1764000000000_base-tables';
import * as storageLayout from '../../migrations/1764000000001_storage-layout';
import * as longRangeAggregates from '../../migrations/1764000000002_long-range-aggregates';
import { detectCapabilities, type DetectedCapabilities } from './capabilities';
import { MIGRATIONS_TABLE, SCHEMA } from './schema';
import { applyRetentionPolicy, retentionDaysFromEnv } from './timescaleFeatures';

export const MIGRATIONS_DIR = resolve(__dirname, '../../migrations');

/** Distinct from node-pg-migrate's shared default so other tools migrating the same database never block us. */
export const MIGRATION_LOCK_ID = 4_281_734_501;

// Migration modules are imported statically (not loaded by path through jiti), so they run identically under
// tsx, plain Node and jest. A file in migrations/ that is missing here fails loudly.
const MIGRATION_MODULES: Record<string, { up?: unknown; down?: unknown }> = {
  '1764000000000_base-tables': baseTables,
  '1764000000001_storage-layout': storageLayout,
  '1764000000002_long-range-aggregates': longRangeAggregates,
};

export function migrationIdFromPath(filePath: string): string {
  return filePath.replace(/^.*[\\/]/, '').replace(/\.(ts|js|cjs|mjs)$/, '');
}

async function loadRegisteredMigrations(filePaths: string[]) {
  return filePaths.map((filePath) => {
    const id = migrationIdFromPath(filePath);
    const actions = MIGRATION_MODULES[id];
    if (!actions) throw new Error(`Migration ${id} is not registered in src/db/migrate.ts`);
    return { id: filePath, filePaths: [filePath], actions: { up: actions.up, down: actions.down } };
  });
}

export interface MigrateResult {
  /** Names of the migrations this call applied; empty when the schema was already current. */
  applied: string[];
  capabilities: DetectedCapabilities;
}

/** Brings the database at `databaseUrl` to the current schema; safe to call on every start. */
export async function migrate(databaseUrl: string, logger?: PinoLogger): Promise<MigrateResult> {
  const { runner } = await import('node-pg-migrate');
  const log = logger?.child({ component: 'migrate' });
  const quiet = (msg: string) => log?.debug(msg);
  const ran = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    ignorePattern: '(\\..*|.*\\.d\\.ts)',
    migrationLoaderStrategies: [{ extensions: ['.ts', '.js'], loader: loadRegisteredMigrations as never }],
    schema: [SCHEMA, 'public'],
    createSchema: true,
    migrationsSchema: SCHEMA,
    createMigrationsSchema: true,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    singleTransaction: false,
    advisoryLockMode: 'wait',
    lockValue: MIGRATION_LOCK_ID,
    logger: { debug: quiet, info: quiet, warn: (msg) => log?.warn(msg), error: (msg) => log?.error(msg) },
  });
  const applied = ran.map((m) => m.name);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const capabilities = await detectCapabilities(client);
    if (capabilities.timescaledb) await applyRetentionPolicy(client, retentionDaysFromEnv());
    log?.info({ applied, schemaVersion: capabilities.schemaVersion, timescaledb: capabilities.timescaledb }, applied.length ? 'database migrated' : 'database schema is current');
    return { applied, capabilities };
  } finally {
    await client.end();
  }
}
