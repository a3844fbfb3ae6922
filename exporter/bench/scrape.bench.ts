// `npm run bench` (second part): 200 service instances, 10% of them hung. Every scrape must answer inside
// Prometheus' scrape timeout: the exporter spends the budget (timeout − offset) and then reports the hung ones.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../src/config/config';
import { startExporter } from '../src/startExporter';

const INSTANCES = 200;
const HUNG_EVERY = 10;
const SCRAPES = 10;
const SCRAPE_TIMEOUT_SECONDS = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  // The services run in their own process, as real ones would: the exporter's CPU is its own.
  const fleet = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'fakeFleet.ts'), String(INSTANCES), String(HUNG_EVERY)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  fleet.stdout!.on('data', (chunk) => (output += chunk));
  while (!output.includes('\n')) await once(fleet.stdout!, 'data');
  const targets = (JSON.parse(output) as string[]).join(',');
  const config = parseConfig(undefined, { ALPHAPULSE_EXPORTER_TARGETS: targets, ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false' });
  const exporter = await startExporter({ config, port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
  const durations: number[] = [];
  const collection: number[] = [];
  let series = 0;
  let upCount = 0;
  // One warm-up scrape (JIT, first connections), reported apart.
  const warmStart = performance.now();
  await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': String(SCRAPE_TIMEOUT_SECONDS) } })).text();
  const warmUp = (performance.now() - warmStart) / 1000;
  for (let i = 0; i < SCRAPES; i++) {
    const started = performance.now();
    const text = await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': String(SCRAPE_TIMEOUT_SECONDS) } })).text();
    durations.push((performance.now() - started) / 1000);
    series = text.split('\n').filter((line) => line && !line.startsWith('#')).length;
    upCount = (text.match(/^alphapulse_up\{.*\} 1$/gm) ?? []).length;
    collection.push(Number(/^alphapulse_exporter_collection_duration_seconds (\S+)$/m.exec(text)?.[1]));
  }
  const worst = Math.max(...durations);
  console.log(
    [
      `Scrape benchmark: ${INSTANCES} instances (another process), ${INSTANCES / HUNG_EVERY} hung, scrape timeout ${SCRAPE_TIMEOUT_SECONDS} s (budget ${SCRAPE_TIMEOUT_SECONDS - config.scrape.timeout_offset_seconds} s), ${SCRAPES} scrapes`,
      `  scrape duration: median ${median(durations).toFixed(3)} s, worst ${worst.toFixed(3)} s → ${worst < SCRAPE_TIMEOUT_SECONDS ? 'every scrape inside the timeout' : 'OVER THE TIMEOUT'}`,
      `  each: ${durations.map((d) => d.toFixed(2)).join(' ')} s (warm-up scrape before them: ${warmUp.toFixed(2)} s)`,
      `  of which collecting (fetch + validate + map): median ${median(collection).toFixed(3)} s`,
      `  ${series} series per scrape, alphapulse_up=1 for ${upCount} of ${INSTANCES}`,
    ].join('\n'),
  );
  if (worst >= SCRAPE_TIMEOUT_SECONDS) process.exitCode = 1;
  await exporter.stop();
  fleet.kill('SIGTERM');
}

void main();
