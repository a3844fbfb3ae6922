// Long-range relations under one set of names: continuous aggregates with TimescaleDB, date_bin views otherwise.
import { plainAggregateStatements } from '../src/db/plainAggregates';
import { READER_ROLE, SCHEMA } from '../src/db/schema';
import { continuousAggregateStatements } from '../src/db/timescaleFeatures';
import { timescaleAvailable, type MigrationBuilder } from '../src/db/migrationHelpers';

export async function up(pgm: MigrationBuilder): Promise<void> {
  // CREATE MATERIALIZED VIEW ... WITH (timescaledb.continuous) refuses to run inside a transaction block;
  // every statement is IF NOT EXISTS / idempotent, so a half-applied run completes on the next start.
  pgm.noTransaction();
  const statements = (await timescaleAvailable(pgm)) ? continuousAggregateStatements() : plainAggregateStatements();
  for (const statement of statements) pgm.sql(statement);
  pgm.sql(`GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${READER_ROLE}`);
}

export const down = false;
