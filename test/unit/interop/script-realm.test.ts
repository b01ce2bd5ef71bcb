import { afterAll, describe, expect, it } from 'vitest';
import { ScriptSandbox, type ScriptBridge, type ScriptExecution } from '../../../electron/backend/scripts/script-sandbox';

/**
 * postman-sandbox's boot code runs in the script process's main thread (no worker), so scripts
 * share a realm with the code that relays their results. These tests try what that makes
 * possible: tamper with what the relay reads, throw late, and look for the globals the boot code
 * removed. Each would pass a broken relay or a leaked global through; none may stop the host.
 */
const SLOW = { timeout: 60_000 };
const sandbox = new ScriptSandbox({ timeoutMs: 3_000, memoryMb: 64 });
afterAll(() => sandbox.dispose());

const scopes = () => ({ environment: {}, globals: {}, collectionVariables: {}, variables: {} });
const request = { method: 'GET', url: 'http://127.0.0.1:9/x', header: [] };
const pre = (script: string, extra: Partial<ScriptExecution> = {}): ScriptExecution => ({ listen: 'prerequest', script, scopes: scopes(), request, ...extra });
const bridge = (overrides: Partial<ScriptBridge> = {}): ScriptBridge => ({ console: () => {}, sendRequest: () => Promise.reject(new Error('no network in this test')), ...overrides });

describe('scripts in the script process’s own realm', () => {
  it('never see the globals the boot code removed, not even through getters our relay code trips over', SLOW, async () => {
    // A getter on Object.prototype runs whenever the relay reads a property an object lacks;
    // it records what the global scope holds at that moment.
    const planted = await sandbox.run(
      pre(`
        const G = (function () { return this; })();
        const seen = [];
        for (const name of ['message', 'name', 'values', 'key', 'disabled', 'toJSON', 'url']) {
          Object.defineProperty(Object.prototype, name, {
            configurable: true,
            get() { seen.push(typeof G.process + '/' + typeof G.setTimeout + '/' + typeof G.require); return undefined; },
            // Writes still make own properties, so postman-sandbox itself keeps working.
            set(value) { Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true }); },
          });
        }
        G.__seen = seen;
        throw new Error('planted');
      `),
      bridge(),
    );
    expect(planted.error?.code).toBe('SCRIPT_FAILED');
    const probe = await sandbox.run(
      pre(`
        const G = (function () { return this; })();
        for (const name of ['message', 'name', 'values', 'key', 'disabled', 'toJSON', 'url']) delete Object.prototype[name];
        pm.environment.set('calls', String((G.__seen || []).length));
        pm.environment.set('seen', JSON.stringify((G.__seen || []).filter((s) => !s.startsWith('undefined/undefined/'))));
      `),
      bridge(),
    );
    expect(probe.error, probe.error?.message).toBeUndefined();
    // The getters did run (in our relay and in postman-sandbox), and never with a host global in reach.
    expect(Number(probe.scopes.environment.calls)).toBeGreaterThan(0);
    expect(probe.scopes.environment.seen).toBe('[]');
  });

  it('cannot make the backend throw with what the process sends back (a replaced JSON and Array.prototype.map)', SLOW, async () => {
    const out = await sandbox.run(pre(`JSON.stringify = () => '{"type":"done","tests":7}'; JSON.parse = () => ({ tests: 'x', scopes: 5 }); Array.prototype.map = function () { return 'not an array'; }; pm.environment.set('a', 'b');`), bridge());
    // Whatever the relay made of it, the answer has the expected shape.
    expect(Array.isArray(out.tests)).toBe(true);
    for (const scope of Object.values(out.scopes)) for (const value of Object.values(scope)) expect(typeof value).toBe('string');
    await sandbox.dispose();
  });

  it('a script that throws from a timer fails without taking the process down, and the next script runs', SLOW, async () => {
    const fresh = new ScriptSandbox({ timeoutMs: 3_000, memoryMb: 64 });
    try {
      const late = await fresh.run(pre(`setTimeout(() => { throw new Error('late throw'); }, 5);`), bridge());
      expect(late.error?.message ?? '').not.toMatch(/stopped its process|could not run/);
      const next = await fresh.run(pre(`pm.environment.set('after', 'yes');`), bridge());
      expect(next.error).toBeUndefined();
      expect(next.scopes.environment.after).toBe('yes');
    } finally {
      await fresh.dispose();
    }
  });

  it('hands pm.sendRequest a URL given as an object to the bridge as one URL, query and all', SLOW, async () => {
    const fresh = new ScriptSandbox({ timeoutMs: 3_000, memoryMb: 64 });
    const sent: Array<{ url?: unknown }> = [];
    try {
      const out = await fresh.run(
        pre(`pm.sendRequest({ url: { protocol: 'http', host: ['127', '0', '0', '1'], port: '9', path: ['v1', 'x'], query: [{ key: 'a', value: '1' }, { key: 'off', value: '2', disabled: true }] }, method: 'GET' }, () => {});`),
        bridge({ sendRequest: async (r) => (sent.push(r), { code: 200, status: 'OK', headers: [], body: '{}', responseTime: 1 }) }),
      );
      expect(out.error).toBeUndefined();
      expect(sent.map((r) => r.url)).toEqual(['http://127.0.0.1:9/v1/x?a=1']);
    } finally {
      await fresh.dispose();
    }
  });
});
