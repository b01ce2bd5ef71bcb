import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorCode } from '../../../shared/errors';
import type { AssertionResult, ConsoleLevel } from '../../../shared/model/run';
import type { PostmanRequestJson } from '../../../shared/interop/postman/types';
import { bootSnapshot, type BootSnapshot } from './boot-snapshot';
import { postmanUrlText } from '../../../shared/interop/postman/url-text';

/** The four variable scopes a Postman script sees, as plain name → value maps. */
export interface ScriptScopes {
  environment: Record<string, string>;
  globals: Record<string, string>;
  collectionVariables: Record<string, string>;
  /** `pm.variables` locals of this run (Postman's `_variables`). */
  variables: Record<string, string>;
}

export interface ScriptResponse {
  code: number;
  status: string;
  headers: Array<{ key: string; value: string }>;
  body: string;
  responseTime: number;
}

export interface ScriptExecution {
  listen: 'prerequest' | 'test';
  script: string;
  scopes: ScriptScopes;
  request: PostmanRequestJson;
  response?: ScriptResponse;
  /** Iteration data (`pm.iterationData`). */
  data?: Record<string, string>;
  timeoutMs?: number;
}

export interface ScriptFailure {
  code: ErrorCode;
  message: string;
}

export interface ScriptOutcome {
  error?: ScriptFailure;
  tests: AssertionResult[];
  scopes: ScriptScopes;
  /** The request as the pre-request script left it (headers, URL or body it changed). */
  request?: PostmanRequestJson;
  /** The pre-request script called `pm.execution.skipRequest()`. */
  skipped: boolean;
  /** `postman.setNextRequest`: the next request's name, null to end the run, undefined when not called. */
  nextRequest?: string | null;
}

/** What a script may reach outside its process: the engine (pm.sendRequest) and the console. */
export interface ScriptBridge {
  sendRequest(request: PostmanRequestJson): Promise<ScriptResponse>;
  console(level: ConsoleLevel, message: string): void;
}

export interface ScriptSandboxOptions {
  /** Heap cap of the script process, in MB. */
  memoryMb?: number;
  /** Default time limit of one script, in ms. */
  timeoutMs?: number;
  /** Where script-child.cjs is (the built app keeps it next to its bundle). */
  childPath?: string;
  /**
   * A folder for the compiled boot code of the script process (V8's code cache), which takes
   * about 50 ms off each start; false for none. By default the user's cache folder.
   */
  cacheDir?: string | false;
  /**
   * script-child-snapshot.cjs, from which a snapshot of the booted process is made in the cache
   * folder (boot-snapshot.ts); false for none. By default the one beside childPath, if the build
   * put it there.
   */
  snapshotBuilder?: string | false;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MEMORY_MB = 96;
/** A script that overruns is first stopped by postman-sandbox; this is how long we then wait before killing. */
const KILL_GRACE_MS = 1_000;
const START_TIMEOUT_MS = 20_000;

interface Pending {
  id: string;
  resolve(outcome: ScriptOutcome): void;
  bridge: ScriptBridge;
  execution: ScriptExecution;
  timer?: NodeJS.Timeout;
}

/**
 * Runs Postman pre-request and test scripts in a child process of their own. postman-sandbox
 * gives them Postman's API faithfully but is not a security boundary, so the boundary is the
 * process: an empty environment, a heap cap, Node's permission model (no file reads beyond the
 * sandbox's own code, no writes, no child processes), no network but pm.sendRequest bridged
 * to the engine, and a kill when a script overruns. The backend carries on whatever a script does.
 */
export class ScriptSandbox {
  readonly #options: Required<Omit<ScriptSandboxOptions, 'childPath' | 'cacheDir' | 'snapshotBuilder'>> & { childPath: string; cacheDir: string | false; snapshotBuilder: string | false };
  #snapshot: BootSnapshot | undefined;
  /** How the last process started: from the boot snapshot, or booting postman-sandbox itself. */
  #startedFrom: 'snapshot' | 'boot' | undefined;
  #child: ChildProcess | undefined;
  /** A process still starting (warmUp): disposing must kill it too, or it keeps the host alive. */
  #starting: ChildProcess | undefined;
  #ready: Promise<ChildProcess> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #pending: Pending | undefined;
  #counter = 0;
  #disposed = false;

  constructor(options: ScriptSandboxOptions = {}) {
    const childPath = options.childPath ?? locateChild();
    this.#options = {
      memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      childPath,
      cacheDir: options.cacheDir ?? defaultCacheDir(),
      snapshotBuilder: options.snapshotBuilder ?? builderBeside(childPath),
    };
  }

  /** How the current (or last) script process started; for diagnostics and tests. */
  get startedFrom(): 'snapshot' | 'boot' | undefined {
    return this.#startedFrom;
  }

  /** Runs one script; scripts run one after another, like in Postman's runner. */
  run(execution: ScriptExecution, bridge: ScriptBridge): Promise<ScriptOutcome> {
    const next = this.#queue.then(() => this.#runNow(execution, bridge));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Starts the script process now, without running anything, so the first script does not wait
   * for it. A start that fails is reported by the first script that needs the process.
   */
  warmUp(): void {
    if (this.#disposed) return;
    this.#start().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#kill();
    // A process had to boot the slow way: the next one need not (the builder outlives this one).
    if (this.#startedFrom === 'boot') this.#snapshot?.build();
  }

  async #runNow(execution: ScriptExecution, bridge: ScriptBridge): Promise<ScriptOutcome> {
    if (this.#disposed) return failed(execution, { code: 'CANCELLED', message: 'The app is closing; the script did not run.' });
    if (execution.script.trim() === '') return { tests: [], scopes: execution.scopes, skipped: false };
    let child: ChildProcess;
    try {
      child = await this.#start();
    } catch (error) {
      return failed(execution, { code: 'SCRIPT_FAILED', message: `Scripts cannot run: ${error instanceof Error ? error.message : String(error)}` });
    }
    const timeoutMs = execution.timeoutMs ?? this.#options.timeoutMs;
    const id = `s${++this.#counter}`;
    return new Promise<ScriptOutcome>((resolve) => {
      const pending: Pending = { id, resolve, bridge, execution };
      this.#pending = pending;
      pending.timer = setTimeout(() => {
        this.#settle(failed(execution, timeoutFailure(execution, timeoutMs)));
        this.#kill();
      }, timeoutMs + KILL_GRACE_MS);
      child.send({ type: 'run', id, listen: execution.listen, script: execution.script, timeoutMs, context: toSandboxContext(execution) });
    });
  }

  #settle(outcome: ScriptOutcome): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  #start(): Promise<ChildProcess> {
    if (this.#ready) return this.#ready;
    const sandboxEntry = createRequire(import.meta.url).resolve('postman-sandbox');
    const { cacheDir, snapshotBuilder } = this.#options;
    if (this.#snapshot === undefined && cacheDir && snapshotBuilder) this.#snapshot = bootSnapshot({ builder: snapshotBuilder, cacheDir, sandboxEntry, v8Flags: this.#v8Flags() });
    const snapshot = this.#snapshot?.usable() ? this.#snapshot : undefined;
    const ready = this.#spawn(sandboxEntry, snapshot).catch((error: unknown) => {
      if (!snapshot || this.#disposed) throw error;
      // A snapshot this Node cannot start from (damaged, or made for other flags): boot as before.
      snapshot.discard();
      return this.#spawn(sandboxEntry, undefined);
    });
    this.#ready = ready;
    ready.catch(() => {
      if (this.#ready === ready) this.#ready = undefined;
    });
    return ready;
  }

  /** V8's flags for the script process, the same for a snapshot and the process started from it. */
  #v8Flags(): string[] {
    return [
      `--max-old-space-size=${this.#options.memoryMb}`,
      // Scripts are short: a small young generation and no optimising compiler cost them
      // nothing noticeable and save about 25 MiB of resident memory in this process, which a
      // CI run pays on every start.
      '--max-semi-space-size=1',
      '--lite-mode',
    ];
  }

  #spawn(sandboxEntry: string, snapshot: BootSnapshot | undefined): Promise<ChildProcess> {
    return new Promise<ChildProcess>((resolve, reject) => {
      const modulesDir = nodeModulesOf(sandboxEntry);
      const { cacheDir } = this.#options;
      const child = fork(this.#options.childPath, [sandboxEntry, cacheDir || ''], {
        // Nothing of the app's environment (keys in variables, tokens, paths) reaches scripts.
        env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
        execArgv: [
          ...this.#v8Flags(),
          ...(snapshot ? ['--snapshot-blob', snapshot.file] : []),
          // No --allow-worker: postman-sandbox's boot code runs in this process's main thread.
          permissionFlag(),
          `--allow-fs-read=${modulesDir}`,
          `--allow-fs-read=${this.#options.childPath}`,
          ...(cacheDir ? [`--allow-fs-read=${cacheDir}`] : []),
          '--no-warnings',
        ],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      this.#starting = child;
      let cacheTaken = false;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4_000) stderr += chunk.toString('utf8');
      });
      const startTimer = setTimeout(() => {
        reject(new Error('the script process did not start in time'));
        child.kill('SIGKILL');
      }, START_TIMEOUT_MS);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'cache') {
          // Taken only from a process that has not said ready, so no script has run in it yet.
          if (cacheDir && !cacheTaken && this.#child !== child) storeCodeCache(cacheDir, message.file, message.data);
          cacheTaken = true;
          return;
        }
        if (message.type === 'ready') {
          clearTimeout(startTimer);
          if (this.#starting === child) this.#starting = undefined;
          if (this.#disposed) {
            child.kill('SIGKILL');
            reject(new Error('the script sandbox was closed'));
            return;
          }
          this.#child = child;
          this.#startedFrom = snapshot ? 'snapshot' : 'boot';
          resolve(child);
          return;
        }
        this.#onMessage(child, message);
      });
      // 'close', not 'exit': it comes once stderr is read to its end, so V8's out-of-memory
      // message (how a script over its memory ends the process) is there to be recognised.
      child.on('close', (code, signal) => {
        clearTimeout(startTimer);
        // A process that was serving is gone: the next script starts another. (One that died
        // before it was ready rejects its start instead; #start then boots or lets the next try.)
        if (this.#child === child) {
          this.#child = undefined;
          this.#ready = undefined;
        }
        reject(new Error(`the script process stopped (${signal ?? `exit code ${code}`})${stderr ? `: ${firstLine(stderr)}` : ''}`));
        const pending = this.#pending;
        if (pending) {
          const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr);
          this.#settle(
            failed(pending.execution, outOfMemory
              ? memoryFailure(pending.execution, this.#options.memoryMb)
              : { code: 'SCRIPT_FAILED', message: `The ${label(pending.execution)} stopped its process (${signal ?? `exit code ${code}`}). The next script starts afresh.` }),
          );
        }
      });
      child.on('error', () => {
        // 'exit' follows and reports; an error here only means the process could not be signalled.
      });
    });
  }

  #onMessage(child: ChildProcess, message: ChildMessage): void {
    const pending = this.#pending;
    if (message.type === 'fatal') {
      if (pending) {
        this.#settle(failed(pending.execution, message.reason === 'memory' ? memoryFailure(pending.execution, this.#options.memoryMb) : { code: 'SCRIPT_FAILED', message: `The ${label(pending.execution)} could not run: ${message.message}` }));
      }
      this.#kill();
      return;
    }
    if (!pending || message.type === 'ready' || message.type === 'cache' || message.id !== pending.id) return;
    if (message.type === 'console') {
      pending.bridge.console(CONSOLE_LEVELS.has(message.level) ? message.level : 'log', String(message.message).slice(0, 10_000));
    } else if (message.type === 'send') {
      const sent: unknown = message.request;
      const request: PostmanRequestJson = plainObject(sent) ? { ...sent, url: postmanUrlText(sent.url as PostmanRequestJson['url']) } : { url: '' };
      pending.bridge.sendRequest(request).then(
        (response) => child.connected && child.send({ type: 'sent', id: message.id, eventId: message.eventId, response: toSandboxResponse(response) }),
        (error: unknown) => child.connected && child.send({ type: 'sent', id: message.id, eventId: message.eventId, error: error instanceof Error ? error.message : String(error) }),
      );
    } else if (message.type === 'done') {
      if (message.error && /not responding|execution timeout/i.test(message.error.message)) {
        // postman-sandbox gave up on the script itself; the script may still spin, so the process goes.
        this.#settle(failed(pending.execution, timeoutFailure(pending.execution, pending.execution.timeoutMs ?? this.#options.timeoutMs)));
        this.#kill();
        return;
      }
      this.#settle(readOutcome(pending.execution, message));
    }
  }

  #kill(): void {
    const child = this.#child;
    const starting = this.#starting;
    this.#child = undefined;
    this.#starting = undefined;
    this.#ready = undefined;
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (starting && starting.exitCode === null) starting.kill('SIGKILL');
  }
}

type ChildMessage =
  | { type: 'ready' }
  | { type: 'cache'; file: string; data: Uint8Array }
  | { type: 'fatal'; reason: string; message: string }
  | { type: 'console'; id: string; level: ConsoleLevel; message: string }
  | { type: 'send'; id: string; eventId: number; request: PostmanRequestJson }
  | {
      type: 'done';
      id: string;
      error?: { name: string; message: string };
      tests: Array<{ name: string; passed: boolean; skipped: boolean; message?: string }>;
      scopes: ScriptScopes;
      request?: PostmanRequestJson;
      skipped: boolean;
      nextRequest?: string | null;
    };

const CONSOLE_LEVELS = new Set<ConsoleLevel>(['log', 'info', 'warn', 'error']);

const plainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only the string values of a scope; anything else a message holds there is dropped. */
function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (plainObject(value)) for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') out[key] = entry;
  return out;
}

/**
 * A 'done' message read as data, field by field. Scripts run in the script process's own realm,
 * and a script can tamper with what that process's code sees (a getter on a prototype, a
 * replaced JSON); whatever the process then sends, the backend takes only the shapes it
 * expects, so no message can make it throw.
 */
function readOutcome(execution: ScriptExecution, message: Extract<ChildMessage, { type: 'done' }>): ScriptOutcome {
  const error = plainObject(message.error) ? message.error : undefined;
  const scopesSent: unknown = message.scopes;
  const scopes: Record<string, unknown> = plainObject(scopesSent) ? scopesSent : {};
  const tests = Array.isArray(message.tests) ? message.tests.filter(plainObject) : [];
  return {
    error: error ? { code: 'SCRIPT_FAILED', message: `The ${label(execution)} failed: ${String(error.name)}: ${String(error.message)}` } : undefined,
    tests: tests.map((t) => ({ name: String(t.name), passed: t.passed === true, skipped: t.skipped === true, ...(t.message ? { message: String(t.message) } : {}) })),
    scopes: { environment: stringsOf(scopes.environment), globals: stringsOf(scopes.globals), collectionVariables: stringsOf(scopes.collectionVariables), variables: stringsOf(scopes.variables) },
    request: plainObject(message.request) ? (message.request as PostmanRequestJson) : undefined,
    skipped: message.skipped === true,
    ...(message.nextRequest !== undefined ? { nextRequest: message.nextRequest === null ? null : String(message.nextRequest) } : {}),
  };
}

function label(execution: ScriptExecution): string {
  return execution.listen === 'prerequest' ? 'pre-request script' : 'test script';
}

function failed(execution: ScriptExecution, error: ScriptFailure): ScriptOutcome {
  return { error, tests: [], scopes: execution.scopes, skipped: false };
}

function timeoutFailure(execution: ScriptExecution, timeoutMs: number): ScriptFailure {
  return { code: 'TIMEOUT', message: `The ${label(execution)} ran longer than ${timeoutMs} ms and was stopped. Look for a loop that never ends, or raise the script time limit.` };
}

function memoryFailure(execution: ScriptExecution, memoryMb: number): ScriptFailure {
  return { code: 'TOO_LARGE', message: `The ${label(execution)} used more than the ${memoryMb} MB scripts may have and was stopped. Look for data that grows without end.` };
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((line) => line.trim() !== '')?.slice(0, 300) ?? '';
}

const asValues = (record: Record<string, string>) => Object.entries(record).map(([key, value]) => ({ key, value, type: 'any' }));

function toSandboxContext(execution: ScriptExecution) {
  return {
    environment: { values: asValues(execution.scopes.environment) },
    globals: { values: asValues(execution.scopes.globals) },
    collectionVariables: { values: asValues(execution.scopes.collectionVariables) },
    _variables: { values: asValues(execution.scopes.variables) },
    data: execution.data ?? {},
    request: execution.request,
    ...(execution.response ? { response: toSandboxResponse(execution.response) } : {}),
  };
}

function toSandboxResponse(response: ScriptResponse) {
  return {
    code: response.code,
    status: response.status,
    header: response.headers,
    body: response.body,
    responseTime: response.responseTime,
  };
}

/** Node 20 calls the permission model experimental; later versions (and Electron's Node) use --permission. */
function permissionFlag(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

function nodeModulesOf(file: string): string {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  return at >= 0 ? file.slice(0, at + marker.length - 1) : path.dirname(file);
}

/** Next to this module in the sources; next to the bundle (dist/electron/) in the built app. */
/** The snapshot builder the build puts beside the script process's file, if it is there. */
function builderBeside(childPath: string): string | false {
  const beside = path.join(path.dirname(childPath), 'script-child-snapshot.cjs');
  return fs.existsSync(beside) ? beside : false;
}

function locateChild(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'script-child.cjs'), path.join(here, 'scripts', 'script-child.cjs')];
  return candidates.find((file) => fs.existsSync(file)) ?? candidates[0]!;
}

/** Where the script process's code cache lives when nobody says: the user's own cache folder, never a shared one. */
function defaultCacheDir(): string {
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (process.env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'vipps-explorer', 'script-cache');
}

const CACHE_FILE = /^bootcode-[0-9a-f]{32}\.v8cache$/;
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Stores a code cache the script process made, for its next start. The name comes from the
 * process, so it is checked; the file starts with a SHA-256 of the payload, which the process
 * checks before use; it is written aside and renamed, so a reader never sees half a file. A
 * cache that cannot be written only means the next start compiles again.
 */
function storeCodeCache(dir: string, file: unknown, data: unknown): void {
  if (typeof file !== 'string' || !CACHE_FILE.test(file) || !(data instanceof Uint8Array) || data.length === 0 || data.length > MAX_CACHE_BYTES) return;
  const target = path.join(dir, file);
  const aside = `${target}.${process.pid}.${Date.now()}.tmp`;
  const payload = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const digest = createHash('sha256').update(payload).digest();
  fs.promises
    .mkdir(dir, { recursive: true, mode: 0o700 })
    .then(() => fs.promises.writeFile(aside, Buffer.concat([digest, payload]), { mode: 0o600 }))
    .then(() => fs.promises.rename(aside, target))
    .catch(() => fs.promises.rm(aside, { force: true }).catch(() => undefined));
}
