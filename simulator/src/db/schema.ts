// Names shared by the migrations, the writer and every reader: defined once in @alphapulse/contracts.
import type { SENTIMENT_SOURCES } from '@alphapulse/contracts';

export { AGGREGATES, MIGRATIONS_TABLE, READER_ROLE, SCHEMA, SENTIMENT_SOURCES, TABLES } from '@alphapulse/contracts';
export type SentimentSource = (typeof SENTIMENT_SOURCES)[number];
