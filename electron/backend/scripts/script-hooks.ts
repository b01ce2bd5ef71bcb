import { requestFromPostman, requestToPostman } from '../../../shared/interop/postman/request';
import type { PostmanRequestJson } from '../../../shared/interop/postman/types';
import { isSecretName } from '../../../shared/interop/secrets';
import type { ApiRequest } from '../../../shared/model/request';
import { fail } from '../failure';
import type { AfterResponseContext, BeforeRequestContext, RunnerHooks, ScopeAccess, ScriptResponse as RunnerResponse, ScriptSource, VariableScope } from '../runner/hooks';
import type { ScriptBridge, ScriptOutcome, ScriptResponse, ScriptSandbox, ScriptScopes } from './script-sandbox';

/**
 * Plugs the script sandbox into the runner: each request's pre-request scripts (collection,
 * folders, then the request) run before it is sent, its test scripts after the answer, with
 * Postman's four scopes mapped onto the run's. Scripts see no key from the keychain: secret
 * variables are left out of what they get.
 *
 * Postman keeps `pm.environment.set` for the rest of the run (and beyond, in the app). Here an
 * environment is the profile, which scripts may not change, so what they set lives in the run:
 * every later request and script sees it, and nothing is written to disk.
 */
export function createScriptHooks(sandbox: ScriptSandbox): RunnerHooks {
  const runEnvironments = new Map<string, Map<string, string | undefined>>();
  const overlay = (runId: string) => {
    let values = runEnvironments.get(runId);
    if (!values) runEnvironments.set(runId, (values = new Map()));
    return values;
  };

  async function runChain(ctx: BeforeRequestContext | AfterResponseContext, listen: 'prerequest' | 'test', response: ScriptResponse | undefined): Promise<ScriptOutcome[]> {
    const outcomes: ScriptOutcome[] = [];
    for (const script of ctx.scripts) {
      if (ctx.signal.aborted) break;
      const scopes = scopesFor(ctx.variables, overlay(ctx.runId));
      const outcome = await sandbox.run(
        { listen, script: script.code, scopes, request: requestToPostman(ctx.request), ...(response ? { response } : {}) },
        bridge(ctx),
      );
      applyScopes(ctx.variables, overlay(ctx.runId), scopes, outcome.scopes);
      outcomes.push(outcome);
      if (outcome.error) {
        ctx.console('error', `${where(script)}: ${outcome.error.message}`);
        fail(outcome.error.code, outcome.error.message);
      }
      if (outcome.nextRequest !== undefined) ctx.setNextRequest(outcome.nextRequest);
      if (listen === 'prerequest' && 'skip' in ctx) {
        if (outcome.skipped) {
          ctx.skip();
          break;
        }
        if (outcome.request) applyRequestChanges(ctx.request, outcome.request);
      }
    }
    return outcomes;
  }

  return {
    prepare() {
      sandbox.warmUp();
    },
    async beforeRequest(ctx) {
      await runChain(ctx, 'prerequest', undefined);
    },
    async afterResponse(ctx) {
      // No answer: Postman runs no test script either; the failure already explains itself.
      if (!ctx.response) return;
      const outcomes = await runChain(ctx, 'test', toScriptResponse(ctx.response));
      for (const outcome of outcomes) for (const test of outcome.tests) ctx.addAssertion(test);
    },
    async runFinished(runId) {
      runEnvironments.delete(runId);
    },
  };
}

function where(script: ScriptSource): string {
  return script.level === 'request' ? 'the request’s script' : script.level === 'folder' ? `the script of folder ${script.path}` : 'the collection’s script';
}

function bridge(ctx: BeforeRequestContext | AfterResponseContext): ScriptBridge {
  return {
    console: (level, message) => ctx.console(level, message),
    async sendRequest(json: PostmanRequestJson) {
      const notes: string[] = [];
      const request: ApiRequest = requestFromPostman(json, { name: 'pm.sendRequest', notes });
      // The script's own request signs only as it says; the profile's keys are not added to it.
      if (request.auth.type === 'inherit') request.auth = { type: 'none' };
      return toScriptResponse(await ctx.sendRequest(request));
    },
  };
}

function toScriptResponse(response: RunnerResponse): ScriptResponse {
  return {
    code: response.status,
    status: response.statusText,
    headers: response.headers.map((h) => ({ key: h.name, value: h.value })),
    body: response.bodyText,
    responseTime: response.timeMs,
  };
}

/** What a script may read: every scope but the values of secret variables. */
function scopesFor(variables: ScopeAccess, environment: Map<string, string | undefined>): ScriptScopes {
  const visible = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([key]) => !isSecretName(key) || key === 'access_token'));
  const env = { ...variables.environment.toObject() };
  for (const [key, value] of environment) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return {
    environment: visible(env),
    globals: visible(variables.globals.toObject()),
    collectionVariables: visible(variables.collection.toObject()),
    variables: visible(variables.run.toObject()),
  };
}

/** Writes back what a script changed, scope by scope. */
function applyScopes(variables: ScopeAccess, environment: Map<string, string | undefined>, before: ScriptScopes, after: ScriptScopes): void {
  for (const [key, value] of changes(before.environment, after.environment)) {
    environment.set(key, value);
    // The engine fills {{name}} from the run's scope, so the value reaches later requests.
    if (value === undefined) variables.run.unset(key);
    else variables.run.set(key, value);
  }
  const write = (scope: VariableScope, key: string, value: string | undefined) => {
    if (value === undefined) scope.unset(key);
    else scope.set(key, value);
  };
  for (const [key, value] of changes(before.globals, after.globals)) write(variables.globals, key, value);
  for (const [key, value] of changes(before.collectionVariables, after.collectionVariables)) write(variables.collection, key, value);
  for (const [key, value] of changes(before.variables, after.variables)) write(variables.run, key, value);
}

function changes(before: Record<string, string>, after: Record<string, string>): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const [key, value] of Object.entries(after)) if (before[key] !== value) out.push([key, value]);
  for (const key of Object.keys(before)) if (!(key in after)) out.push([key, undefined]);
  return out;
}

/** A pre-request script may change the request (`pm.request.headers.add`…): the changed parts are taken over. */
function applyRequestChanges(request: ApiRequest, json: PostmanRequestJson): void {
  const notes: string[] = [];
  const before = requestFromPostman(requestToPostman(request), { name: request.name, notes });
  const after = requestFromPostman(json, { name: request.name, notes });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.headers, after.headers)) request.headers = after.headers;
  if (!same(before.url, after.url) || !same(before.params, after.params)) {
    request.url = after.url;
    request.params = after.params;
  }
  if (!same(before.method, after.method)) request.method = after.method;
  if (!same(before.body, after.body)) request.body = after.body;
}
