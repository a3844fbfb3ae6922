// npm run bench -w @alphapulse/simulator
// Backfill throughput of the data writer (default 30 days × 20 symbols) on its own embedded PostgreSQL, against a
// baseline measured in the same run: raw binary COPY of the same rows, pre-generated and pre-encoded, in the same
// 12-hour transactions. The ratio is what generation, encoding and checkpointing cost on top of COPY.
// BENCH_RUNS (default 3), BENCH_DAYS (30), BENCH_SYMBOLS (20) override the defaults.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres';
import { migrate } from '../src/db/migrate';
import { writeBatch } from '../src/writer/batchWriter';
import { toCopyTables, type CopyTable } from '../src/writer/copyFormat';
import { BACKFILL_CHUNK_MINUTES, createDataWriter, simulationConfig } from '../src/writer/dataWriter';
import { batchRowCount, emptyBatch, MINUTE_MS, Simulation, type SimulationState } from '../src/writer/simulation';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const SYMBOLS = Number(process.env.BENCH_SYMBOLS ?? 20);
const END = Date.UTC(2026, 0, 31);
const START = END - DAYS * 86_400_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  await migrate(url);
  return url;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'alphapulse-bench-pg-'));
  chmodSync(root, 0o777);
  const pg = await startEmbeddedPostgres({ dataDir: join(root, 'data'), port: await freePort() });
  const serverUrl = pg.databaseUrl.replace(/\/[^/]*$/, '/postgres');
  console.log(`backfill benchmark: ${DAYS} days × ${SYMBOLS} symbols of 1-minute data, ${RUNS} runs, PostgreSQL on port ${pg.port}`);
  try {
    // Same rows for the baseline, generated and encoded before the clock starts.
    const generationStarted = performance.now();
    const simulation = Simulation.start(simulationConfig({ symbols: SYMBOLS }), START);
    const chunks: { tables: CopyTable[]; checkpoint: SimulationState }[] = [];
    let rows = 0;
    while (simulation.nextTime < END) {
      const batch = simulation.runUntil(Math.min(END, simulation.nextTime + BACKFILL_CHUNK_MINUTES * MINUTE_MS), emptyBatch());
      rows += batchRowCount(batch);
      chunks.push({ tables: toCopyTables(batch), checkpoint: simulation.checkpoint() });
    }
    const generationSeconds = (performance.now() - generationStarted) / 1000;
    console.log(`generation + encoding alone: ${fmt(rows)} rows in ${generationSeconds.toFixed(2)} s = ${fmt(rows / generationSeconds)} rows/s`);

    const writer: number[] = [];
    const baseline: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const writerUrl = await freshDatabase(serverUrl, 'bench_writer');
      const w = createDataWriter({ databaseUrl: writerUrl, symbols: SYMBOLS });
      const result = await w.backfill({ days: DAYS, end: new Date(END) });
      await w.stop();
      if (result.rowsWritten !== rows) throw new Error(`writer wrote ${result.rowsWritten} rows, expected ${rows}`);
      writer.push(result.rowsWritten / result.seconds);
      await dropDatabase(serverUrl, 'bench_writer');

      const baselineUrl = await freshDatabase(serverUrl, 'bench_baseline');
      const client = new Client({ connectionString: baselineUrl });
      await client.connect();
      const started = performance.now();
      for (const chunk of chunks) await writeBatch(client, chunk.tables, 'baseline', chunk.checkpoint, 'direct');
      const seconds = (performance.now() - started) / 1000;
      await client.end();
      baseline.push(rows / seconds);
      await dropDatabase(serverUrl, 'bench_baseline');
      console.log(`run ${run}: data writer ${fmt(writer.at(-1)!)} rows/s (${result.seconds.toFixed(2)} s) | raw COPY baseline ${fmt(baseline.at(-1)!)} rows/s (${seconds.toFixed(2)} s)`);
    }
    const ratio = median(writer) / median(baseline);
    console.log('');
    console.log(`rows per backfill:             ${fmt(rows)}`);
    console.log(`data writer backfill, median:  ${fmt(median(writer))} rows/s   (goal ≥ 100,000)`);
    console.log(`raw COPY baseline, median:     ${fmt(median(baseline))} rows/s`);
    console.log(`ratio writer / raw COPY:       ${ratio.toFixed(2)}`);
  } finally {
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
