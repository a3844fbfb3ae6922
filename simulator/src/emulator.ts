// The AlphaPulse emulator: nine service servers over one simulation, plus the fault control API.
// Run directly (`tsx simulator/src/emulator.ts`) it serves on the default ports until Ctrl-C.
import { DEFAULT_HOST, DEFAULT_PORTS, SERVICE_KINDS, type ServiceKind } from '@alphapulse/contracts';
import pino, { type Logger } from 'pino';
import { JwtIssuer } from './auth/jwtIssuer';
import { startControlApi, type FaultController } from './faults/controlApi';
import { isDialect, type Dialect } from './services/dialects/pythonDialect';
import { FaultStore, type FaultRequest } from './faults/faultStore';
import { systemClock, type Clock } from './services/clock';
import { ServiceServer } from './services/serviceServer';
import { Simulation } from './services/simulation';
import { followWriterCheckpoints } from './world/checkpointFeed';

export const DEFAULT_EMULATOR_SEED = 42;
/** How often fault expiry is applied to listeners (reopening a port, releasing hung requests). */
const RECONCILE_INTERVAL_MS = 250;

export interface EmulatorOptions {
  host?: string;
  /** Port of the first service; the others follow in SERVICE_KINDS order. 0 = pick free ports. */
  basePort?: number;
  /** Per-service port overrides. */
  servicePorts?: Partial<Record<ServiceKind, number>>;
  /** 0 = pick a free port. */
  controlPort?: number;
  seed?: number;
  clock?: Clock;
  logger?: Logger;
  /** How every service writes /health and /stats: 'contract' (default) or 'python' (issue #10). */
  dialect?: Dialect;
  /** Per-service dialect overrides, e.g. one Python-style service among contract ones. */
  serviceDialects?: Partial<Record<ServiceKind, Dialect>>;
  /** Demo JWT sign-in on the control API (/auth/jwks.json, /auth/token, /auth/login); on by default. */
  jwt?: EmulatorJwtOptions | false;
  /**
   * A data writer in another process (docker compose): the services report the market of its checkpoint in
   * this database (world/checkpointFeed.ts). In-process, attach the writer instead (DataWriterOptions.world).
   */
  database?: { url: string; writerId?: string; pollMs?: number };
}

export interface EmulatorJwtOptions {
  issuer?: string;
  audience?: string;
  ttlSeconds?: number;
  /** PKCS#8 PEM private key: read if present, else generated and written there. Unset: a new key per start. */
  keyFile?: string;
  /** Also write the JWK Set here at start, for Grafana's jwk_set_file. */
  jwksFile?: string;
  /** Grafana's root URL, for the one-click /auth/login?user=… redirect. */
  grafanaUrl?: string;
  /** Wall clock for iat/exp (default the system clock, whatever clock the simulation runs on). */
  clock?: Clock;
}

export interface RunningEmulator {
  services: { name: ServiceKind; url: string; dialect: Dialect }[];
  controlUrl: string;
  /** The demo token issuer, when JWT sign-in is on. */
  jwt?: JwtIssuer;
  /** The simulation behind the servers, for in-process inspection. */
  simulation: Simulation;
  stop(): Promise<void>;
}

/**
 * Dialect options from their text form (environment variables): `dialect` is "contract" or "python";
 * `serviceDialects` is "kind=dialect,…" (e.g. "pattern_storage=python,risk_manager=contract").
 * Throws an error naming the bad entry.
 */
export function parseDialectOptions(dialect?: string, serviceDialects?: string): Pick<EmulatorOptions, 'dialect' | 'serviceDialects'> {
  const options: Pick<EmulatorOptions, 'dialect' | 'serviceDialects'> = {};
  if (dialect !== undefined && dialect.trim() !== '') {
    const value = dialect.trim().toLowerCase();
    if (!isDialect(value)) throw new Error(`unknown emulator dialect ${JSON.stringify(dialect)}: use contract or python`);
    options.dialect = value;
  }
  if (serviceDialects !== undefined && serviceDialects.trim() !== '') {
    const perService: Partial<Record<ServiceKind, Dialect>> = {};
    for (const entry of serviceDialects.split(',').map((e) => e.trim()).filter(Boolean)) {
      const [kind, value, ...rest] = entry.split('=').map((part) => part.trim());
      if (rest.length > 0 || !(SERVICE_KINDS as readonly string[]).includes(kind)) {
        throw new Error(`bad service dialect ${JSON.stringify(entry)}: want <service_name>=<contract|python> with a known service name`);
      }
      const lowered = (value ?? '').toLowerCase();
      if (!isDialect(lowered)) throw new Error(`bad service dialect ${JSON.stringify(entry)}: the dialect is contract or python`);
      perService[kind as ServiceKind] = lowered;
    }
    options.serviceDialects = perService;
  }
  return options;
}

function servicePort(kind: ServiceKind, options: EmulatorOptions): number {
  const override = options.servicePorts?.[kind];
  if (override !== undefined) return override;
  const base = options.basePort ?? DEFAULT_PORTS.firstService;
  return base === 0 ? 0 : base + SERVICE_KINDS.indexOf(kind);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'silent' });
  const seed = options.seed ?? DEFAULT_EMULATOR_SEED;
  const faults = new FaultStore(clock);
  const jwtOptions = options.jwt === false ? undefined : (options.jwt ?? {});
  const jwt = jwtOptions && new JwtIssuer({ ...jwtOptions, clock: jwtOptions.clock ?? systemClock });
  if (jwt && jwtOptions?.jwksFile) jwt.writeJwksFile(jwtOptions.jwksFile);
  const simulation = new Simulation({ seed, clock, faults });
  const feed = options.database
    ? followWriterCheckpoints({
        world: simulation.world,
        databaseUrl: options.database.url,
        logger,
        ...(options.database.writerId && { writerId: options.database.writerId }),
        ...(options.database.pollMs && { pollMs: options.database.pollMs }),
      })
    : undefined;
  const servers = SERVICE_KINDS.map(
    (kind) =>
      new ServiceServer({
        kind,
        host,
        port: servicePort(kind, options),
        simulation,
        faults,
        logger,
        dialect: options.serviceDialects?.[kind] ?? options.dialect ?? 'contract',
      }),
  );

  // Fault changes and listener changes run one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  let stopped = false;

  /** Brings listeners in line with the faults in force now. */
  const reconcile = async (): Promise<void> => {
    if (stopped) return; // a fault request racing stop() must not reopen a port
    // Step the simulation up to now before any fault is forgotten, so expiry lands on the right tick.
    simulation.advance();
    for (const service of faults.pruneExpired()) logger.info({ service }, 'fault expired');
    for (const server of servers) {
      const mode = faults.faultAt(server.kind)?.mode;
      if (mode !== 'hung') server.releaseHung();
      if (mode === 'down' && server.listening) {
        await server.stop();
        logger.info({ service: server.kind }, 'service down');
      } else if (mode !== 'down' && !server.listening) {
        await server.start();
        logger.info({ service: server.kind, url: server.url }, 'service back up (restarted)');
      }
    }
    simulation.advance();
  };

  const controller: FaultController = {
    listFaults: () => faults.list(),
    setFault: (request: FaultRequest) =>
      serialized(async () => {
        simulation.advance();
        faults.set(request);
        logger.info({ ...request }, 'fault set');
        await reconcile();
        return faults.list().find((fault) => fault.service === request.service)!;
      }),
    clearFaults: (service?: ServiceKind) =>
      serialized(async () => {
        simulation.advance();
        const cleared = service ? (faults.clear(service) ? [service] : []) : faults.clearAll();
        if (cleared.length > 0) logger.info({ services: cleared }, 'faults cleared');
        await reconcile();
        return cleared;
      }),
    services: () =>
      servers.map((server) => {
        const fault = faults.list().find((f) => f.service === server.kind);
        return { service_name: server.kind, url: server.url, dialect: server.dialect, ...(fault && { fault }) };
      }),
  };

  const started: ServiceServer[] = [];
  let control: Awaited<ReturnType<typeof startControlApi>> | undefined;
  try {
    for (const server of servers) {
      await server.start();
      started.push(server);
    }
    control = await startControlApi({
      host,
      port: options.controlPort ?? DEFAULT_PORTS.simulatorControl,
      controller,
      logger,
      ...(jwt && { auth: { issuer: jwt, ...(jwtOptions?.grafanaUrl && { grafanaUrl: jwtOptions.grafanaUrl }) } }),
    });
  } catch (err) {
    await Promise.all(started.map((server) => server.stop()));
    await feed?.stop();
    throw err;
  }

  const timer = setInterval(() => {
    serialized(reconcile).catch((err: unknown) => logger.error({ err }, 'fault reconcile failed'));
  }, RECONCILE_INTERVAL_MS);
  timer.unref();

  const controlApi = control;
  logger.info(
    { seed, control: controlApi.url, services: servers.map((s) => s.url), dialects: servers.map((s) => s.dialect) },
    'AlphaPulse emulator started',
  );
  let stopping: Promise<void> | undefined;
  return {
    services: servers.map((server) => ({ name: server.kind, url: server.url, dialect: server.dialect })),
    controlUrl: controlApi.url,
    ...(jwt && { jwt }),
    simulation,
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        clearInterval(timer);
        await queue;
        await Promise.all([controlApi.stop(), ...servers.map((server) => server.stop()), feed?.stop()]);
        logger.info('AlphaPulse emulator stopped');
      })();
      return stopping;
    },
  };
}

if (require.main === module) {
  const env = process.env;
  const logger = pino({ name: 'alphapulse-emulator' });
  const fail = (err: Error) => {
    logger.error(err.message);
    process.exit(1);
  };
  Promise.resolve()
    .then(() =>
      startEmulator({
        logger,
        ...(env.EMULATOR_HOST && { host: env.EMULATOR_HOST }),
        ...(env.EMULATOR_BASE_PORT && { basePort: Number(env.EMULATOR_BASE_PORT) }),
        ...(env.EMULATOR_CONTROL_PORT && { controlPort: Number(env.EMULATOR_CONTROL_PORT) }),
        ...(env.EMULATOR_SEED && { seed: Number(env.EMULATOR_SEED) }),
        ...(env.EMULATOR_DATABASE_URL && { database: { url: env.EMULATOR_DATABASE_URL } }),
        ...parseDialectOptions(env.EMULATOR_DIALECT, env.EMULATOR_SERVICE_DIALECTS),
        jwt:
          env.EMULATOR_JWT === 'off'
            ? false
            : {
                ...(env.EMULATOR_JWT_KEY_FILE && { keyFile: env.EMULATOR_JWT_KEY_FILE }),
                ...(env.EMULATOR_JWT_JWKS_FILE && { jwksFile: env.EMULATOR_JWT_JWKS_FILE }),
                ...(env.EMULATOR_JWT_ISSUER && { issuer: env.EMULATOR_JWT_ISSUER }),
                ...(env.EMULATOR_JWT_AUDIENCE && { audience: env.EMULATOR_JWT_AUDIENCE }),
                ...(env.EMULATOR_JWT_TTL_SECONDS && { ttlSeconds: Number(env.EMULATOR_JWT_TTL_SECONDS) }),
                ...(env.GRAFANA_URL && { grafanaUrl: env.GRAFANA_URL }),
              },
      }),
    )
    .then((emulator) => {
      const shutdown = () => void emulator.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    }, fail);
}
