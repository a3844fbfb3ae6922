import type { ClientBase } from 'pg';
import { MIGRATIONS_TABLE, SCHEMA } from './schema';
import type { DatabaseCapabilities } from './timeBucket';

export interface DetectedCapabilities extends DatabaseCapabilities {
  /** timescaledb can be installed here (listed in pg_available_extensions) even if it is not yet. */
  timescaledbAvailable: boolean;
  /** Installed timescaledb version, or null. */
  timescaledbVersion: string | null;
  /** PostgreSQL server version, e.g. '18.4'. */
  version: string;
  /** Name of the last applied migration, or null when the schema was never migrated. */
  schemaVersion: string | null;
}

/** What this database can do, so readers pick time_bucket or date_bin and know the schema is in place. */
export async function detectCapabilities(client: ClientBase): Promise<DetectedCapabilities> {
  const { rows } = await client.query<{
    version: string;
    installed: string | null;
    available: boolean;
    migrations: string | null;
  }>(
    `SELECT current_setting('server_version') AS version,
            (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS installed,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available,
            to_regclass($1)::text AS migrations`,
    [`${SCHEMA}.${MIGRATIONS_TABLE}`],
  );
  const info = rows[0];
  let schemaVersion: string | null = null;
  if (info.migrations) {
    const last = await client.query<{ name: string }>(
      `SELECT name FROM ${SCHEMA}.${MIGRATIONS_TABLE} ORDER BY run_on DESC, id DESC LIMIT 1`,
    );
    schemaVersion = last.rows[0]?.name ?? null;
  }
  return {
    timescaledb: info.installed !== null,
    timescaledbAvailable: info.available,
    timescaledbVersion: info.installed,
    version: info.version.split(' ')[0],
    schemaVersion,
  };
}
