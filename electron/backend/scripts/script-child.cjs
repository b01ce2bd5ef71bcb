'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node itself: require is how it loads modules */
/*
 * The process that runs imported Postman scripts. It is started by script-sandbox.ts with an
 * empty environment, a heap cap and Node's permission model (read access to postman-sandbox's
 * own files only, no child processes, no writes), and it is killed when a script overruns.
 * postman-sandbox gives scripts Postman's API; this process is the isolation around it, since
 * postman-sandbox itself is not a security boundary.
 *
 * Plain CommonJS on purpose: it must start the same way from the sources (tests) and from the
 * built app, without a TypeScript loader whose files would need extra read permissions.
 *
 * Protocol (over the IPC channel, one execution at a time):
 *   parent → child  { type: 'run', id, listen, script, context, timeoutMs }
 *   child  → parent { type: 'ready' } once the sandbox context exists
 *   child  → parent { type: 'console', id, level, message }
 *   child  → parent { type: 'send', id, eventId, request }  (pm.sendRequest)
 *   parent → child  { type: 'sent', id, eventId, error, response }
 *   child  → parent { type: 'done', id, error, tests, scopes, request, skipped }
 *   child  → parent { type: 'fatal', reason, message } just before it exits
 */

const sandboxPath = process.argv[2];
if (!sandboxPath || typeof process.send !== 'function') {
  process.stderr.write('script-child: start me through script-sandbox.ts\n');
  process.exit(2);
}

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

const Sandbox = require(sandboxPath);
const PostmanUrl = require(require.resolve('postman-collection', { paths: [sandboxPath] })).Url;

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

function start() {
  Sandbox.createContext({ timeout: 60_000 }, (error, ctx) => {
    if (error) return fatal('start', String(error && error.message ? error.message : error));
    context = ctx;
    ctx.on('error', (err) => {
      const code = err && err.code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') return fatal('memory', 'The script used more memory than scripts may have and was stopped.');
      fatal('crash', String(err && err.message ? err.message : err));
    });
    ctx.on('console', (_cursor, level, ...args) => {
      if (!current) return;
      send({ type: 'console', id: current.id, level: ['log', 'info', 'warn', 'error'].includes(level) ? level : 'log', message: describeArgs(args) });
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
      if (json && json.url && typeof json.url === 'object') json.url = new PostmanUrl(json.url).toString();
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
  context.execute(
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
