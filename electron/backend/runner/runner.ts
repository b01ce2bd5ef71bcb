import { randomUUID } from 'node:crypto';
import { HttpRequestSchema, type HttpRequest, type SendResult } from '../../../shared/contract/requests';
import { resolveAuth, toHttpRequest } from '../../../shared/model/convert';
import type { ApiRequest } from '../../../shared/model/request';
import type { AssertionResult, ConsoleLevel, ConsoleLine, RunOptions, RunRequestResult, RunSummary } from '../../../shared/model/run';
import type { ExplorerError } from '../../../shared/errors';
import type { EventBus } from '../events/event-bus';
import { ExplorerFailure, fail } from '../failure';
import type { KnownSecret } from '../history/redactor';
import { RunSecrets } from './run-secrets';
import type { RequestEngine } from '../engine/request-engine';
import { profileVariables } from '../engine/profile-variables';
import type { ProfileService } from '../profiles/profile-service';
import { applyExtractions } from './extractions';
import { ScriptFailure, type AfterResponseContext, type BeforeRequestContext, type RunnerHooks, type ScriptResponse, type ScriptSource } from './hooks';
import { RunScopes, type RequestScopes } from './run-scopes';
import type { PlannedRequest, RunSource } from './run-source';
import { addResult, emptySummary } from './run-summary';
import { ForeignScriptRequests } from './script-requests';
import { diagnoseMistake } from '../../../shared/vipps/mistakes';

/** A single send keeps at most this many script console lines for the editor. */
const SINGLE_CONSOLE_LINES = 200;

/** What #runOne collects when it serves a single send instead of a run. */
interface SingleSend {
  requestId: string | undefined;
  console: ConsoleLine[];
  secrets: KnownSecret[];
  sent?: SendResult;
}

/** The newest runs kept in memory for getRun and listRuns. */
const KEPT_RUNS = 20;
/** How much of a large response body scripts and extractions get to read. */
const BODY_READ_LIMIT = 8 * 1024 * 1024;

export interface RunnerOptions {
  engine: RequestEngine;
  profiles: ProfileService;
  events: EventBus;
  hooks?: RunnerHooks;
  now?: () => number;
}

/** What one request of a collection sent on its own (Send in an editor tab) gives back, answer unredacted. */
export interface SingleItemOutcome {
  result: RunRequestResult;
  /** The answer as it came; the caller redacts it before it leaves the backend. */
  sent: SendResult | undefined;
  console: ConsoleLine[];
  /** The collection's and folders' secret values that were filled in, for redaction. */
  secrets: KnownSecret[];
}

interface ActiveRun {
  summary: RunSummary;
  controller: AbortController;
  done: Promise<RunSummary>;
}

function toError(error: unknown): ExplorerError {
  if (error instanceof ExplorerFailure) return error.toValue();
  if (error instanceof ScriptFailure) return { code: 'SCRIPT_FAILED', message: error.message };
  return { code: 'INTERNAL', message: `The run failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
}

function hasScripts(item: PlannedRequest): boolean {
  const written = (scripts: { preRequest: string; test: string }) => scripts.preRequest.trim() !== '' || scripts.test.trim() !== '';
  return written(item.request.scripts) || item.chain.some((link) => written(link.settings.scripts));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs a request, a folder or a collection in order against one profile: variables flow from
 * one request to the next, each request gets a result, and every step is published as a typed
 * `run` event. The app's runner view, the quick start and the CLI all watch the same events.
 */
export class Runner {
  readonly #options: RunnerOptions;
  readonly #runs = new Map<string, ActiveRun>();
  /** Globals live for the session, as in Postman. */
  readonly #globals = new Map<string, string>();
  #hooks: RunnerHooks | undefined;

  constructor(options: RunnerOptions) {
    this.#options = options;
    this.#hooks = options.hooks;
  }

  /** The script sandbox plugs in here (interop); one set of hooks at a time. */
  setHooks(hooks: RunnerHooks | undefined): void {
    this.#hooks = hooks;
  }

  /**
   * A caller about to start a run with scripts says so early (the CLI, before it has read the
   * collection and fetched a token), so the script process starts alongside that work.
   */
  prepareScripts(): void {
    this.#hooks?.prepare?.();
  }

  start(options: RunOptions, source: RunSource): { runId: string; done: Promise<RunSummary> } {
    const profile = this.#options.profiles.get(options.profileId ?? this.#options.profiles.active().id);
    if (source.items.length === 0) fail('INVALID_INPUT', 'There is nothing to run here: the folder or collection holds no request that could be read.');
    const runId = randomUUID();
    const name = options.path ? (source.items.length === 1 && source.items[0]!.path === options.path ? source.items[0]!.request.name : `${source.name} / ${options.path}`) : source.name;
    const summary = emptySummary({ runId, collectionId: source.collectionId, path: options.path, name, profileId: profile.id, iterations: options.iterations, startedAt: new Date(this.#now()).toISOString() });
    const controller = new AbortController();
    const active: ActiveRun = { summary, controller, done: Promise.resolve(summary) };
    this.#runs.set(runId, active);
    this.#trim();
    // Started now, it is ready while the first request is filled, signed and sent; a run without scripts never starts it.
    if (source.items.some(hasScripts)) this.prepareScripts();
    this.#options.events.publish('run', { type: 'run-started', runId, collectionId: source.collectionId, name, profileId: profile.id, total: source.items.length, iterations: options.iterations });
    active.done = this.#execute(active, options, source).catch((error: unknown) => {
      // The loop reports its own failures; reaching here is a bug, but the run must still end.
      summary.outcome = 'stopped-on-failure';
      summary.finishedAt = new Date(this.#now()).toISOString();
      this.#options.events.publish('run', { type: 'console', runId, level: 'error', message: toError(error).message });
      this.#options.events.publish('run', { type: 'run-finished', runId, summary });
      return summary;
    });
    return { runId, done: active.done };
  }

  /**
   * Sends one request of a collection exactly as a run would (folder and collection variables
   * with their secrets, inherited auth, the chain's scripts), without a run of its own: no run
   * events, and the answer's body stays readable afterwards.
   */
  async runItem(input: { source: RunSource; item: PlannedRequest; profileId?: string; requestId?: string; confirmProduction?: boolean }, signal?: AbortSignal): Promise<SingleItemOutcome> {
    const profile = this.#options.profiles.get(input.profileId ?? this.#options.profiles.active().id);
    const runId = randomUUID();
    const options: RunOptions = { path: input.item.path, iterations: 1, delayMs: 0, stopOnFailure: false, variables: {}, recordHistory: true, confirmProduction: input.confirmProduction === true };
    const summary = emptySummary({ runId, collectionId: input.source.collectionId, path: input.item.path, name: input.item.request.name, profileId: profile.id, iterations: 1, startedAt: new Date(this.#now()).toISOString() });
    const single: SingleSend = { requestId: input.requestId, console: [], secrets: [] };
    try {
      const outcome = await this.#runOne({ summary, options, source: input.source, scopes: new RunScopes({}, this.#globals), secrets: new SecretCache(input.source), wires: new WireForms(), item: input.item, iteration: 0, index: 0, signal: signal ?? new AbortController().signal, single });
      return { result: outcome.result, sent: single.sent, console: single.console, secrets: single.secrets };
    } finally {
      await this.#hooks?.runFinished?.(runId).catch(() => undefined);
    }
  }

  cancel(runId: string): boolean {
    const run = this.#runs.get(runId);
    if (!run || run.summary.outcome !== 'running') return false;
    run.controller.abort();
    return true;
  }

  get(runId: string): RunSummary {
    const run = this.#runs.get(runId);
    if (!run) fail('NOT_FOUND', 'That run is not known any more: only the newest runs of this session are kept.');
    return run.summary;
  }

  /** Waits for a run to end (tests and the CLI). */
  finished(runId: string): Promise<RunSummary> {
    const run = this.#runs.get(runId);
    if (!run) fail('NOT_FOUND', 'That run is not known any more: only the newest runs of this session are kept.');
    return run.done;
  }

  list(): RunSummary[] {
    return [...this.#runs.values()].map((r) => r.summary).reverse();
  }

  dispose(): void {
    for (const run of this.#runs.values()) run.controller.abort();
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  #trim(): void {
    for (const [id, run] of this.#runs) {
      if (this.#runs.size <= KEPT_RUNS) break;
      if (run.summary.outcome !== 'running') this.#runs.delete(id);
    }
  }

  async #execute(active: ActiveRun, options: RunOptions, source: RunSource): Promise<RunSummary> {
    const { summary, controller } = active;
    const { events } = this.#options;
    const scopes = new RunScopes(options.variables, this.#globals);
    const started = this.#now();
    const secrets = new SecretCache(source);
    const wires = new WireForms();
    let outcome: RunSummary['outcome'] = 'completed';
    let first = true;
    run: for (let iteration = 0; iteration < options.iterations; iteration += 1) {
      const rows = options.iterationData;
      scopes.iterationData = rows && rows.length > 0 ? rows[iteration % rows.length]! : {};
      let index = 0;
      while (index < source.items.length) {
        if (controller.signal.aborted) {
          outcome = 'cancelled';
          break run;
        }
        if (!first && options.delayMs > 0) await sleep(options.delayMs, controller.signal);
        if (controller.signal.aborted) {
          outcome = 'cancelled';
          break run;
        }
        first = false;
        const item = source.items[index]!;
        events.publish('run', { type: 'request-started', runId: summary.runId, iteration, index, path: item.path, name: item.request.name, method: item.request.method });
        const { result, next, response } = await this.#runOne({ summary, options, source, scopes, secrets, wires, item, iteration, index, signal: controller.signal });
        summary.results.push(result);
        Object.assign(summary, addResult(summary, result));
        summary.totalTimeMs = this.#now() - started;
        events.publish('run', { type: 'request-finished', runId: summary.runId, result });
        await source.recordResult?.(result, response).catch(() => undefined);
        if (result.error?.code === 'CANCELLED' && controller.signal.aborted) {
          outcome = 'cancelled';
          break run;
        }
        if (!result.passed && options.stopOnFailure) {
          outcome = 'stopped-on-failure';
          break run;
        }
        if (next === null) break;
        if (next !== undefined) {
          const target = source.items.findIndex((candidate) => candidate.request.name === next || candidate.path === next);
          if (target < 0) {
            events.publish('run', { type: 'console', runId: summary.runId, level: 'warn', message: `setNextRequest("${next}") names no request of this run; the run goes on in order.` });
            index += 1;
          } else index = target;
        } else index += 1;
      }
    }
    summary.outcome = outcome;
    summary.finishedAt = new Date(this.#now()).toISOString();
    summary.totalTimeMs = this.#now() - started;
    events.publish('run', { type: 'run-finished', runId: summary.runId, summary });
    await this.#hooks?.runFinished?.(summary.runId).catch(() => undefined);
    return summary;
  }

  async #runOne(input: {
    summary: RunSummary;
    options: RunOptions;
    source: RunSource;
    scopes: RunScopes;
    secrets: SecretCache;
    wires: WireForms;
    item: PlannedRequest;
    iteration: number;
    index: number;
    signal: AbortSignal;
    single?: SingleSend;
  }): Promise<{ result: RunRequestResult; next: string | null | undefined; response: ScriptResponse | undefined }> {
    const { summary, options, source, item, iteration, index, signal, single, wires } = input;
    const { profiles, events } = this.#options;
    const profile = profiles.get(summary.profileId);
    const collectionVars = await input.secrets.variablesFor(item);
    single?.secrets.push(...collectionVars.secrets);
    const learned = await input.secrets.learnedFor(profile, (p) => profiles.secretsOf(p));
    for (const secret of collectionVars.secrets) learned.add(secret.label, secret.value);
    const setVariables = new Set<string>();
    // Marks every variable a script or extraction sets, so the result can name what flowed on; a key or token set is learned as a secret.
    const scoped = input.scopes.forRequest(collectionVars.values, profileVariables(profiles, profile), (key, value) => {
      setVariables.add(key);
      learned.learnFromVariable(key, value);
    });
    // Tokens from answers and values scripts set into key or token variables count as secrets too.
    const redactor = { text: (text: string) => learned.redact(text) };
    const known = () => [...collectionVars.secrets, ...learned.all()];
    const foreign = new ForeignScriptRequests(profiles.baseUrlOf(profile), redactor.text);
    const assertions: AssertionResult[] = [];
    let next: string | null | undefined;
    let skipped = false;
    let preflightFailed = false;
    // Scripts get a copy they may change for this send alone; without scripts nothing changes it, and
    // the planned request itself lets its wire form be validated once per run (WireForms).
    let request: ApiRequest = this.#hooks && hasScripts(item) ? structuredClone(item.request) : item.request;
    const scripts = (kind: 'preRequest' | 'test'): ScriptSource[] => [
      ...item.chain.map((link) => ({ level: link.path === '' ? ('collection' as const) : ('folder' as const), path: link.path, code: link.settings.scripts[kind] })),
      { level: 'request' as const, path: item.path, code: request.scripts[kind] },
    ].filter((s) => s.code.trim().length > 0);
    // What the scripts' hooks are handed; most requests of a run have no scripts, so it is made on first need.
    let made: Omit<BeforeRequestContext, 'request' | 'scripts' | 'skip'> | undefined;
    const base = () => (made ??= {
      runId: summary.runId,
      iteration,
      collectionId: source.collectionId,
      item: { path: item.path, name: item.request.name },
      variables: scoped,
      signal,
      console: (level: ConsoleLevel, message: string) => {
        const line = { level, message: redactor.text(String(message)).slice(0, 16_384) };
        if (single) {
          if (single.console.length < SINGLE_CONSOLE_LINES) single.console.push(line);
        } else events.publish('run', { type: 'console', runId: summary.runId, ...line });
      },
      sendRequest: (extra: ApiRequest) => this.#sendForScript(extra, item, scoped, summary, options, signal, known(), learned, foreign),
      setNextRequest: (target: string | null) => {
        next = target;
      },
    });
    const startedAt = this.#now();
    let result: SendResult | undefined;
    let error: ExplorerError | undefined;
    let response: ScriptResponse | undefined;
    try {
      if (this.#hooks?.beforeRequest && scripts('preRequest').length > 0) {
        const ctx: BeforeRequestContext = { ...base(), request, scripts: scripts('preRequest'), skip: () => void (skipped = true) };
        await this.#hooks.beforeRequest(ctx);
      }
      const prepared = skipped ? undefined : source.prepare?.(item.path, request, (name) => scoped.resolve(name));
      if (prepared && 'skip' in prepared) skipped = true;
      else if (prepared) {
        request = prepared.request;
        for (const issue of prepared.issues) assertions.push({ name: issue.name, passed: false, message: issue.reason, skipped: false });
        preflightFailed = prepared.issues.length > 0;
      }
      if (!skipped && !preflightFailed) {
        result = await this.#send(request, item, scoped, summary, options, signal, known(), single?.requestId, request === item.request ? wires : undefined);
        if (single) single.sent = result;
        response = await this.#scriptResponse(result, single !== undefined);
        learned.learnFromResponse(response.bodyText);
      }
    } catch (caught) {
      error = toError(caught);
    }
    if (response) {
      const kept: Record<string, string> = {};
      for (const { extraction, value } of applyExtractions(request.extractions, response)) {
        if (extraction.scope === 'collection') {
          scoped.collection.set(extraction.variable, value);
          kept[extraction.variable] = value;
        } else scoped.run.set(extraction.variable, value);
        setVariables.add(extraction.variable);
      }
      if (source.saveVariables && Object.keys(kept).length > 0) {
        await source.saveVariables(kept).catch((caught: unknown) => base().console('warn', `The collection's variables could not be saved: ${toError(caught).message}`));
      }
    }
    if (!skipped && !preflightFailed && this.#hooks?.afterResponse && scripts('test').length > 0) {
      const ctx: AfterResponseContext = {
        ...base(),
        request,
        scripts: scripts('test'),
        response,
        error: error ? { code: error.code, message: error.message } : undefined,
        addAssertion: (assertion) => assertions.push({ ...assertion, skipped: assertion.skipped ?? false }),
      };
      try {
        await this.#hooks.afterResponse(ctx);
      } catch (caught) {
        error ??= toError(caught);
      }
    }
    const hadTests = assertions.length > 0;
    const status = result?.status;
    // The answer's body is the unredacted one (scripts need it); the mistake's text never quotes it.
    const mistake = result && response ? diagnoseMistake({ method: result.sent.method, url: result.sent.url, headers: result.sent.headers, requestBody: result.sent.body, status: result.status, responseHeaders: result.headers, responseBody: response.bodyText }) : null;
    const answeredWell = status !== undefined && (hadTests || (status >= 200 && status < 400));
    const runResult: RunRequestResult = {
      iteration,
      index,
      path: item.path,
      name: request.name,
      method: request.method,
      url: redactor.text(result?.sent.url ?? request.url),
      ...(status !== undefined ? { status, statusText: result!.statusText } : {}),
      timeMs: result?.timings.total ?? this.#now() - startedAt,
      size: result?.size ?? 0,
      // A test may be named with a value it read (a token above all).
      assertions: assertions.map((a) => ({ ...a, name: redactor.text(a.name), ...(a.message !== undefined ? { message: redactor.text(a.message) } : {}) })),
      ...(error ? { error: { ...error, message: redactor.text(error.message) } } : {}),
      setVariables: [...setVariables],
      ...(result?.historyId ? { historyId: result.historyId } : {}),
      ...(mistake ? { hint: { title: mistake.title, fix: redactor.text(mistake.fix) } } : {}),
      ...(foreign.list() ? { foreignScriptRequests: foreign.list() } : {}),
      skipped,
      passed: skipped || (error === undefined && answeredWell && assertions.every((a) => a.passed || a.skipped)),
    };
    return { result: runResult, next, response };
  }

  /** `wires`: the request is the planned one, unchanged, so its validated wire form may be reused. */
  #send(request: ApiRequest, item: PlannedRequest, scoped: RequestScopes, summary: RunSummary, options: RunOptions, signal: AbortSignal, secrets: KnownSecret[], requestId?: string, wires?: WireForms): Promise<SendResult> {
    const wire = wires?.of(item) ?? this.#wire(request, item, scoped, wires);
    return this.#options.engine.send(
      {
        request: options.requestTimeoutMs ? { ...wire, options: { ...wire.options, timeoutMs: options.requestTimeoutMs } } : wire,
        profileId: summary.profileId,
        recordHistory: options.recordHistory,
        variables: scoped.engineScopes(),
        runId: summary.runId,
        confirmProduction: options.confirmProduction,
        label: request.name,
        knownSecrets: secrets,
        ...(requestId ? { requestId } : {}),
        // Scripts and extractions read the answer as it came (a token call's access_token above all);
        // nothing of it leaves the runner except through the redacted history and console.
        unredactedResponse: true,
      },
      signal,
    );
  }

  #wire(request: ApiRequest, item: PlannedRequest, scoped: RequestScopes, wires: WireForms | undefined): HttpRequest {
    const auth = resolveAuth([...item.chain.map((link) => link.settings.auth), request.auth]);
    const wire = HttpRequestSchema.parse(toHttpRequest(request, auth, (text) => scoped.fill(text)));
    // Basic auth is encoded with this request's variables filled in, so only the others are the same every time.
    if (wires && auth.type !== 'basic') wires.keep(item, wire);
    return wire;
  }

  async #sendForScript(request: ApiRequest, item: PlannedRequest, scoped: RequestScopes, summary: RunSummary, options: RunOptions, signal: AbortSignal, secrets: KnownSecret[], learned: RunSecrets, foreign: ForeignScriptRequests): Promise<ScriptResponse> {
    let result: SendResult;
    try {
      result = await this.#send(request, item, scoped, summary, options, signal, secrets);
    } catch (error) {
      foreign.failed(request.method, scoped.fill(request.url), error);
      throw error;
    }
    foreign.answered(result);
    const response = await this.#scriptResponse(result);
    learned.learnFromResponse(response.bodyText);
    return response;
  }

  /** `keepBody`: the editor pages through a large answer afterwards, so its file stays. */
  async #scriptResponse(result: SendResult, keepBody = false): Promise<ScriptResponse> {
    let bodyText: string;
    let bodyTruncated = false;
    if (result.body.kind === 'inline') {
      bodyText = result.body.encoding === 'utf8' ? result.body.text : '';
    } else {
      const page = await this.#options.engine.readPage(result.body.responseId, 0, Math.min(result.body.size, BODY_READ_LIMIT), { unredacted: true }).catch(() => undefined);
      bodyText = page?.text ?? '';
      bodyTruncated = !page?.done;
      // The runner keeps no body: the temporary file goes as soon as it has been read.
      if (!keepBody) this.#options.engine.bodies.release(result.body.responseId);
    }
    return { status: result.status, statusText: result.statusText, headers: result.headers, bodyText, bodyTruncated, timeMs: result.timings.total, size: result.size };
  }
}

/**
 * A planned request's wire form, validated once per run (issue 17: no repeated validation of what
 * was validated once). It is kept only for a request no script or preflight changed and whose
 * form does not depend on the variables (Basic auth does); frozen, as every send shares it.
 */
class WireForms {
  readonly #forms = new WeakMap<PlannedRequest, HttpRequest>();

  of(item: PlannedRequest): HttpRequest | undefined {
    return this.#forms.get(item);
  }

  keep(item: PlannedRequest, wire: HttpRequest): void {
    Object.freeze(wire.options);
    Object.freeze(wire.headers);
    for (const header of wire.headers) Object.freeze(header);
    this.#forms.set(item, Object.freeze(wire));
  }
}

/** A run reads each secret variable from the keychain once. */
class SecretCache {
  readonly #source: RunSource;
  readonly #values = new Map<string, string | undefined>();

  #learned: RunSecrets | null = null;

  constructor(source: RunSource) {
    this.#source = source;
  }

  /** One list per run: the profile's keys to start with, then what the run learns. */
  async learnedFor<P>(profile: P, secretsOf: (profile: P) => Promise<Partial<Record<string, string>>>): Promise<RunSecrets> {
    if (!this.#learned) {
      const keys = await secretsOf(profile).catch(() => ({}) as Partial<Record<string, string>>);
      this.#learned = new RunSecrets(Object.entries(keys).flatMap(([label, value]) => (value ? [{ label, value }] : [])));
    }
    return this.#learned;
  }

  async variablesFor(item: PlannedRequest): Promise<{ values: Record<string, string>; secrets: Array<{ label: string; value: string }> }> {
    const values: Record<string, string> = {};
    const secrets: Array<{ label: string; value: string }> = [];
    for (const link of item.chain) {
      for (const variable of link.settings.variables) {
        if (!variable.enabled) continue;
        if (!variable.secret) {
          values[variable.key] = variable.value;
          continue;
        }
        const account = `${link.path}\u0000${variable.key}`;
        if (!this.#values.has(account)) this.#values.set(account, await this.#source.secretValue(link.path, variable.key).catch(() => undefined));
        const value = this.#values.get(account);
        if (value !== undefined) {
          values[variable.key] = value;
          secrets.push({ label: variable.key, value });
        }
      }
    }
    return { values, secrets };
  }
}
