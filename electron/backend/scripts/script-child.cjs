'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node itself: require is how it loads modules */
/*
 * The process that runs imported Postman scripts. It is started by script-sandbox.ts with an
 * empty environment, a heap cap and Node's permission model (read access to postman-sandbox's
 * own files and the code cache folder only, no child processes, no writes), and it is killed
 * when a script overruns.
 * postman-sandbox gives scripts Postman's API; this process is the isolation around it, since
 * postman-sandbox itself is not a security boundary.
 *
 * Plain CommonJS on purpose: it must start the same way from the sources (tests) and from the
 * built app, without a TypeScript loader whose files would need extra read permissions.
 *
 * Protocol (over the IPC channel, one execution at a time):
 *   parent → child  { type: 'run', id, listen, script, context, timeoutMs }
 *   child  → parent { type: 'cache', file, data } a fresh code cache of the boot code, before 'ready'
 *   child  → parent { type: 'ready' } once the sandbox context exists
 *   child  → parent { type: 'console', id, level, message }
 *   child  → parent { type: 'send', id, eventId, request }  (pm.sendRequest)
 *   parent → child  { type: 'sent', id, eventId, error, response }
 *   child  → parent { type: 'done', id, error, tests, scopes, request, skipped }
 *   child  → parent { type: 'fatal', reason, message } just before it exits
 */

// Two ways to run. Forked by script-sandbox.ts, this file boots postman-sandbox and serves
// scripts. Bundled into one file (script-child-snapshot.cjs) and given to
// `node --build-snapshot`, it boots the same way and Node then saves the whole booted heap;
// a process started from that snapshot skips the boot (about two thirds of its start) and only
// begins to serve. The boot is the same code either way; only when it runs differs.
const { startupSnapshot } = require('node:v8');
const building = startupSnapshot.isBuildingSnapshot();
const sandboxPath = process.argv[2];
// A folder of compiled boot code this process may read (script-sandbox.ts writes what we send it).
const cacheDir = building ? '' : process.argv[3] || '';
if (!sandboxPath || (!building && typeof process.send !== 'function')) {
  process.stderr.write('script-child: start me through script-sandbox.ts\n');
  process.exit(2);
}

const path = require('node:path');
const vm = require('node:vm');

// postman-sandbox's boot code runs in this thread's own global scope (no worker thread: a second
// isolate with a Node of its own cost about 25 MiB and a few tens of ms on every start). At boot
// it deletes every global that scripts must not have (process, timers, Buffer, require, even
// globalThis) from this very scope, the same way it does inside the worker uvm would start. So
// what this file needs later is taken now, before that happens, and kept in closures scripts
// cannot reach. Scripts then see exactly the globals they saw in the worker.
const host = Object.freeze({ global: globalThis, process, setTimeout, clearTimeout, setImmediate });
const hostGlobals = Object.getOwnPropertyNames(globalThis).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);

/**
 * Runs `fn` with the globals the boot code deleted put back, then deletes them again: uvm
 * clears its boot timer with the global clearTimeout once the boot code has run. Only while the
 * process boots (see `booting`), before any script has run: once a script could have left a
 * getter on a prototype that our code reads, nothing may ever run with those globals back.
 */
let booting = true;
function withHostGlobals(fn) {
  if (!booting) return fn();
  const g = host.global;
  const restored = [];
  for (const [name, descriptor] of hostGlobals) {
    if (!Object.prototype.hasOwnProperty.call(g, name)) {
      Object.defineProperty(g, name, descriptor);
      restored.push(name);
    }
  }
  try {
    return fn();
  } finally {
    for (const name of restored) delete g[name];
  }
}

// --- The boot code and its V8 code cache ---------------------------------------------------
// postman-sandbox's boot code is a 2 MB bundle that was compiled on every start (about 50 ms of
// a cold start). V8 can hand back what it compiled (cachedData) and take it again next time.
// This process cannot write files, so it sends a fresh cache to script-sandbox.ts, which stores
// it in a folder this process may read. The file name carries a hash of the boot code, the Node
// version and this process's flags, so a changed postman-sandbox or other flags never meet an
// old cache; the file starts with a SHA-256 of its payload, so a torn or damaged file is ignored
// (V8 checks versions and flags but not every byte); V8 itself rejects a cache that does not
// fit, and then a fresh one is made. Without a cache folder everything works, just slower.

/** The cache's payload if the file is there, whole and ours to read; otherwise nothing. */
function readCache(file) {
  try {
    const bytes = require('node:fs').readFileSync(file);
    const payload = bytes.subarray(32);
    const digest = require('node:crypto').createHash('sha256').update(payload).digest();
    return payload.length > 0 && digest.equals(bytes.subarray(0, 32)) ? payload : undefined;
  } catch {
    return undefined; // no cache yet, or one we may not read: compile as usual
  }
}

/**
 * The boot code's side of the channel uvm speaks. uvm's firmware runs here as it would in a
 * worker, with `require("worker_threads").parentPort` answered by this object; messages go
 * both ways on later turns of the event loop, as between threads, so neither side runs inside
 * the other's call.
 */
function createChannel(bootCache) {
  const toHost = new Map();
  const toBootCode = [];
  // Towards the boot code (and so towards scripts), never with the host's globals back.
  const deliver = (listeners, message) => host.setImmediate(() => listeners.slice().forEach((listener) => listener(message)));
  const bootSide = {
    postMessage: (message) => host.setImmediate(() => withHostGlobals(() => (toHost.get('message') || []).slice().forEach((listener) => listener(message)))),
    on(event, listener) {
      if (event === 'message') toBootCode.push(listener);
      return bootSide;
    },
  };
  function runBootCode(code) {
    const script = new vm.Script(code, { filename: 'postman-sandbox-bootcode.js', cachedData: bootCache.data });
    const fresh = !bootCache.data || script.cachedDataRejected;
    // V8 has taken what it needs; the 2 MB it was read from need not live on with the process.
    bootCache.data = undefined;
    // The boot code asks for Node's buffer module once, through a global require, and then
    // replaces that require with its own.
    host.global.require = (name) => {
      if (name === 'buffer') return require('node:buffer');
      throw new Error(`The script sandbox has no module ${name}.`);
    };
    const result = script.runInThisContext();
    // Made now, before uvm reports the boot done and so before any script has run here: a cache
    // is only ever taken from a process no script could have touched. After the run it also
    // holds the functions the boot code compiled lazily. (Only on a start without a cache.)
    if (fresh && bootCache.file) {
      try {
        send({ type: 'cache', file: bootCache.file, data: script.createCachedData() });
      } catch {
        // no cache this time
      }
    }
    return result;
  }
  const firmwareRequire = (name) => {
    if (name === 'vm') return { runInThisContext: runBootCode };
    if (name === 'worker_threads') return { parentPort: bootSide };
    throw new Error(`uvm's firmware asked for ${name}, which this process does not give it.`);
  };
  /** What uvm takes as its worker (its `_sandbox` option). */
  const hostSide = {
    postMessage(message) {
      if (message && typeof message.__init_uvm === 'string') {
        const firmware = message.__init_uvm;
        host.setImmediate(() => vm.runInThisContext(`(function (require) {${firmware}\n})`, { filename: 'uvm-firmware.js' })(firmwareRequire));
        return;
      }
      deliver(toBootCode, message);
    },
    on(event, listener) {
      if (!toHost.has(event)) toHost.set(event, []);
      toHost.get(event).push(listener);
      return hostSide;
    },
    off(event, listener) {
      const listeners = toHost.get(event) || [];
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
      return hostSide;
    },
    terminate: () => Promise.resolve(),
  };
  return hostSide;
}

/** The boot code postman-sandbox ships (.cache/bootcode.js), read as data rather than compiled as a module. */
function readBootCode(dir) {
  const file = path.join(dir, '.cache', 'bootcode.js');
  const fs = require('node:fs');
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  // The file is `module.exports=c=>c(null,"…")`: the string is JSON, and parsing it is about
  // twice as fast as compiling the module. Any other shape goes through postman-sandbox itself.
  const prefix = 'module.exports=c=>c(null,';
  if (text && text.startsWith(prefix) && text.trimEnd().endsWith(')')) {
    try {
      const code = JSON.parse(text.slice(prefix.length, text.trimEnd().length - 1));
      if (typeof code === 'string' && code) return code;
    } catch {
      // fall through
    }
  }
  let code;
  let failure;
  require(path.join(dir, 'bootcode.js'))((error, value) => {
    failure = error;
    code = value;
  });
  if (failure || typeof code !== 'string' || !code) throw new Error(`postman-sandbox's boot code is missing${failure ? `: ${failure.message || failure}` : ''}`);
  return code;
}

/** The name of the cache file for this boot code in this Node with these flags. */
function cacheFor(dir, bootCode) {
  if (!dir) return {};
  const key = require('node:crypto')
    .createHash('sha256')
    .update(bootCode)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join('\0')}`)
    .digest('hex')
    .slice(0, 32);
  return { file: `bootcode-${key}.v8cache` };
}

// Network from here on is refused: scripts reach the network only through pm.sendRequest,
// which this process forwards to the backend's engine. (Scripts get no `require` of Node's
// modules, and the permission model denies the bindings an escape would need; this is one more
// wall.) net and dgram are loaded already (the IPC channel needs them), so their entry points
// are replaced in place; the others would take 20-30 ms of every start to load only to be
// disarmed, so requiring any of them from here on is refused instead.
const NETWORK_MODULES = new Set(['net', 'tls', 'dgram', 'http', 'https', 'http2', '_http_client', '_http_agent']);
/** The loader's guard once installed: a second call (in a process started from the snapshot) finds it in place. */
let guardedLoad;
function refuseNetwork() {
  const refuse = () => {
    throw new Error('Scripts cannot open network connections; use pm.sendRequest.');
  };
  for (const name of ['net', 'dgram']) {
    const mod = require(name);
    for (const key of ['connect', 'createConnection', 'createSocket']) {
      if (typeof mod[key] === 'function') mod[key] = refuse;
    }
    if (mod.Socket && mod.Socket.prototype) mod.Socket.prototype.connect = refuse;
  }
  const Module = require('node:module');
  if (Module._load === guardedLoad) return; // still in place (a process started from the snapshot)
  const load = Module._load;
  guardedLoad = function guardedLoad(request, ...rest) {
    const name = typeof request === 'string' ? request.replace(/^node:/, '') : request;
    if (NETWORK_MODULES.has(name)) refuse();
    return load.call(this, request, ...rest);
  };
  Module._load = guardedLoad;
}
refuseNetwork();

// Only uvm (the bridge to the boot code) and teleport-javascript are needed here, not
// postman-sandbox's index, which would load postman-collection (and faker, mime-db …), about half
// of this process's start. (A pm.sendRequest URL given as an object goes to the backend as it is.)
// They are found from postman-sandbox's folder, the only one this process may read wherever this
// file lives; for a snapshot they are required by name, so the bundler puts them into the
// builder's one file (Node's snapshot builder loads no package from disk).
const sandboxDir = path.dirname(sandboxPath);
const fromSandbox = (name) => require(require.resolve(name, { paths: [sandboxDir] }));
const UniversalVM = building ? require('uvm') : fromSandbox('uvm');
const teleportJS = building ? require('teleport-javascript') : fromSandbox('teleport-javascript');

let context;
let current;

function send(message) {
  try {
    host.process.send(message);
  } catch {
    // The parent is gone; the process ends below when the channel closes.
  }
}

function describeArgs(args) {
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
}

// A value set to null reads back as the text "null", as Postman and newman substitute it (the
// official Recurring collection stores a null chargeId and newman then asks for …/charges/null).
// A value set to undefined counts as unset: `{{name}}` stays unresolved and the request is not
// sent, where newman would silently send an empty path segment.
function scopeValues(scope) {
  const out = {};
  const values = scope && (scope.values || scope);
  if (Array.isArray(values)) {
    for (const v of values) {
      if (v && typeof v.key === 'string' && !v.disabled && v.value !== undefined) out[v.key] = v.value === null ? 'null' : String(v.value);
    }
  }
  return out;
}

function fatal(reason, message) {
  send({ type: 'fatal', reason, message });
  host.setTimeout(() => host.process.exit(3), 20);
}

/** postman-sandbox's own timing: its host gives up on a script this long after the script's own limit. */
const TO_WAIT_BUFFER = 500;
const EXECUTION_TIMEOUT_ERROR_MESSAGE = 'sandbox not responding';

function start() {
  let bootCode;
  try {
    bootCode = readBootCode(sandboxDir);
  } catch (error) {
    return fatal('start', String(error && error.message ? error.message : error));
  }
  const cache = cacheFor(cacheDir, bootCode);
  const channel = createChannel({ file: cache.file, data: cache.file ? readCache(path.join(cacheDir, cache.file)) : undefined });
  const ctx = new UniversalVM();
  ctx.connect({ bootCode, _sandbox: channel }, (error) => {
    if (error) return fatal('start', String(error && error.message ? error.message : error));
    ctx.once('initialize', (err) => {
      if (err) return fatal('start', String(err && err.message ? err.message : err));
      context = ctx;
      ctx.on('execution.console', (_cursor, level, args) => {
        if (!current) return;
        send({ type: 'console', id: current.id, level: ['log', 'info', 'warn', 'error'].includes(level) ? level : 'log', message: describeArgs(teleportJS.parse(args)) });
      });
      ctx.on('execution.assertion', (_cursor, assertions) => {
        if (!current) return;
        for (const a of assertions || []) {
          current.tests.push({
            name: String(a.name),
            passed: Boolean(a.passed) && !a.skipped,
            skipped: Boolean(a.skipped),
            message: a.error ? String(a.error.message || a.error.name || 'failed') : undefined,
          });
        }
      });
      booting = false;
      // While a snapshot is built there is nobody to tell: the process made from it says ready.
      if (!building) send({ type: 'ready' });
    });
    ctx.on('error', (err) => fatal('crash', String(err && err.message ? err.message : err)));
    ctx.dispatch('initialize', {});
  });
}

/**
 * What postman-sandbox's PostmanSandbox#execute does for an event object (ours always is one),
 * without loading the module: dispatch the execution to the worker, and give up with "sandbox
 * not responding" when the worker does not answer in time (the parent then kills this process).
 */
function execute(target, options, callback) {
  const { id, timeout } = options;
  const resultEvent = `execution.result.${id}`;
  let waiting = host.setTimeout(() => {
    waiting = null;
    context.emit(resultEvent, new Error(EXECUTION_TIMEOUT_ERROR_MESSAGE));
  }, timeout + TO_WAIT_BUFFER);
  context.once(resultEvent, (err, result) => {
    if (waiting) host.clearTimeout(waiting);
    callback(err, result);
  });
  context.dispatch('execute', id, target, options.context || {}, {
    cursor: { execution: id },
    debug: false,
    timeout,
    resolvedPackages: undefined,
    legacy: undefined,
    disabledAPIs: undefined,
    disableLegacyAPIs: undefined,
    templateName: undefined,
    allowSkipRequest: undefined,
  });
}

function run(message) {
  const { id, listen, script, context: input, timeoutMs } = message;
  current = { id, tests: [] };
  const requestEvent = `execution.request.${id}`;
  const onRequest = (_cursor, _id, eventId, request) => {
    let json;
    try {
      json = request && typeof request.toJSON === 'function' ? request.toJSON() : request;
    } catch {
      json = request;
    }
    send({ type: 'send', id, eventId, request: JSON.parse(JSON.stringify(json || {})) });
  };
  let skipped = false;
  const onSkip = () => {
    skipped = true;
  };
  context.on(requestEvent, onRequest);
  context.on(`execution.skipRequest.${id}`, onSkip);
  execute(
    { listen, script: { exec: script } },
    { id, timeout: timeoutMs, context: input },
    (error, result) => {
      context.off(requestEvent, onRequest);
      context.off(`execution.skipRequest.${id}`, onSkip);
      const tests = current ? current.tests : [];
      current = undefined;
      const r = result || {};
      let request;
      try {
        request = r.request ? JSON.parse(JSON.stringify(r.request)) : undefined;
      } catch {
        request = undefined;
      }
      send({
        type: 'done',
        id,
        error: error ? { name: String(error.name || 'Error'), message: String(error.message || error) } : undefined,
        tests,
        skipped,
        scopes: {
          environment: scopeValues(r.environment),
          globals: scopeValues(r.globals),
          collectionVariables: scopeValues(r.collectionVariables),
          variables: scopeValues(r._variables),
        },
        request,
        // postman.setNextRequest / pm.execution.setNextRequest: a name, null to stop, undefined if not called.
        nextRequest: r.return && Object.prototype.hasOwnProperty.call(r.return, 'nextRequest') ? r.return.nextRequest : undefined,
      });
    },
  );
}

/** The IPC side: what the backend asks of this process, and how it ends. */
function listen() {
  host.process.on('message', (message) => {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'run') return run(message);
    if (message.type === 'sent' && context) {
      // The sandbox's bridge copies values as JSON, which drops an Error's message: a plain object keeps it for err.message.
      const error = message.error ? { name: 'Error', message: String(message.error) } : null;
      context.dispatch(`execution.response.${message.id}`, message.eventId, error, message.response || null, undefined);
    }
  });
  host.process.on('disconnect', () => host.process.exit(0));
  host.process.on('uncaughtException', (error) => {
    // Once booted, uvm's firmware listens too and hands a script's own late throw (in a timer
    // callback, say) to postman-sandbox, which fails that script and carries on, as it did in a
    // worker. (A script that uses more memory than allowed ends the process; script-sandbox.ts
    // reads V8's message on stderr and says so.)
    if (!booting && host.process.listenerCount('uncaughtException') > 1) return;
    fatal('crash', String(error && error.message ? error.message : error));
  });
}

if (building) {
  start();
  startupSnapshot.setDeserializeMainFunction(() => {
    // The guards are put back in place in the new process, in case Node rebuilt what they patch.
    refuseNetwork();
    listen();
    send({ type: 'ready' });
  });
} else {
  listen();
  start();
}
