// The part of node-pg-migrate's MigrationBuilder our migrations use, typed here so the migration files do
// not import types from an ESM-only package (which CommonJS type-checking cannot always resolve).
export interface MigrationBuilder {
  sql(statement: string): void;
  noTransaction(): void;
  db: { select(statement: string): Promise<unknown[]> };
}

/** Decided once per migration from the server itself, so the same files serve TimescaleDB and plain PostgreSQL. */
export async function timescaleAvailable(pgm: MigrationBuilder): Promise<boolean> {
  if (process.env.ALPHAPULSE_DISABLE_TIMESCALEDB === 'true') return false;
  const rows = await pgm.db.select(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`);
  return rows.length > 0;
}
