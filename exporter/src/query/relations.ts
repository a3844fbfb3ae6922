// Relation names the query API reads, from the data model's one definition in @alphapulse/contracts.
import { AGGREGATES, MIGRATIONS_TABLE as MIGRATIONS_TABLE_NAME, SCHEMA, TABLES } from '@alphapulse/contracts';

export { AGGREGATES, SCHEMA, TABLES };
export const MIGRATIONS_TABLE = `${SCHEMA}.${MIGRATIONS_TABLE_NAME}`;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
