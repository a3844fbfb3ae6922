// `npm run bench:soak -w @alphapulse/exporter [-- seconds]`: 50 concurrent scrapers against the exporter and the
// emulator for 10 minutes (default), reporting throughput, latency and RSS before/after.
import pino from 'pino';
import { startEmulator } from '../../simulator/src/emulator';
import { parseConfig } from '../src/config/config';
import { startExporter } from '../src/startExporter';

const SCRAPERS = 50;
const seconds = Number(process.argv[2] ?? process.env.SOAK_SECONDS ?? 600);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const emulator = await startEmulator({ basePort: 0, controlPort: 0, logger });
  const config = parseConfig(undefined, {
    ALPHAPULSE_EXPORTER_TARGETS: emulator.services.map((service) => `${service.name}=${service.url}`).join(','),
    ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false',
  });
  const exporter = await startExporter({ config, port: 0, logger, reloadOnSighup: false });
  // Warm up, then take the baseline.
  for (let i = 0; i < 20; i++) await (await fetch(`${exporter.url}/metrics`)).text();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const latencies: number[] = [];
  let failures = 0;
  const end = Date.now() + seconds * 1000;
  const scraper = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        const response = await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '4' } });
        await response.text();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - started);
    }
  };
  console.log(`Soak: ${SCRAPERS} concurrent scrapers for ${seconds} s against the exporter and the nine emulated services`);
  await Promise.all(Array.from({ length: SCRAPERS }, scraper));
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    [
      `  ${latencies.length} scrapes (${(latencies.length / seconds).toFixed(1)}/s), ${failures} failed`,
      `  scrape latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
      `  RSS (exporter + emulator in one process) before ${mb(rssBefore)}, after ${mb(rssAfter)}`,
      `  V8 heap used${global.gc ? ' after a full GC' : ''}: before ${mb(heapBefore)}, after ${mb(heapAfter)}`,
    ].join('\n'),
  );
  await exporter.stop();
  await emulator.stop();
}

void main();
