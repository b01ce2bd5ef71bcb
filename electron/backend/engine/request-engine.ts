import { randomUUID } from 'node:crypto';
import type { HeaderLine, HttpRequest, ResolvedRequest, SendResult } from '../../../shared/contract/requests';
import { parseJsonOrNull } from '../../../shared/json';
import type { RequestPayload } from '../../../shared/model/body';
import { redactUserinfo } from '../../../shared/url-userinfo';
import { scanVariables, type VariableScopes } from '../../../shared/variables';
import { ExplorerFailure, fail } from '../failure';
import { buildHistoryEntry, type RecordedExchange } from '../history/history-entry';
import type { HistoryStore } from '../history/history-store';
import type { KnownSecret } from '../history/redactor';
import type { SalesUnitProfile } from '../profiles/profile-document';
import type { ProfileService } from '../profiles/profile-service';
import type { SecretValues } from '../vault/secret-vault';
import { originOf, parseTargetUrl } from './endpoints';
import { asKnownSecrets, EngineRedaction, redactSent } from './engine-redaction';
import { ConnectionPools } from './http-exchange';
import { ProductionGuard } from './production-guard';
import { profileVariables } from './profile-variables';
import { describePayload, encodePayload, type EncodedPayload } from './request-payload';
import { fillRequest, maskSecret, planHeaders, requireKeys, type HeaderPlan, type OutgoingHeader } from './request-builder';
import { followRedirects } from './redirects';
import { checkSecretHosts, guardedSecretsOf } from './secret-hosts';
import { BodyIdleTimeout, DEFAULT_SPOOL_THRESHOLD, ResponseBodies, type TempFolderOptions } from './response-bodies';
import { shapeResponse } from './response-shape';
import { addTimings } from './timings';
import { fetchAccessToken } from './token-fetcher';
import { parseTokenResponse, TokenManager } from './token-manager';
import { transportFailure, type AbortReason } from './transport-errors';

export interface RequestEngineOptions {
  profiles: ProfileService;
  history: HistoryStore;
  /** Where large bodies go: a private folder made on first need, removed on dispose (or on the next start after a crash). */
  temp: TempFolderOptions;
  spoolThresholdBytes?: number;
  /** The most a multipart or binary body may weigh (default 50 MB). */
  uploadLimitBytes?: number;
  now?: () => number;
  /** Told of every answer (method, URL, body as sent; status and body text), e.g. to learn which payments exist. */
  onAnswer?: (exchange: { method: string; url: string; body: string; status: number; responseBody: string }) => void;
}

/** The scopes a caller fills `{{variables}}` from; the chosen profile's own variables are added by the engine. */
export type SendVariables = Omit<VariableScopes, 'profile'>;

export interface SendInput {
  request: HttpRequest;
  /** The profile (environment) to send with. Chosen by the caller: the engine never assumes the active one. */
  profileId: string;
  /** Record the exchange in the history (the app does; a CLI run may not). */
  recordHistory: boolean;
  variables?: SendVariables;
  requestId?: string;
  runId?: string;
  confirmProduction?: boolean;
  label?: string;
  /**
   * Hand back the answer as it came, tokens included. Only for callers inside the backend (the
   * runner's scripts and extractions need the real access_token of a token call); the contract's
   * sendRequest input cannot set it, so the renderer still only sees redacted answers.
   */
  unredactedResponse?: boolean;
  /**
   * Values the caller filled in from the keychain (a collection's or folder's secret variables):
   * the history, the answer and any error redact them like keys. Backend callers only.
   */
  knownSecrets?: KnownSecret[];
}

interface RunningRequest {
  controller: AbortController;
  reason?: AbortReason;
}

interface Prepared {
  profile: SalesUnitProfile;
  method: HttpRequest['method'];
  url: URL;
  /** The filled URL as typed, shown by a preview even when it is not a valid URL yet. */
  urlText: string;
  /** `url` is `urlText` parsed (always so for a send); otherwise a stand-in for a preview. */
  urlParsed: boolean;
  body: string;
  /** A multipart or binary body: described until it is built at send time, then its bytes. */
  payload?: { filled: RequestPayload; encoded?: EncodedPayload };
  userHeaders: HeaderLine[];
  toProfileHost: boolean;
  profileOrigin: string | undefined;
  unresolved: string[];
}

/**
 * Sends requests for the active profile: fills variables, adds the automatic headers, fetches
 * and renews the token, follows redirects without carrying credentials to other hosts, keeps
 * large bodies on disk, and records each send in the history with secrets redacted.
 */
export class RequestEngine {
  readonly tokens: TokenManager;
  readonly bodies: ResponseBodies;
  readonly #options: RequestEngineOptions;
  readonly #pools = new ConnectionPools();
  readonly #guard = new ProductionGuard();
  readonly #running = new Map<string, RunningRequest>();
  readonly #redaction: EngineRedaction;

  constructor(options: RequestEngineOptions) {
    this.#options = options;
    this.bodies = new ResponseBodies(options.temp);
    const now = () => options.now?.() ?? Date.now();
    this.tokens = new TokenManager({
      now,
      fetch: (profileId) => fetchAccessToken({ profiles: options.profiles, profileId, pools: this.#pools, bodies: this.bodies, now }),
    });
    this.#redaction = new EngineRedaction(options.profiles, this.tokens);
  }

  async preview(request: HttpRequest, variables: SendVariables | undefined, profileId: string): Promise<ResolvedRequest> {
    const secretVariables = await this.#redaction.secretVariables(profileId);
    // A preview shows where a secret goes, never the secret: each is filled with its mask.
    const masked = Object.fromEntries(Object.entries(secretVariables).map(([name, value]) => [name, maskSecret(value)]));
    const prepared = this.#prepare(request, variables, profileId, false, masked);
    let secrets: SecretValues = {};
    try {
      secrets = await this.#options.profiles.secretsOf(prepared.profile);
    } catch {
      // The preview still shows which headers will be added; the send reports the keychain problem.
    }
    const cached = this.tokens.cached(prepared.profile.id);
    const plan = this.#plan(prepared, request, {
      clientId: maskSecret(secrets.client_id),
      clientSecret: maskSecret(secrets.client_secret),
      subscriptionKey: maskSecret(secrets.subscription_key),
      token: cached ? maskSecret(cached.value) : '«fetched when sent»',
    });
    const secretNames = new Set(Object.keys(secretVariables));
    const usesSecret = (name: string) => request.headers.some((h) => h.enabled && h.name.toLowerCase() === name.toLowerCase() && scanVariables(h.value).some((v) => secretNames.has(v.name)));
    return this.#shown(prepared, plan.headers.map((h) => (!h.auto && !h.secret && usesSecret(h.name) ? { ...h, secret: true } : h)));
  }

  async send(input: SendInput, callerSignal?: AbortSignal): Promise<SendResult> {
    const secretVariables = await this.#redaction.secretVariables(input.profileId);
    const knownSecrets: KnownSecret[] = [...(input.knownSecrets ?? []), ...asKnownSecrets(secretVariables)];
    const prepared = this.#prepare(input.request, input.variables, input.profileId, true, secretVariables);
    if (prepared.payload) await this.#encode(prepared);
    const { profile, url, method } = prepared;
    const requestId = input.requestId ?? randomUUID();
    if (this.#running.has(requestId)) fail('CONFLICT', 'A request with this id is still running. Wait for it or cancel it first.');
    // One key for every attempt of this send: a retry after a 401 is the same operation.
    const idempotencyKey = randomUUID();
    const draft = this.#plan(prepared, input.request, {}, idempotencyKey);
    this.#guard.check({ profile, method, toProfileHost: prepared.toProfileHost, tokenEndpoint: draft.tokenEndpoint, runId: input.runId, confirmed: input.confirmProduction === true, url: url.href, body: prepared.body });

    const state: RunningRequest = { controller: new AbortController() };
    this.#running.set(requestId, state);
    const onCallerGone = () => this.cancel(requestId);
    callerSignal?.addEventListener('abort', onCallerGone, { once: true });
    const timeoutMs = input.request.options.timeoutMs;
    const timer = setTimeout(() => this.#abort(requestId, 'timeout'), timeoutMs);
    const record: RecordedExchange = {
      profileId: profile.id,
      profileName: profile.name,
      runId: input.runId,
      label: input.label,
      time: new Date(this.tokens.now()),
      request: { method, url: url.href, headers: draft.headers, body: shownBody(prepared) },
    };
    let secrets: SecretValues = {};
    try {
      // Keys are read even for a request that needs none, so the history can redact them if they turn up.
      secrets = await this.#options.profiles.secretsOf(profile).catch((error: unknown) => {
        if (draft.needs.length > 0) throw error;
        return {};
      });
      requireKeys(profile, secrets, draft.needs);
      // Every hop is held to the secrets' allowed hosts, a script's pm.sendRequest included: all of them come through here.
      const guarded = guardedSecretsOf(profile, this.#options.profiles.baseUrlOf(profile), secrets, secretVariables);
      const checkHop = (hop: { url: URL; headers: OutgoingHeader[]; body: string | Buffer }) => checkSecretHosts(hop, guarded, profile.name);
      const attempt = async (renewToken: boolean) => {
        // A run's requests nearly always find the token held and fresh: taken as it is, no wait set up.
        const held = renewToken ? undefined : this.tokens.fresh(profile.id)?.value;
        const token = draft.needs.includes('token') ? (held ?? (await this.#token(profile.id, renewToken, state.controller.signal))) : undefined;
        const credentials = { clientId: secrets.client_id, clientSecret: secrets.client_secret, subscriptionKey: secrets.subscription_key, token };
        const plan = this.#plan(prepared, input.request, credentials, idempotencyKey);
        record.request.headers = plan.headers;
        const outcome = await followRedirects({ method, url, headers: plan.headers, body: prepared.payload?.encoded?.bytes ?? prepared.body }, input.request.options, prepared.profileOrigin, state.controller.signal, this.#pools, checkHop);
        return { plan, outcome };
      };
      let { plan, outcome } = await attempt(false);
      let retried = false;
      if (outcome.response.status === 401 && plan.usesProfileToken && outcome.credentialsKept) {
        // The token may have been revoked or expired early: one fresh token, one more try, never a loop.
        outcome.response.stream.destroy();
        outcome.response.timings.finish();
        const spent = addTimings(outcome.earlier, outcome.response.timings.result());
        ({ plan, outcome } = await attempt(true));
        outcome.earlier = addTimings(spent, outcome.earlier);
        retried = true;
      }
      // The answer has started: from here a long download is fine as long as data keeps coming.
      clearTimeout(timer);
      const collected = await this.bodies.collect(outcome.response.stream, {
        thresholdBytes: this.#options.spoolThresholdBytes ?? DEFAULT_SPOOL_THRESHOLD,
        headBytes: this.#options.history.limits.bodyCap * 4 + 16_384,
        idleTimeoutMs: timeoutMs,
        signal: state.controller.signal,
      });
      outcome.response.timings.finish();
      if (plan.tokenEndpoint && outcome.response.status === 200 && collected.kind === 'memory') {
        // The user fetched a token by hand (quick-start step 1): later requests use it.
        const token = parseTokenResponse(parseJsonOrNull(collected.bytes.toString('utf8')) ?? undefined, this.tokens.now());
        if (token) this.tokens.adopt(profile.id, token);
      }
      const redactor = this.#redaction.redactor(secrets, knownSecrets);
      // What was sent is shown, never the secret variables filled into it.
      const sent = redactSent(this.#shown(prepared, maskHeaders(plan.headers)), redactor);
      const shaped = shapeResponse({ outcome, collected, redactor, redactResult: input.unredactedResponse !== true, requestId, retried, sent });
      shaped.result.redirects = shaped.result.redirects.map((hop) => ({ ...hop, from: redactor.text(hop.from), to: redactor.text(hop.to) }));
      record.response = shaped.recorded;
      this.#options.onAnswer?.({ method, url: url.href, body: prepared.body, status: shaped.recorded.status, responseBody: shaped.recorded.bodyText });
      record.timings = shaped.result.timings;
      if (shaped.result.body.kind === 'file' && input.knownSecrets?.length) this.#redaction.rememberBody(shaped.result.body.responseId, input.knownSecrets);
      const historyId = input.recordHistory ? this.#record(record, secrets, knownSecrets) : undefined;
      return historyId ? { ...shaped.result, historyId } : shaped.result;
    } catch (error) {
      const failure = state.reason
        ? transportFailure(undefined, url.host, state.reason, timeoutMs)
        : error instanceof BodyIdleTimeout
          ? transportFailure(undefined, url.host, 'timeout', timeoutMs)
          : transportFailure(error, url.host, undefined, timeoutMs);
      record.error = { code: failure.code, message: failure.message };
      if (input.recordHistory) this.#record(record, secrets, knownSecrets);
      throw new ExplorerFailure(failure.code, this.#redaction.redactor(secrets, knownSecrets).text(failure.message), failure.issues);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerGone);
      this.#running.delete(requestId);
    }
  }

  cancel(requestId: string): boolean {
    return this.#abort(requestId, 'cancelled');
  }

  /** An answer the runner got unredacted, made fit for the window: keys, tokens and the given secrets replaced. */
  redactForWindow(result: SendResult, profileId: string, extra: KnownSecret[]): Promise<SendResult> {
    return this.#redaction.result(result, profileId, extra);
  }

  dispose(): void {
    for (const id of [...this.#running.keys()]) this.cancel(id);
    this.#pools.destroy();
    this.bodies.dispose();
  }

  #abort(requestId: string, reason: AbortReason): boolean {
    const state = this.#running.get(requestId);
    if (!state || state.controller.signal.aborted) return false;
    state.reason = reason;
    state.controller.abort();
    return true;
  }

  /** Waits for the shared token fetch, but lets this request's own cancel or timeout end the wait. */
  #token(profileId: string, renew: boolean, signal: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(new Error('aborted'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.tokens.get(profileId, renew).then(
        (token) => {
          signal.removeEventListener('abort', onAbort);
          resolve(token.value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  async readPage(responseId: string, offset: number, length: number, options: { unredacted?: boolean } = {}) {
    const page = await this.bodies.readPage(responseId, offset, length);
    if (options.unredacted) return page;
    return { ...page, text: await this.#redaction.page(responseId, page.text) };
  }

  #record(record: RecordedExchange, secrets: SecretValues, extra: KnownSecret[]): string {
    const entry = buildHistoryEntry(record, this.#redaction.redactor(secrets, extra), this.#options.history.limits.bodyCap);
    this.#options.history.add(entry);
    return entry.id;
  }

  #prepare(request: HttpRequest, variables: SendVariables | undefined, profileId: string, strict: boolean, secretVariables: Record<string, string>): Prepared {
    const { profiles } = this.#options;
    const profile = profiles.get(profileId);
    const baseUrl = profiles.baseUrlOf(profile);
    // baseUrl and msn stay the profile's own: a secret variable cannot repoint them.
    const own = profileVariables(profiles, profile);
    // Without secret variables the profile's own (built once, frozen) are the profile scope as they are.
    const profileScope = Object.keys(secretVariables).length === 0 ? own : { ...secretVariables, ...own, baseUrl: own.baseUrl!, msn: own.msn! };
    const scopes: VariableScopes = { ...variables, profile: profileScope };
    const filled = fillRequest(request, scopes, new Date(this.tokens.now()));
    if (strict && filled.unresolved.length > 0) {
      const names = filled.unresolved.map((name) => `{{${name}}}`).join(', ');
      fail('UNRESOLVED_VARIABLE', `${names} ${filled.unresolved.length > 1 ? 'have' : 'has'} no value. Define it in the collection or profile variables, or extract it from an earlier step, then send again.`);
    }
    if (!baseUrl && profile.environment === 'sandbox' && request.url.includes('baseUrl')) {
      fail('NETWORK', 'The embedded sandbox is not running, so the Sandbox profile has nowhere to send to. Restart Vipps Explorer.');
    }
    const parsed = strict ? parseTargetUrl(filled.url) : tryUrl(filled.url);
    const url = parsed ?? new URL('http://invalid.invalid/');
    const profileOrigin = originOf(baseUrl);
    const payload = filled.payload ? { filled: filled.payload } : undefined;
    return { profile, method: filled.method, url, urlText: filled.url, urlParsed: parsed !== undefined, body: filled.body, payload, userHeaders: filled.headers, toProfileHost: profileOrigin !== undefined && url.origin === profileOrigin, profileOrigin, unresolved: filled.unresolved };
  }

  /** Reads the files and builds the body; a multipart Content-Type the user typed gets its boundary. */
  async #encode(prepared: Prepared): Promise<void> {
    const typed = prepared.userHeaders.find((h) => h.name.toLowerCase() === 'content-type');
    const encoded = await encodePayload(prepared.payload!.filled, typed?.value, this.#options.uploadLimitBytes);
    prepared.payload!.encoded = encoded;
    if (typed) prepared.userHeaders = prepared.userHeaders.map((h) => (h === typed ? { ...h, value: encoded.contentType } : h));
  }

  #plan(prepared: Prepared, request: HttpRequest, credentials: Parameters<typeof planHeaders>[0]['credentials'], idempotencyKey?: string): HeaderPlan {
    // A send passes its one key for every attempt; only a preview draws a key of its own.
    return planHeaders({ method: prepared.method, url: prepared.url, userHeaders: prepared.userHeaders, body: prepared.body, contentType: impliedContentType(prepared), profile: prepared.profile, toProfileHost: prepared.toProfileHost, auth: request.options.auth, credentials, idempotencyKey: idempotencyKey ?? randomUUID() });
  }

  #shown(prepared: Prepared, headers: OutgoingHeader[]): ResolvedRequest {
    return {
      method: prepared.method,
      url: redactUserinfo(prepared.urlParsed ? prepared.url.href : prepared.urlText),
      headers: headers.map(({ name, value, auto, secret }) => ({ name, value, auto, secret })),
      body: shownBody(prepared),
      unresolved: prepared.unresolved,
      toProfileHost: prepared.toProfileHost,
    };
  }
}

function shownBody(prepared: Prepared): string {
  if (!prepared.payload) return prepared.body;
  return prepared.payload.encoded?.summary ?? describePayload(prepared.payload.filled);
}

function impliedContentType(prepared: Prepared): string | undefined {
  const payload = prepared.payload;
  if (!payload) return undefined;
  if (payload.encoded) return payload.encoded.contentType;
  return payload.filled.mode === 'multipart' ? 'multipart/form-data; boundary=«chosen when sent»' : (payload.filled.contentType ?? 'application/octet-stream');
}

function maskHeaders(headers: OutgoingHeader[]): OutgoingHeader[] {
  return headers.map((h) => (h.secret ? { ...h, value: h.name === 'Authorization' ? `Bearer ${maskSecret(h.value.replace(/^Bearer /, ''))}` : maskSecret(h.value) } : h));
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}


