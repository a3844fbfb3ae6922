// Rows to PostgreSQL's binary COPY format: doubles and timestamps go over the wire as 8 raw bytes each, so
// neither this process formats numbers as text nor the server parses them back (both were the hot spots).
// Layout per https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4 : signature, flags,
// header extension length; per row an int16 field count and, per field, an int32 length and the bytes;
// an int16 -1 trailer.
import { TABLES } from '../db/schema';
import { TIMEFRAME, type RowBatch } from './simulation';

export interface CopyTable {
  table: string;
  columns: string[];
  data: Buffer;
  rows: number;
}

export const COPY_COLUMNS = {
  candles: ['time', 'symbol', 'timeframe', 'open', 'high', 'low', 'close', 'volume'],
  trades: ['time', 'trade_id', 'strategy', 'symbol', 'side', 'quantity', 'price', 'fee', 'realized_pnl'],
  equity: ['time', 'strategy', 'equity', 'cash', 'unrealized_pnl', 'realized_pnl', 'gross_exposure', 'net_exposure', 'open_positions'],
  patterns: ['time', 'symbol', 'timeframe', 'pattern', 'direction', 'confidence', 'price'],
  sentiment: ['time', 'symbol', 'source', 'score', 'confidence', 'mentions'],
} as const;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL timestamps count microseconds from 2000-01-01 00:00:00 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_POW_32 = 4_294_967_296;

/** One table's binary COPY payload, growing in place (no per-value allocations). */
export class BinaryCopyWriter {
  private buffer: Buffer;
  private position = 0;
  rows = 0;
  private readonly textCache = new Map<string, Buffer>();

  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
    this.reserve(SIGNATURE.length + 8);
    SIGNATURE.copy(this.buffer, 0);
    this.position = SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.position); // flags
    this.buffer.writeInt32BE(0, this.position + 4); // header extension length
    this.position += 8;
  }

  private reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }

  row(fields: number): this {
    this.reserve(2);
    this.buffer.writeInt16BE(fields, this.position);
    this.position += 2;
    this.rows++;
    return this;
  }

  float8(value: number): this {
    this.reserve(12);
    this.buffer.writeInt32BE(8, this.position);
    this.buffer.writeDoubleBE(value, this.position + 4);
    this.position += 12;
    return this;
  }

  int4(value: number): this {
    this.reserve(8);
    this.buffer.writeInt32BE(4, this.position);
    this.buffer.writeInt32BE(value, this.position + 4);
    this.position += 8;
    return this;
  }

  int8(value: number): this {
    this.reserve(12);
    const high = Math.floor(value / TWO_POW_32);
    this.buffer.writeInt32BE(8, this.position);
    this.buffer.writeInt32BE(high, this.position + 4);
    this.buffer.writeUInt32BE(value - high * TWO_POW_32, this.position + 8);
    this.position += 12;
    return this;
  }

  /** timestamptz from milliseconds since the Unix epoch. */
  timestamp(ms: number): this {
    return this.int8((ms - POSTGRES_EPOCH_MS) * 1000);
  }

  /** Text values here come from small vocabularies (symbols, strategies…), so their bytes are cached. */
  text(value: string): this {
    let bytes = this.textCache.get(value);
    if (!bytes) {
      bytes = Buffer.from(value, 'utf8');
      this.textCache.set(value, bytes);
    }
    this.reserve(4 + bytes.length);
    this.buffer.writeInt32BE(bytes.length, this.position);
    bytes.copy(this.buffer, this.position + 4);
    this.position += 4 + bytes.length;
    return this;
  }

  /** The complete payload (with trailer); the writer must not be used afterwards. */
  finish(): Buffer {
    this.reserve(2);
    this.buffer.writeInt16BE(-1, this.position);
    this.position += 2;
    return this.buffer.subarray(0, this.position);
  }
}

/** Candles are generated minute by minute for all symbols; this is how many share the first minute. */
function symbolsPerMinute(batch: RowBatch): number {
  let n = 0;
  while (n < batch.candles.length && batch.candles[n].time === batch.candles[0].time) n++;
  return Math.max(1, n);
}

/** Accumulates batches (e.g. hour by hour) into the five tables' COPY payloads. */
export class CopyEncoder {
  private readonly candles = new BinaryCopyWriter(1 << 20);
  private readonly trades = new BinaryCopyWriter();
  private readonly equity = new BinaryCopyWriter(1 << 18);
  private readonly patterns = new BinaryCopyWriter();
  private readonly sentiment = new BinaryCopyWriter(1 << 18);

  add(batch: RowBatch): this {
    // Candles go symbol by symbol: heap pages and primary-key inserts then cluster by (symbol, time), which is
    // how they are read (one symbol over a range) — far fewer pages touched than minute-interleaved rows.
    const stride = symbolsPerMinute(batch);
    for (let s = 0; s < stride; s++) {
      for (let i = s; i < batch.candles.length; i += stride) {
        const r = batch.candles[i];
        this.candles.row(8).timestamp(r.time).text(r.symbol).text(TIMEFRAME).float8(r.open).float8(r.high).float8(r.low).float8(r.close).float8(r.volume);
      }
    }
    for (const r of batch.trades) {
      this.trades.row(9).timestamp(r.time).int8(r.tradeId).text(r.strategy).text(r.symbol).text(r.side)
        .float8(r.quantity).float8(r.price).float8(r.fee).float8(r.realizedPnl);
    }
    for (const r of batch.equity) {
      this.equity.row(9).timestamp(r.time).text(r.strategy).float8(r.equity).float8(r.cash).float8(r.unrealizedPnl)
        .float8(r.realizedPnl).float8(r.grossExposure).float8(r.netExposure).int4(r.openPositions);
    }
    for (const r of batch.patterns) {
      this.patterns.row(7).timestamp(r.time).text(r.symbol).text(TIMEFRAME).text(r.pattern).text(r.direction).float8(r.confidence).float8(r.price);
    }
    for (const r of batch.sentiment) {
      this.sentiment.row(6).timestamp(r.time).text(r.symbol).text(r.source).float8(r.score).float8(r.confidence).int4(r.mentions);
    }
    return this;
  }

  finish(): CopyTable[] {
    const table = (name: string, columns: readonly string[], writer: BinaryCopyWriter): CopyTable => {
      const rows = writer.rows;
      return { table: name, columns: [...columns], data: writer.finish(), rows };
    };
    return [
      table(TABLES.candles, COPY_COLUMNS.candles, this.candles),
      table(TABLES.trades, COPY_COLUMNS.trades, this.trades),
      table(TABLES.equitySnapshots, COPY_COLUMNS.equity, this.equity),
      table(TABLES.patterns, COPY_COLUMNS.patterns, this.patterns),
      table(TABLES.sentiment, COPY_COLUMNS.sentiment, this.sentiment),
    ];
  }
}

export function toCopyTables(batch: RowBatch): CopyTable[] {
  return new CopyEncoder().add(batch).finish();
}
