// The conformance corpus (issue #10 item 7): payloads as AlphaPulse's Python services emit them, served over real
// HTTP — the corpus files by a Node server byte for byte, and more built live by a Python http.server that writes
// them with json.dumps itself — through the real exporter. Every case's expected sample lines must be in /metrics
// (lines starting with `!` must not), and the whole /metrics must pass `promtool check metrics`.
// With CI=true a missing promtool or python3 fails the run instead of skipping it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { isServiceKind } from '@alphapulse/contracts';
import { parseConfig } from '../../src/config/config';
import { startExporter, type RunningExporter } from '../../src/startExporter';
import { findTool } from '../support/tools';

const CORPUS = join(__dirname, 'corpus');
const PYTHON_EXPECTED = join(__dirname, 'python');

interface Case {
  /** The instance label; unique per case. */
  name: string;
  kind: string;
  url: string;
  expected: string[];
}

const tools = { promtool: findTool('promtool'), python3: findTool('python3') };
const missing = Object.entries(tools).filter(([, path]) => !path).map(([name]) => name);

function readExpected(file: string, kind: string, name: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replaceAll('$T', `service="${kind}",instance="${name}"`));
}

async function startCorpusServer(): Promise<{ server: http.Server; cases: Case[] }> {
  const bodies = new Map<string, Buffer>();
  const files = readdirSync(CORPUS).filter((file) => file.endsWith('.json'));
  const server = http.createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cases = files.map((file) => {
    const name = file.slice(0, -'.json'.length);
    const [kind, endpoint] = name.split('.');
    if (!isServiceKind(kind) || (endpoint !== 'health' && endpoint !== 'stats')) throw new Error(`corpus file ${file}: expected <kind>.<health|stats>.<case>.json`);
    bodies.set(`/${name}/${endpoint}`, readFileSync(join(CORPUS, file)));
    return { name, kind, url: `${base}/${name}`, expected: readExpected(join(CORPUS, `${name}.expected`), kind, name) };
  });
  return { server, cases };
}

async function startPythonService(python: string): Promise<{ child: ChildProcess; cases: Case[] }> {
  const child = spawn(python, [join(__dirname, 'python_service.py')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`python_service.py exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const cases = readdirSync(PYTHON_EXPECTED)
    .filter((file) => file.endsWith('.expected'))
    .map((file) => {
      const [kind, name] = file.slice(0, -'.expected'.length).split('.');
      return { name, kind, url: `http://127.0.0.1:${port}/${name}`, expected: readExpected(join(PYTHON_EXPECTED, file), kind, name) };
    });
  return { child, cases };
}

if (missing.length > 0 && process.env.CI !== 'true') {
  describe.skip(`conformance corpus (${missing.join(', ')} not installed)`, () => test('skipped', () => undefined));
} else {
  describe('conformance corpus through the real exporter', () => {
    let corpus: http.Server | undefined;
    let python: ChildProcess | undefined;
    let exporter: RunningExporter | undefined;
    let cases: Case[] = [];
    let text = '';

    beforeAll(async () => {
      if (missing.length > 0) return;
      const served = await startCorpusServer();
      corpus = served.server;
      const py = await startPythonService(tools.python3!);
      python = py.child;
      cases = [...served.cases, ...py.cases];
      const yaml = [
        'kpi: { enabled: false }',
        'services:',
        ...cases.map((c) => `  - { kind: ${c.kind}, instances: [{ url: "${c.url}", instance: "${c.name}" }] }`),
      ].join('\n');
      exporter = await startExporter({ config: parseConfig(yaml), port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
      text = await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '5' } })).text();
    }, 30_000);

    afterAll(async () => {
      await exporter?.stop();
      python?.kill();
      await new Promise((resolve) => (corpus ? corpus.close(resolve) : resolve(undefined)));
    });

    test('promtool and python3 are installed (CI=true does not allow skipping)', () => {
      expect(missing).toEqual([]);
    });

    test('at least 30 corpus files and the live Python service', () => {
      expect(cases.filter((c) => !c.name.startsWith('py_')).length).toBeGreaterThanOrEqual(30);
      expect(cases.filter((c) => c.name.startsWith('py_')).length).toBeGreaterThanOrEqual(4);
    });

    test('every case produces its expected sample lines, and none it must not', () => {
      const lines = new Set(text.split('\n'));
      const problems: string[] = [];
      for (const c of cases) {
        for (const line of c.expected) {
          if (line.startsWith('!')) {
            const series = `${line.slice(1)} `;
            if (text.split('\n').some((l) => l.startsWith(series))) problems.push(`${c.name}: must not have ${line.slice(1)}`);
          } else if (!lines.has(line)) {
            const series = line.slice(0, line.lastIndexOf(' '));
            const actual = text.split('\n').find((l) => l.startsWith(`${series} `));
            problems.push(`${c.name}: missing ${line}${actual ? ` (got ${actual})` : ''}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    test('promtool check metrics accepts the whole /metrics', () => {
      const result = spawnSync(tools.promtool!, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  });
}
