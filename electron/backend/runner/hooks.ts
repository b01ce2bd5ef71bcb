import type { ItemPath } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import type { AssertionResult, ConsoleLevel } from '../../../shared/model/run';

/**
 * How scripts plug into a run without touching the runner's loop. The runner calls
 * `beforeRequest` before each request is filled and sent, and `afterResponse` once its answer
 * (or failure) is known. The script sandbox (postman-sandbox, in its own process) implements
 * these; with no hooks, a run uses declarative extractions only.
 */
export interface RunnerHooks {
  beforeRequest?(ctx: BeforeRequestContext): Promise<void>;
  afterResponse?(ctx: AfterResponseContext): Promise<void>;
  /**
   * A run (or a caller about to start one) has requests with scripts: start what scripts need
   * now, so that it is ready by the first script instead of being started by it. Must not throw.
   */
  prepare?(): void;
  /** Called once when the run ends (to stop a script process, say). */
  runFinished?(runId: string): Promise<void>;
}

/** The scopes a script reads and writes, most specific first as Postman resolves them. */
export type ScopeName = 'run' | 'collection' | 'environment' | 'globals';

export interface VariableScope {
  get(key: string): string | undefined;
  has(key: string): boolean;
  /** Run and globals keep values for this session; collection values are also saved when the scope allows it. */
  set(key: string, value: string): void;
  unset(key: string): void;
  toObject(): Record<string, string>;
}

export interface ScopeAccess {
  readonly run: VariableScope;
  /** The request's folders' and collection's variables, merged (the nearest wins). */
  readonly collection: VariableScope;
  /** The profile's variables (baseUrl, msn, own variables); read-only keys are refused on set. */
  readonly environment: VariableScope;
  readonly globals: VariableScope;
  /** Looks a name up through every scope, as `{{name}}` would be filled. */
  resolve(key: string): string | undefined;
  /** Fills `{{name}}` in a text. */
  fill(text: string): string;
}

/** One script of the chain that applies to a request: collection first, then folders, then the request. */
export interface ScriptSource {
  level: 'collection' | 'folder' | 'request';
  /** '' for the collection. */
  path: ItemPath;
  code: string;
}

export interface ScriptResponse {
  status: number;
  statusText: string;
  headers: Array<{ name: string; value: string }>;
  /** The body as text (large bodies are cut at a bound and say so). */
  bodyText: string;
  bodyTruncated: boolean;
  timeMs: number;
  size: number;
}

interface HookContextBase {
  readonly runId: string;
  readonly iteration: number;
  readonly collectionId: string;
  readonly item: { path: ItemPath; name: string };
  readonly variables: ScopeAccess;
  /** Stops when the run is cancelled; long-running script work should listen to it. */
  readonly signal: AbortSignal;
  /** A line of script output, redacted before it leaves the backend as a `console` event. */
  console(level: ConsoleLevel, message: string): void;
  /** `pm.sendRequest`: a request of the script's own, sent through the engine (same profile, scope and history rules). */
  sendRequest(request: ApiRequest): Promise<ScriptResponse>;
  /** `postman.setNextRequest`: the next request by name or path, or null to end the run after this one. */
  setNextRequest(target: string | null): void;
}

export interface BeforeRequestContext extends HookContextBase {
  /** The request about to be sent; a pre-request script may change it in place. */
  request: ApiRequest;
  readonly scripts: ScriptSource[];
  /** `pm.execution.skipRequest()`: the request is not sent and counts as skipped. */
  skip(): void;
}

export interface AfterResponseContext extends HookContextBase {
  readonly request: ApiRequest;
  readonly scripts: ScriptSource[];
  /** Undefined when no answer came (see `error`). */
  readonly response: ScriptResponse | undefined;
  readonly error: { code: string; message: string } | undefined;
  /** A test's outcome (`pm.test`). */
  addAssertion(result: Omit<AssertionResult, 'skipped'> & { skipped?: boolean }): void;
}

export class ScriptFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptFailure';
  }
}
