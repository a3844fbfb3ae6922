// Writes one batch of rows plus the simulation checkpoint in a single transaction, so the database never
// holds rows without the state that produced them (and resuming never duplicates or skips a minute).
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { TABLES } from '../db/schema';
import type { CopyTable } from './copyFormat';
import type { SimulationState } from './simulation';

/**
 * direct: COPY straight into the tables (backfill: fastest, the checkpoint guarantees the range is empty);
 * merge: COPY into session temp tables, then INSERT … ON CONFLICT DO NOTHING (live: idempotent under retries).
 */
export type WriteMode = 'direct' | 'merge';

const stagingName = (table: string) => `staging_${table.split('.')[1]}`;

async function copyInto(client: ClientBase, target: string, columns: string[], data: Buffer): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`));
  await pipeline(Readable.from([data]), stream);
}

export async function ensureStagingTables(client: ClientBase, tables: CopyTable[]): Promise<void> {
  for (const { table } of tables) {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${stagingName(table)} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
  }
}

export async function writeBatch(
  client: ClientBase,
  tables: CopyTable[],
  writerId: string,
  checkpoint: SimulationState,
  mode: WriteMode,
): Promise<void> {
  if (mode === 'merge') await ensureStagingTables(client, tables);
  await client.query('BEGIN');
  try {
    for (const { table, columns, data, rows } of tables) {
      if (rows === 0) continue;
      if (mode === 'direct') {
        await copyInto(client, table, columns, data);
      } else {
        await copyInto(client, stagingName(table), columns, data);
        const list = columns.join(', ');
        await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${stagingName(table)} ON CONFLICT DO NOTHING`);
      }
    }
    // Never move a checkpoint backwards (e.g. a second writer replaying an older batch).
    await client.query(
      `INSERT INTO ${TABLES.writerCheckpoints} (writer, next_time, state, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (writer) DO UPDATE SET next_time = EXCLUDED.next_time, state = EXCLUDED.state, updated_at = now()
       WHERE ${TABLES.writerCheckpoints}.next_time < EXCLUDED.next_time`,
      [writerId, new Date(checkpoint.nextTime), JSON.stringify(checkpoint)],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export async function readCheckpoint(client: ClientBase, writerId: string): Promise<SimulationState | null> {
  const { rows } = await client.query<{ state: SimulationState }>(`SELECT state FROM ${TABLES.writerCheckpoints} WHERE writer = $1`, [writerId]);
  return rows[0]?.state ?? null;
}
