// Binary COPY encoding, checked byte-wise and by a round trip through a real PostgreSQL.
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createTestDatabase } from '../../test-support/database';
import { BinaryCopyWriter } from '../src/writer/copyFormat';

test('signature, header and trailer frame the rows', () => {
  const data = new BinaryCopyWriter(4).row(1).int4(7).finish();
  expect(data.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  expect(data.readInt32BE(11)).toBe(0);
  expect(data.readInt32BE(15)).toBe(0);
  expect(data.readInt16BE(19)).toBe(1);
  expect([data.readInt32BE(21), data.readInt32BE(25)]).toEqual([4, 7]);
  expect(data.readInt16BE(29)).toBe(-1);
  expect(data.length).toBe(31);
});

test('values round-trip through PostgreSQL exactly, including edge cases', async () => {
  const db = await createTestDatabase('writer_copy');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('CREATE TABLE t (ts timestamptz, id bigint, n integer, x double precision, s text)');
    const rows = [
      { ts: Date.UTC(2026, 10, 25, 15, 59, 59, 123), id: 1, n: 0, x: 0.1 + 0.2, s: 'BTCUSD' },
      { ts: Date.UTC(1999, 11, 31, 23, 59), id: -5_000_000_000, n: -42, x: -1e-300, s: 'Ünïcödé ✓' },
      { ts: Date.UTC(2000, 0, 1), id: 2 ** 53 - 1, n: 2_147_483_647, x: 67036.44, s: '' },
    ];
    const writer = new BinaryCopyWriter(8);
    for (const r of rows) writer.row(5).timestamp(r.ts).int8(r.id).int4(r.n).float8(r.x).text(r.s);
    await pipeline(Readable.from([writer.finish()]), client.query(copyFrom('COPY t FROM STDIN WITH (FORMAT binary)')));
    const stored = await client.query(`SELECT ts, id::text, n, x, s FROM t ORDER BY ts DESC`);
    expect(stored.rows.map((r) => ({ ts: r.ts.getTime(), id: Number(r.id), n: r.n, x: r.x, s: r.s }))).toEqual(
      [...rows].sort((a, b) => b.ts - a.ts),
    );
  } finally {
    await client.end();
    await db.drop();
  }
});
