// `promtool check metrics` prints nothing for our /metrics: healthy and failing targets, text and OpenMetrics-free
// text format; `promtool check config` accepts the provisioned Prometheus config.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pino from 'pino';
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { startEmulator, type RunningEmulator } from '../../simulator/src/emulator';
import { parseConfig } from '../src/config/config';
import { startExporter } from '../src/startExporter';
import { FAKE_MODES, startFakeService, type FakeService } from './support/fakeService';
import { describeWithTool } from './support/tools';

const logger = pino({ level: 'silent' });

function checkMetrics(promtool: string, text: string) {
  return spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
}

async function scrapeOnce(targets: string): Promise<string> {
  const config = parseConfig(undefined, { ALPHAPULSE_EXPORTER_TARGETS: targets, ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false' });
  const running = await startExporter({ config, port: 0, logger, reloadOnSighup: false });
  try {
    return await (await fetch(`${running.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '2' } })).text();
  } finally {
    await running.stop();
  }
}

describeWithTool('promtool', 'promtool', (promtool) => {
  test('check metrics: contract example services in every fault mode, all nine kinds', async () => {
    const fakes: FakeService[] = [];
    try {
      const targets: string[] = [];
      for (const kind of SERVICE_KINDS) {
        const fake = await startFakeService(kind);
        fakes.push(fake);
        targets.push(`${kind}=${fake.url}`);
      }
      for (const mode of FAKE_MODES) {
        const fake = await startFakeService('trading_engine', mode);
        fakes.push(fake);
        targets.push(`trading_engine=${fake.url}`);
      }
      const text = await scrapeOnce(targets.join(','));
      expect(text).toContain('alphapulse_sentiment_service_score{');
      const result = checkMetrics(promtool, text);
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      for (const fake of fakes) await fake.close();
    }
  });

  test('check metrics: the emulator', async () => {
    let emulator: RunningEmulator | undefined;
    try {
      emulator = await startEmulator({ basePort: 0, controlPort: 0, logger });
      const text = await scrapeOnce(emulator.services.map((service) => `${service.name}=${service.url}`).join(','));
      expect(text.match(/^alphapulse_up\{.*\} 1$/gm)).toHaveLength(9);
      const result = checkMetrics(promtool, text);
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      await emulator?.stop();
    }
  });

  test('check config: provisioning/prometheus/prometheus.yml', () => {
    const result = spawnSync(promtool, ['check', 'config', join(__dirname, '../../provisioning/prometheus/prometheus.yml')], { encoding: 'utf8' });
    expect(result.stdout).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
