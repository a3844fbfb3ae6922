// Storage layout by capability: hypertables + compression with TimescaleDB, BRIN time indexes on plain PostgreSQL.
import { brinIndexStatements } from '../src/db/plainAggregates';
import { hypertableStatements } from '../src/db/timescaleFeatures';
import { timescaleAvailable, type MigrationBuilder } from '../src/db/migrationHelpers';

export async function up(pgm: MigrationBuilder): Promise<void> {
  const statements = (await timescaleAvailable(pgm)) ? hypertableStatements() : brinIndexStatements();
  for (const statement of statements) pgm.sql(statement);
}

export const down = false;
