import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { mergeFaults, resolveConfig, type FaultConfig, type FaultUpdate, type SalesUnit, type SandboxConfig, type SandboxConfigInput } from './config';
import type { ApiKind, Reply, RequestContext, SandboxDeps } from './context';
import { gatewayError, problemReply } from './errors';
import { decideFaults, delay } from './faults';
import { authorizeApiCall, authorizeTokenOnly } from './gateway';
import { readBody, sendReply } from './http-io';
import { answerClientError, drainAndClose, INTERNAL_ERROR, reportInternal } from './http-guards';
import { handleInspector, INSPECTOR_PREFIX, isInspectorPath, type SandboxControl } from './inspector';
import { StatePersister } from './persistence';
import { RequestLog, type RequestLogEntry } from './request-log';
import { matchRoute, routeList } from './router';
import { createSalesUnitRegistry } from './sales-units';
import { buildSnapshot, type SandboxSnapshot, type SnapshotPage } from './snapshot';
import { quote } from './text';
import { SandboxStore, type StoredImage } from './state';
import { TokenAuthority } from './auth';
import { Agenda } from './agenda';
import { SandboxClock } from './clock';
import { advanceClock } from './time-passes';
import { triggerEvent } from './triggers';
import { checkLoopbackUrl, type ForwardTarget } from './webhook-delivery';
import { WebhookDispatcher, type Schedule } from './webhook-delivery';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** Keep state across restarts in this folder. In memory only when absent. */
  dataDir?: string;
  /** Clock in epoch milliseconds; tests move it to expire tokens. */
  now?: () => number;
  /** 0 ≤ x < 1; tests fix it to make fault injection deterministic. */
  random?: () => number;
  config?: SandboxConfigInput;
  /** Runs webhook retries; tests pass one that runs at once instead of waiting. */
  schedule?: Schedule;
  /** Deliver every event of every sales unit here too, signed (like `stripe listen --forward-to`). */
  forwardTo?: string;
}

export interface RunningSandbox extends Omit<SandboxControl, 'describe'> {
  baseUrl: string;
  port: number;
  host: string;
  /** The built-in demo unit's keys, or null when the config turned it off. */
  demoKeys: Readonly<SalesUnit> | null;
  config: Readonly<SandboxConfig>;
  /** The secret `--forward-to` deliveries are signed with, or null without a forward target. */
  forwardSecret: string | null;
  /** Resolves once no webhook delivery is waiting or in flight. */
  webhooksIdle(): Promise<void>;
  /** Resolves once every change so far is saved (with dataDir). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

interface Outcome {
  reply: Reply;
  api: ApiKind | null;
  msn: string | null;
  fault: RequestLogEntry['fault'];
  close?: boolean;
  notes?: string[];
}

function notFound(method: string, path: string, allowed?: string[]): Reply {
  const hint = allowed && allowed.length > 0 ? ` This path takes ${allowed.join(' or ')}.` : ' Check the path against the API reference.';
  return gatewayError(404, `Resource not found: no API operation matches ${quote(method, 20)} ${quote(path)}.${hint}`);
}

async function handleApi(deps: SandboxDeps, req: IncomingMessage, method: string, path: string, query: string): Promise<Outcome> {
  const match = matchRoute(method, path);
  if (match.kind === 'none') return { reply: notFound(method, path), api: null, msn: null, fault: null };
  if (match.kind === 'wrong-method') return { reply: notFound(method, path, match.allowed), api: match.api, msn: null, fault: null };
  if (match.kind === 'bad-path') {
    return { reply: problemReply(match.api, path, { status: 400, title: 'Malformed path.', detail: 'A path segment is not valid percent-encoding.' }), api: match.api, msn: null, fault: null };
  }
  const api = match.route.api;
  const body = await readBody(req, deps.config.maxBodyBytes);
  if (!body.ok) {
    const tooLarge = body.reason === 'too-large';
    const detail = tooLarge ? `The body is larger than the sandbox's ${deps.config.maxBodyBytes} byte limit.` : 'The body is not valid UTF-8 text.';
    return { reply: problemReply(api, path, { status: tooLarge ? 413 : 400, title: 'The request body was refused.', detail }), api, msn: null, fault: null, close: body.reason !== 'not-utf8' };
  }
  const subscriptionKey = req.headers['ocp-apim-subscription-key'];
  deps.agenda.runDue();
  const faults = decideFaults(deps, api, path, typeof subscriptionKey === 'string' ? subscriptionKey : undefined);
  if (faults.delayMs > 0) await delay(faults.delayMs);
  const fault = faults.failure ? 'error' : faults.delayMs > 0 ? 'latency' : null;
  if (faults.failure) return { reply: faults.failure, api, msn: null, fault };

  const ctx: RequestContext = { deps, api, method, path, query: new URLSearchParams(query), params: match.params, headers: req.headers, bodyText: body.text, unit: null, notes: [] };
  const refused = api === 'token' ? null : api === 'userinfo' ? authorizeTokenOnly(ctx) : authorizeApiCall(ctx);
  const reply = refused ?? (await match.route.handler(ctx));
  return { reply, api, msn: ctx.unit?.msn ?? null, fault, notes: ctx.notes };
}

/** Builds the sandbox (state loaded, server created) without listening yet. */
export async function createSandbox(options: SandboxOptions = {}) {
  const config = resolveConfig(options.config);
  const clock = new SandboxClock(options.now ?? Date.now);
  const now = clock.now;
  let forward: ForwardTarget | null = null;
  if (options.forwardTo !== undefined) {
    const checked = checkLoopbackUrl(options.forwardTo);
    if (!checked.ok) throw new Error(`--forward-to: ${checked.reason}`);
    forward = { url: checked.url.toString(), secret: randomBytes(24).toString('base64url') };
  }
  const store = new SandboxStore(() => config.retentionPerSalesUnit);
  const notices: string[] = [];
  let tokenSecret = config.tokenSecret ?? randomBytes(32).toString('hex');
  const persister = options.dataDir ? new StatePersister(options.dataDir, store, now) : null;
  if (persister) {
    const loaded = await persister.load();
    notices.push(...loaded.notices);
    if (!config.tokenSecret && loaded.tokenSecret) tokenSecret = loaded.tokenSecret;
    await persister.attach(tokenSecret);
  }
  const units = createSalesUnitRegistry(config);
  let baseUrl = '';
  const webhooks = new WebhookDispatcher({ now, retryDelaysMs: () => config.webhookRetryDelaysMs, timeoutMs: () => config.webhookTimeoutMs, schedule: options.schedule, forwardTo: () => forward });
  const deps: SandboxDeps = {
    config,
    store,
    units,
    now,
    random: options.random ?? Math.random,
    tokens: new TokenAuthority(tokenSecret, now, () => config.tokenLifetimeSeconds),
    baseUrl: () => baseUrl,
    webhooks,
    clock,
    agenda: new Agenda(now, reportInternal),
  };
  const log = new RequestLog(config.requestLogSize);
  const startedAt = new Date(now()).toISOString();

  const control: SandboxControl = {
    inspect: (page?: SnapshotPage): SandboxSnapshot =>
      buildSnapshot(
        store,
        {
          baseUrl,
          startedAt,
          salesUnits: units.all().map(({ name, msn, clientId }) => ({ name, msn, clientId })),
          faults: config.faults,
          requestsSeen: log.total,
          notices,
          retentionPerSalesUnit: config.retentionPerSalesUnit,
        },
        page,
      ),
    requestLog: (limit) => log.list(limit),
    webhookDeliveries: (limit) => webhooks.deliveryLog(limit),
    webhooks: () => webhooks.list().map(({ secret: _secret, ...w }) => w),
    reset: () => {
      store.clear();
      log.clear();
      webhooks.clear();
      deps.agenda.clear();
      clock.reset();
    },
    clock: () => clock.state(),
    advanceClock: (ms: number) => advanceClock(deps, ms),
    freezeClock: () => clock.freeze(),
    resumeClock: () => clock.resume(),
    trigger: (msn: string, event: string) => triggerEvent(deps, msn, event),
    salesUnits: () => units.all(),
    setFaults: (update: FaultUpdate): FaultConfig => {
      config.faults = mergeFaults(config.faults, update);
      return config.faults;
    },
    image: (imageId, msn) => {
      const matches: StoredImage[] = [];
      for (const image of store.images.values()) {
        if (image.imageId === imageId && (msn === undefined || image.msn === msn)) matches.push(image);
      }
      return matches.length === 1 ? (matches[0] ?? null) : null;
    },
    describe: () => ({
      name: 'Vipps sandbox',
      baseUrl,
      inspector: `${baseUrl}${INSPECTOR_PREFIX}`,
      operations: routeList(),
      salesUnits: units.all().map(({ name, msn }) => ({ name, msn })),
    }),
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    const finish = (outcome: Outcome) => {
      try {
        sendReply(res, outcome.reply, outcome.close);
      } catch (error) {
        reportInternal(error);
        if (!res.headersSent) sendReply(res, INTERNAL_ERROR, true);
        else res.destroy();
      }
      if (outcome.close) drainAndClose(req);
      log.add({
        time: new Date(now()).toISOString(),
        method: method.slice(0, 20),
        path: path.slice(0, 300),
        status: outcome.reply.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        api: outcome.api,
        msn: outcome.msn,
        fault: outcome.fault,
        notes: outcome.notes ?? [],
      });
    };
    let work: Promise<Outcome>;
    try {
      work = isInspectorPath(path)
        ? Promise.resolve(readBody(req, config.maxBodyBytes)).then((body): Outcome => {
            if (!body.ok) return { reply: gatewayError(body.reason === 'too-large' ? 413 : 400, 'The request body was refused.'), api: null, msn: null, fault: null, close: true };
            return { reply: handleInspector(control, req, path, query, body.text), api: null, msn: null, fault: null };
          })
        : handleApi(deps, req, method, path, query);
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(finish, (error: unknown) => {
      reportInternal(error);
      finish({ reply: INTERNAL_ERROR, api: null, msn: null, fault: null });
    });
  };

  const server: Server = createServer(
    // Node checks these timeouts every 30 s by default; every second cuts a silent client off on time.
    { keepAliveTimeout: 65_000, headersTimeout: config.headersTimeoutMs, requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: 1000, maxHeaderSize: 32 * 1024 },
    onRequest,
  );
  server.on('clientError', answerClientError);
  return {
    server,
    control,
    deps,
    persister,
    forwardSecret: forward?.secret ?? null,
    setBaseUrl: (url: string) => {
      baseUrl = url;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        const friendly = new Error(`Port ${port} is already in use on ${host}. Choose another port, or 0 for a free one.`) as NodeJS.ErrnoException;
        friendly.code = 'EADDRINUSE';
        reject(friendly);
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Starts the sandbox on loopback and resolves once it accepts connections. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The sandbox only binds loopback addresses (127.0.0.1, localhost, ::1), not "${host}".`);
  const sandbox = await createSandbox(options);
  const address = await listen(sandbox.server, options.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${urlHost}:${address.port}`;
  sandbox.setBaseUrl(baseUrl);
  const { control, deps } = sandbox;
  let closing: Promise<void> | null = null;
  return {
    baseUrl,
    port: address.port,
    host,
    demoKeys: deps.config.includeDemoSalesUnit ? deps.units.all()[0] ?? null : null,
    config: deps.config,
    inspect: control.inspect,
    requestLog: control.requestLog,
    reset: control.reset,
    webhookDeliveries: control.webhookDeliveries,
    webhooks: control.webhooks,
    webhooksIdle: () => deps.webhooks.idle(),
    clock: control.clock,
    advanceClock: control.advanceClock,
    freezeClock: control.freezeClock,
    resumeClock: control.resumeClock,
    trigger: control.trigger,
    salesUnits: control.salesUnits,
    forwardSecret: sandbox.forwardSecret,
    flush: async () => {
      await sandbox.persister?.flush();
    },
    setFaults: control.setFaults,
    image: control.image,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        sandbox.server.close(() => resolve());
        sandbox.server.closeAllConnections();
      }).then(() => sandbox.persister?.close());
      return closing;
    },
  };
}
