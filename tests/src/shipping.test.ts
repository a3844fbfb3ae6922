// Built to ship (issue #11 item 8): the exporter (with the query API) and the emulator run from compiled JavaScript,
// each from its own multi-stage image that compose builds. No Docker engine here: the builds and the compiled
// processes run for real; the Dockerfiles and compose are checked as text, and `docker compose config` runs only
// where docker exists.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_KINDS } from '@alphapulse/contracts';
import { REPO_ROOT, freePort, freePortBlock } from './support/npmStartProcess';

type Json = Record<string, any>;

const IMAGES = {
  exporter: { workspace: 'exporter', dockerfile: 'exporter/Dockerfile', entry: 'dist/src/cli.js', health: '/-/healthy' },
  emulator: { workspace: 'simulator', dockerfile: 'simulator/Dockerfile', entry: 'dist/src/emulator.js', health: '/faults' },
} as const;
type ImageName = keyof typeof IMAGES;

const readRepoFile = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const packageJson = (workspace: string) => JSON.parse(readRepoFile(`${workspace}/package.json`)) as Json;

// ---------------------------------------------------------------------------------------------------------------
// The compiled exporter against the compiled emulator, started with plain node.

interface Started {
  child: ChildProcess;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCompiled(workspace: string, entry: string, env: NodeJS.ProcessEnv): Started {
  // No tsx anywhere: node itself, no loader in NODE_OPTIONS, the compiled file as the only argument.
  const child = spawn(process.execPath, [entry], {
    cwd: join(REPO_ROOT, workspace),
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', LOG_FORMAT: 'json', DATABASE_URL: '', ALPHAPULSE_QUERY_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exit };
}

async function waitForOk(url: string, started: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`exited with ${started.child.exitCode} before ${url} answered:\n${started.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

function runBuild(workspace: string): void {
  const result = spawnSync('npm', ['run', 'build', '-w', `@alphapulse/${workspace}`], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.status !== 0) throw new Error(`npm run build -w @alphapulse/${workspace} failed:\n${result.stdout}\n${result.stderr}`);
}

describe('the compiled exporter scrapes the compiled emulator', () => {
  let emulator: Started | undefined;
  let exporter: Started | undefined;
  let ports: { services: number; control: number; exporter: number };

  beforeAll(async () => {
    // contracts is not rebuilt here: its dist/ is made on install (prepare) and other suites may be reading it.
    runBuild('simulator');
    runBuild('exporter');
    ports = { services: await freePortBlock(9), control: await freePort(), exporter: await freePort() };
    emulator = startCompiled('simulator', IMAGES.emulator.entry, {
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_BASE_PORT: String(ports.services),
      EMULATOR_CONTROL_PORT: String(ports.control),
      EMULATOR_JWT: 'off',
    });
    await waitForOk(`http://127.0.0.1:${ports.control}/faults`, emulator);
    exporter = startCompiled('exporter', IMAGES.exporter.entry, {
      ALPHAPULSE_EXPORTER_CONFIG: '',
      ALPHAPULSE_EXPORTER_HOST: '127.0.0.1',
      ALPHAPULSE_EXPORTER_PORT: String(ports.exporter),
      ALPHAPULSE_EXPORTER_TARGETS: SERVICE_KINDS.map((kind, i) => `${kind}=http://127.0.0.1:${ports.services + i}`).join(','),
    });
    await waitForOk(`http://127.0.0.1:${ports.exporter}/-/healthy`, exporter);
  }, 240_000);

  afterAll(() => {
    for (const started of [exporter, emulator]) if (started && started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
  });

  test('the builds are CommonJS for ES2022 from each tsconfig.build.json, and start:prod runs what was built', () => {
    for (const { workspace, entry } of Object.values(IMAGES)) {
      const tsconfig = JSON.parse(readRepoFile(`${workspace}/tsconfig.build.json`)) as Json;
      expect({ workspace, target: tsconfig.compilerOptions.target, outDir: tsconfig.compilerOptions.outDir }).toEqual({ workspace, target: 'ES2022', outDir: 'dist' });
      const compiled = readRepoFile(`${workspace}/${entry}`);
      expect(compiled.startsWith('"use strict";')).toBe(true);
      expect(compiled).not.toMatch(/^import /m);
      // Every require of the compiled tree is a package (resolved from node_modules, as in the image) or a path
      // that stays inside this dist/: nothing reaches into another workspace's src/.
      const distDir = join(REPO_ROOT, workspace, 'dist');
      const specifiers = new Set<string>();
      for (const file of jsFiles(distDir)) {
        for (const match of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)|import\("([^"]+)"\)/g)) {
          const specifier = match[1] ?? match[2];
          specifiers.add(specifier);
          if (specifier.startsWith('.')) expect({ file, specifier, inside: resolve(dirname(file), specifier).startsWith(distDir + sep) }).toEqual({ file, specifier, inside: true });
        }
      }
      expect(specifiers).toContain('@alphapulse/contracts');
      expect(packageJson(workspace).scripts['start:prod']).toBe(`node ${entry}`);
      expect(packageJson(workspace).scripts.build).toMatch(/tsc -p tsconfig\.build\.json/);
    }
    // The one JSON import of the exporter (its version) resolves inside dist/, to a manifest without a package name.
    expect(JSON.parse(readRepoFile('exporter/dist/package.json'))).toEqual({ version: packageJson('exporter').version });
  });

  test('both run under plain node: no tsx in their command lines', () => {
    for (const started of [emulator!, exporter!]) {
      const argv = readFileSync(`/proc/${started.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(argv[0]).toBe(process.execPath);
      expect(argv.slice(1)).toHaveLength(1);
      expect(argv[1]).toMatch(/^dist\/src\/(cli|emulator)\.js$/);
      expect(argv.join(' ')).not.toMatch(/tsx/);
    }
  });

  test('/metrics answers alphapulse_up 1 for the nine services', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.exporter}/metrics`);
    expect(response.status).toBe(200);
    const up = (await response.text()).split('\n').filter((line) => line.startsWith('alphapulse_up{'));
    const byService = Object.fromEntries(up.map((line) => [/service="([^"]+)"/.exec(line)![1], line.slice(line.lastIndexOf(' ') + 1)]));
    expect(byService).toEqual(Object.fromEntries(SERVICE_KINDS.map((kind) => [kind, '1'])));
  });

  test('SIGTERM stops both cleanly: exit code 0', async () => {
    exporter!.child.kill('SIGTERM');
    expect(await exporter!.exit).toEqual({ code: 0, signal: null });
    emulator!.child.kill('SIGTERM');
    expect(await emulator!.exit).toEqual({ code: 0, signal: null });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The images, as compose builds them.

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile instructions (continuation lines joined, comments dropped) grouped by stage; ARGs before the first FROM apart. */
function parseDockerfile(text: string): { globalArgs: Record<string, string>; stages: Stage[] } {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [from, as, name] = args.split(/\s+/);
      stages.push({ from, ...(as?.toUpperCase() === 'AS' && { name }), instructions: [] });
    } else if (stages.length === 0) {
      if (upper === 'ARG') {
        const [key, value = ''] = args.split('=');
        globalArgs[key] = value;
      }
    } else {
      stages.at(-1)!.instructions.push({ keyword: upper, args });
    }
  }
  return { globalArgs, stages };
}

const withoutComments = (text: string) => text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
const compose = parse(withoutComments(readRepoFile('docker-compose.yml')), { merge: true }) as Json;

describe('images', () => {
  const dockerfiles = Object.fromEntries(
    Object.entries(IMAGES).map(([name, image]) => [name, parseDockerfile(readRepoFile(image.dockerfile))]),
  ) as Record<ImageName, ReturnType<typeof parseDockerfile>>;

  test.each(Object.keys(IMAGES) as ImageName[])('compose builds %s from its Dockerfile and runs no npm ci or tsx for it', (name) => {
    const service = compose.services[name] as Json;
    expect(service.build).toEqual({ context: '.', dockerfile: IMAGES[name].dockerfile });
    expect(existsSync(join(REPO_ROOT, IMAGES[name].dockerfile))).toBe(true);
    expect(service.image).toBe(`alphapulse/${name}:local`);
    // The image carries its code: no repository or node_modules volume, no command overriding the image's.
    expect(service.volumes).toBeUndefined();
    expect(service.command).toBeUndefined();
    expect(JSON.stringify(service)).not.toMatch(/npm ci|tsx|"deps"/);
  });

  test.each(Object.keys(IMAGES) as ImageName[])('%s: multi-stage on the pinned Node LTS, non-root, HEALTHCHECK, compiled JavaScript only', (name) => {
    const { globalArgs, stages } = dockerfiles[name];
    const { workspace, entry, health } = IMAGES[name];
    // One pin: every stage comes FROM the same ARG, a patch-pinned slim image of an LTS line (22).
    expect(globalArgs.NODE_IMAGE).toMatch(/^node:22\.\d+\.\d+-bookworm-slim$/);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toBe('${NODE_IMAGE}');
    const build = stages[0];
    const runtime = stages.at(-1)!;
    const runs = (stage: Stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    // Build stage: the full workspace install and the build; runtime stage: production dependencies only.
    expect(runs(build).some((run) => /npm ci\b/.test(run) && !/--omit=dev/.test(run))).toBe(true);
    expect(runs(build).some((run) => run.includes(`npm run build`) && run.includes(`@alphapulse/${workspace}`))).toBe(true);
    expect(runs(runtime).some((run) => /npm ci\b.*--omit=dev/.test(run) && run.includes(`-w @alphapulse/${workspace}`))).toBe(true);
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain(`--from=${build.name} /app/${workspace}/dist ${workspace}/dist`);
    expect(copies).toContain(`--from=${build.name} /app/contracts/dist contracts/dist`);
    // No sources and no TypeScript in the final image: only manifests, dist/ and config files are copied in.
    for (const copy of copies) {
      const sources = copy.split(/\s+/).filter((token) => !token.startsWith('--')).slice(0, -1);
      for (const source of sources) expect({ copy, source }).toEqual({ copy, source: expect.not.stringMatching(/^\.\/?$|\/src(\/|$)|\.ts$/) });
    }
    // Non-root from the final USER on.
    const users = runtime.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args.split(':')[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users.at(-1));
    const healthchecks = runtime.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].args).toContain(health);
    // compose spells out the same check (its own ps and depends_on use it), so the two cannot drift apart.
    const [, imageCheck] = /^(?:--\S+\s+)*CMD\s+(\[.*\])$/.exec(healthchecks[0].args)!;
    expect(compose.services[name].healthcheck.test).toEqual(['CMD', ...JSON.parse(imageCheck)]);
    const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(['node', entry]);
    const workdir = runtime.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1)!;
    expect(workdir.args).toBe(`/app/${workspace}`);
  });

  test('one Node version: both Dockerfiles and the stock node images left in compose name the same pin', () => {
    const pins = new Set<string>(Object.values(dockerfiles).map(({ globalArgs }) => globalArgs.NODE_IMAGE));
    for (const service of Object.values(compose.services as Record<string, Json>)) {
      if (typeof service.image === 'string' && service.image.startsWith('node:')) pins.add(service.image);
    }
    expect(pins.size).toBe(1);
    // Node 20 stays supported on our machines (the images run 22).
    expect(JSON.parse(readRepoFile('package.json')).engines.node).toBe('>=20.19');
  });

  test('.dockerignore keeps dependencies, builds, local state and secrets out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n').map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.data', '.env', '.git']) expect(ignored).toContain(pattern);
    // dist/ stays out of git too.
    expect(readRepoFile('.gitignore').split('\n')).toContain('dist/');
  });

  const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const hasCompose = !probe.error && probe.status === 0;
  if (!hasCompose) console.log('shipping: docker (compose) is not on PATH here; `docker compose config -q` is skipped, not passed');
  (hasCompose ? test : test.skip)('docker compose config parses (only where docker is installed)', () => {
    // compose needs every ${VAR}; .env.example has them all (a clean clone has no .env).
    const result = spawnSync('docker', ['compose', '--env-file', '.env.example', 'config', '-q'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
