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

const sandboxPath = process.argv[2];
// A folder of compiled boot code this process may read (script-sandbox.ts writes what we send it).
const cacheDir = process.argv[3] || '';
if (!sandboxPath || typeof process.send !== 'function') {
  process.stderr.write('script-child: start me through script-sandbox.ts\n');
  process.exit(2);
}

const path = require('node:path');
const { Worker } = require('node:worker_threads');

// --- The boot code and its V8 code cache ---------------------------------------------------
// postman-sandbox's boot code is a 2 MB bundle that the worker compiled on every start (about
// 50 ms of a cold start). V8 can hand back what it compiled (cachedData) and take it again next
// time. This process cannot write files, so it sends a fresh cache to script-sandbox.ts, which
// stores it in a folder this process may read. The file name carries a hash of the boot code,
// the Node version and this process's flags, so a changed postman-sandbox or other flags never
// meet an old cache; the file starts with a SHA-256 of its payload, so a torn or damaged file is
// ignored (V8 checks versions and flags but not every byte); V8 itself rejects a cache that does
// not fit, and then a fresh one is made. Without a cache folder everything works, just slower.
const CACHE_IN = '__vx_code_cache_in';
const CACHE_OUT = '__vx_code_cache_out';

/**
 * What the worker runs first. uvm sends its firmware (a message { __init_uvm }) to a worker we
 * give it (its `_sandbox` option); the firmware runs the boot code with
 * `require("vm").runInThisContext(code)`, and that one call is where the cache goes in. The
 * firmware, the boot code and scripts run in this worker's global scope exactly as in the
 * worker uvm starts itself; nothing here stays reachable from it.
 */
const WORKER_BOOTSTRAP = `
(function (parentPort, vm, nodeRequire) {
  var cachedData;
  // Read here rather than in the process's main thread, so the few MB are not copied across.
  function readCache(file) {
    try {
      var bytes = nodeRequire('fs').readFileSync(file);
      var payload = bytes.subarray(32);
      var digest = nodeRequire('crypto').createHash('sha256').update(payload).digest();
      return payload.length > 0 && digest.equals(bytes.subarray(0, 32)) ? payload : undefined;
    } catch (e) {
      return undefined; // no cache yet, or one we may not read: compile as usual
    }
  }
  function runBootCode(code) {
    var script = new vm.Script(code, { filename: 'postman-sandbox-bootcode.js', cachedData: cachedData || undefined });
    var fresh = !cachedData || script.cachedDataRejected;
    cachedData = undefined;
    var result = script.runInThisContext();
    // Made now, before uvm reports the boot done and so before any script has run here: a cache
    // is only ever taken from a process no script could have touched. After the run it also
    // holds the functions the boot code compiled lazily. (Only on a start without a cache.)
    if (fresh) {
      try { parentPort.postMessage({ ${CACHE_OUT}: script.createCachedData() }); } catch (e) { /* no cache this time */ }
    }
    return result;
  }
  function firmwareRequire(name) {
    return name === 'vm' ? { runInThisContext: runBootCode } : nodeRequire(name);
  }
  parentPort.on('message', function onMessage(message) {
    if (!message) return;
    if (Object.prototype.hasOwnProperty.call(message, '${CACHE_IN}')) {
      cachedData = typeof message.${CACHE_IN} === 'string' ? readCache(message.${CACHE_IN}) : undefined;
      return;
    }
    if (typeof message.__init_uvm === 'string') {
      parentPort.off('message', onMessage);
      vm.runInThisContext('(function (require) {' + message.__init_uvm + '\\n})', { filename: 'uvm-firmware.js' })(firmwareRequire);
    }
  });
})(require('worker_threads').parentPort, require('vm'), require);
`;

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

/** The name of the cache file for this boot code in this Node with these flags (the worker reads and checks it). */
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

// The worker postman-sandbox runs scripts in starts first, so that its own Node start overlaps
// with reading the boot code here. It is the worker uvm would start (same options), with one
// difference: the boot code is compiled with V8's code cache when we have one, and a fresh
// cache is handed back once the boot code has run (see the code cache below).
const worker = new Worker(WORKER_BOOTSTRAP, {
  eval: true,
  stdout: true,
  stderr: true,
  execArgv: ['--experimental-global-webcrypto'],
});

// Network from here on is refused: scripts reach the network only through pm.sendRequest,
// which this process forwards to the backend's engine. (The worker thread postman-sandbox
// starts has its own module instances; scripts there get no `require` of Node's modules, and
// the permission model denies the bindings an escape would need.)
function refuseNetwork() {
  const refuse = () => {
    throw new Error('Scripts cannot open network connections; use pm.sendRequest.');
  };
  for (const name of ['net', 'tls', 'dgram', 'http', 'https', 'http2']) {
    try {
      const mod = require(name);
      for (const key of ['connect', 'createConnection', 'createSocket', 'request', 'get']) {
        if (typeof mod[key] === 'function') mod[key] = refuse;
      }
      if (mod.Socket && mod.Socket.prototype) mod.Socket.prototype.connect = refuse;
    } catch {
      // A module this Node does not have cannot be used either.
    }
  }
}
refuseNetwork();

// Only uvm (the bridge to the worker) and postman-sandbox's boot code are needed here: requiring
// postman-sandbox's index would load postman-collection (and faker, mime-db …), about half of
// this process's start, for a Url class that is needed only when pm.sendRequest gets an object.
const sandboxDir = path.dirname(sandboxPath);
const UniversalVM = require(require.resolve('uvm', { paths: [sandboxDir] }));
const teleportJS = require(require.resolve('teleport-javascript', { paths: [sandboxDir] }));
let PostmanUrl;
const postmanUrl = () => PostmanUrl || (PostmanUrl = require(require.resolve('postman-collection', { paths: [sandboxPath] })).Url);

let context;
let current;

function send(message) {
  try {
    process.send(message);
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
  setTimeout(() => process.exit(3), 20);
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
  // Posted before uvm's firmware, so the worker reads the cache before it compiles the boot code.
  worker.postMessage({ [CACHE_IN]: cache.file ? path.join(cacheDir, cache.file) : null });
  let cacheSent = false;
  worker.on('message', (message) => {
    if (cacheSent || context || !message || !message[CACHE_OUT] || !cache.file) return;
    cacheSent = true;
    send({ type: 'cache', file: cache.file, data: message[CACHE_OUT] });
  });
  const ctx = new UniversalVM();
  ctx.connect({ bootCode, _sandbox: worker }, (error) => {
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
      send({ type: 'ready' });
    });
    ctx.on('error', (err) => {
      const code = err && err.code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') return fatal('memory', 'The script used more memory than scripts may have and was stopped.');
      fatal('crash', String(err && err.message ? err.message : err));
    });
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
  let waiting = setTimeout(() => {
    waiting = null;
    context.emit(resultEvent, new Error(EXECUTION_TIMEOUT_ERROR_MESSAGE));
  }, timeout + TO_WAIT_BUFFER);
  context.once(resultEvent, (err, result) => {
    if (waiting) clearTimeout(waiting);
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
      // One URL string: the backend reads it like any typed URL.
      if (json && json.url && typeof json.url === 'object') json.url = new (postmanUrl())(json.url).toString();
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

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'run') return run(message);
  if (message.type === 'sent' && context) {
    // The sandbox's bridge copies values as JSON, which drops an Error's message: a plain object keeps it for err.message.
    const error = message.error ? { name: 'Error', message: String(message.error) } : null;
    context.dispatch(`execution.response.${message.id}`, message.eventId, error, message.response || null, undefined);
  }
});
process.on('disconnect', () => process.exit(0));
process.on('uncaughtException', (error) => {
  if (error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') return fatal('memory', 'The script used more memory than scripts may have and was stopped.');
  fatal('crash', String(error && error.message ? error.message : error));
});

start();
