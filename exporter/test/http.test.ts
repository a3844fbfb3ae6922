// The HTTP surface: health endpoints, auth, OpenMetrics negotiation, mounted routers, TLS, config reload.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { startFakeService, type FakeService } from './support/fakeService';
import { find, parseMetrics, valueOf } from './support/parseMetrics';

const logger = pino({ level: 'silent' });
const noKpi = { ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false' };
let dir: string;
let fakes: FakeService[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exporter-http-'));
  fakes = [await startFakeService('trading_engine'), await startFakeService('risk_manager')];
});

afterAll(async () => {
  for (const fake of fakes) await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('endpoints and auth', () => {
  let running: RunningExporter;
  const token = 'a-bearer-token-for-tests';

  beforeAll(async () => {
    const config = parseConfig(undefined, { ...noKpi, ALPHAPULSE_EXPORTER_TARGETS: `trading_engine=${fakes[0].url}`, ALPHAPULSE_EXPORTER_BEARER_TOKEN: token });
    const router = express.Router();
    router.get('/hello', (_req, res) => void res.json({ hello: 'query api' }));
    running = await startExporter({ config, port: 0, logger, reloadOnSighup: false, extraRouters: [{ path: '/api', router }] });
  });
  afterAll(() => running.stop());

  test('/-/healthy and /-/ready answer without credentials', async () => {
    expect((await fetch(`${running.url}/-/healthy`)).status).toBe(200);
    expect((await fetch(`${running.url}/-/ready`)).status).toBe(200);
  });

  test('/metrics needs the bearer token when one is configured', async () => {
    const denied = await fetch(`${running.url}/metrics`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${running.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    const allowed = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(valueOf(parseMetrics(await allowed.text()), 'alphapulse_up', { service: 'trading_engine' })).toBe(1);
  });

  test('OpenMetrics when the Accept header asks for it', async () => {
    const response = await fetch(`${running.url}/metrics`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' },
    });
    expect(response.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('# TYPE alphapulse_service_errors counter\n');
    expect(text).toContain('# TYPE alphapulse_exporter_build info\n');
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  test('a mounted router answers beside /metrics', async () => {
    expect(await (await fetch(`${running.url}/api/hello`)).json()).toEqual({ hello: 'query api' });
  });
});

test('basic auth', async () => {
  const config = parseConfig(undefined, { ...noKpi, ALPHAPULSE_EXPORTER_TARGETS: `trading_engine=${fakes[0].url}`, ALPHAPULSE_EXPORTER_BASIC_AUTH: 'prometheus:s3cret' });
  const running = await startExporter({ config, port: 0, logger, reloadOnSighup: false });
  try {
    const basic = (user: string) => ({ authorization: `Basic ${Buffer.from(user).toString('base64')}` });
    expect((await fetch(`${running.url}/metrics`)).headers.get('www-authenticate')).toBe('Basic realm="alphapulse-exporter"');
    expect((await fetch(`${running.url}/metrics`, { headers: basic('prometheus:wrong') })).status).toBe(401);
    expect((await fetch(`${running.url}/metrics`, { headers: basic('prometheus:s3cret') })).status).toBe(200);
  } finally {
    await running.stop();
  }
});

test('TLS when a certificate is configured', async () => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const config = parseConfig(undefined, { ...noKpi, ALPHAPULSE_EXPORTER_TARGETS: `trading_engine=${fakes[0].url}`, ALPHAPULSE_EXPORTER_TLS_CERT_FILE: cert, ALPHAPULSE_EXPORTER_TLS_KEY_FILE: key });
  const running = await startExporter({ config, port: 0, logger, reloadOnSighup: false });
  try {
    expect(running.url.startsWith('https://127.0.0.1:')).toBe(true);
    const text = await new Promise<string>((resolve, reject) => {
      https
        .get(`${running.url}/metrics`, { ca: require('node:fs').readFileSync(cert) }, (res) => {
          let out = '';
          res.setEncoding('utf8').on('data', (chunk) => (out += chunk)).on('end', () => resolve(out));
        })
        .on('error', reject);
    });
    expect(valueOf(parseMetrics(text), 'alphapulse_up', { service: 'trading_engine' })).toBe(1);
  } finally {
    await running.stop();
  }
});

describe('reload', () => {
  const file = () => join(dir, 'exporter.yaml');
  const writeConfig = (urls: string[]) =>
    writeFileSync(file(), `services:\n${urls.map((url, i) => `  - kind: ${i === 0 ? 'trading_engine' : 'risk_manager'}\n    instances: [${url}]\n`).join('')}kpi: { enabled: false }\n`);
  const metrics = async (running: RunningExporter) => parseMetrics(await (await fetch(`${running.url}/metrics`)).text());

  test('POST /-/reload applies a changed file; a removed target disappears; a bad file is rejected and the old config kept', async () => {
    writeConfig([fakes[0].url, fakes[1].url]);
    const running = await startExporter({ configPath: file(), port: 0, logger, env: {}, reloadOnSighup: false });
    try {
      expect(find(await metrics(running), 'alphapulse_up')).toHaveLength(2);

      writeConfig([fakes[0].url]);
      const reloaded = await fetch(`${running.url}/-/reload`, { method: 'POST' });
      expect(reloaded.status).toBe(200);
      let samples = await metrics(running);
      expect(find(samples, 'alphapulse_up').map((s) => s.labels.service)).toEqual(['trading_engine']);
      expect(find(samples, 'alphapulse_risk_manager_value_at_risk')).toEqual([]);
      expect(valueOf(samples, 'alphapulse_exporter_targets')).toBe(1);

      writeFileSync(file(), 'services:\n  - kind: risk_managr\n    instances: [http://a:1]\n');
      const rejected = await fetch(`${running.url}/-/reload`, { method: 'POST' });
      expect(rejected.status).toBe(400);
      expect(await rejected.text()).toMatch(/services\[0\]\.kind/);
      samples = await metrics(running);
      expect(valueOf(samples, 'alphapulse_exporter_config_last_reload_successful')).toBe(0);
      expect(find(samples, 'alphapulse_up')).toHaveLength(1);

      writeConfig([fakes[0].url, fakes[1].url]);
      const ok = await fetch(`${running.url}/-/reload`, { method: 'PUT' });
      expect(ok.status).toBe(200);
      samples = await metrics(running);
      expect(find(samples, 'alphapulse_up')).toHaveLength(2);
      expect(valueOf(samples, 'alphapulse_exporter_config_last_reload_successful')).toBe(1);
    } finally {
      await running.stop();
    }
  });
});

test('SIGHUP reloads the config file', async () => {
  const file = join(dir, 'sighup.yaml');
  const yaml = (urls: string[]) =>
    `services:\n${urls.map((url, i) => `  - kind: ${i === 0 ? 'trading_engine' : 'risk_manager'}\n    instances: [${url}]\n`).join('')}kpi: { enabled: false }\n`;
  writeFileSync(file, yaml([fakes[0].url]));
  const listenersBefore = process.listenerCount('SIGHUP');
  const running = await startExporter({ configPath: file, port: 0, logger, env: {} });
  const ups = async () => find(parseMetrics(await (await fetch(`${running.url}/metrics`)).text()), 'alphapulse_up').length;
  try {
    expect(await ups()).toBe(1);
    writeFileSync(file, yaml([fakes[0].url, fakes[1].url]));
    // The signal as delivered to the process's listeners (a real kill(2) would also reach the test runner).
    process.emit('SIGHUP' as never);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await ups()) !== 2) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ups()).toBe(2);
  } finally {
    await running.stop();
  }
  expect(process.listenerCount('SIGHUP')).toBe(listenersBefore);
});
