import { afterAll, describe, expect, it } from 'vitest';

/** The script process starts in about half a second, but in several on a busy machine; a stopped one is restarted. */
const SLOW = { timeout: 60_000 };
import { ScriptSandbox, type ScriptBridge, type ScriptExecution, type ScriptResponse } from '../../../electron/backend/scripts/script-sandbox';

const sandbox = new ScriptSandbox({ timeoutMs: 3_000, memoryMb: 64 });
afterAll(() => sandbox.dispose());

const scopes = () => ({ environment: { merchantSerialNumber: '123456' }, globals: {}, collectionVariables: {}, variables: {} });
const request = { method: 'POST', url: { raw: 'http://127.0.0.1:9/epayment/v1/payments' }, header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: '{"a":1}' } };
const response: ScriptResponse = { code: 200, status: 'OK', headers: [{ key: 'Content-Type', value: 'application/json' }, { key: 'Continuation-Token', value: 'next-1' }], body: '{"access_token":"tok-1","agreementId":"agr_1"}', responseTime: 12 };

function bridge(overrides: Partial<ScriptBridge> = {}): ScriptBridge & { lines: string[] } {
  const lines: string[] = [];
  return { lines, console: (level, message) => lines.push(`${level}: ${message}`), sendRequest: () => Promise.reject(new Error('no network in this test')), ...overrides };
}

const test = (script: string, extra: Partial<ScriptExecution> = {}) => ({ listen: 'test' as const, script, scopes: scopes(), request, response, ...extra });
const pre = (script: string, extra: Partial<ScriptExecution> = {}) => ({ listen: 'prerequest' as const, script, scopes: scopes(), request, ...extra });

describe('Postman scripts in the isolated sandbox', () => {
  it('sets environment, globals, collection and local variables from pm.* and reads the response', SLOW, async () => {
    const out = await sandbox.run(
      test(`
        pm.environment.set('access_token', pm.response.json().access_token);
        pm.globals.set('g', pm.response.code + ' ' + pm.response.status);
        pm.collectionVariables.set('c', pm.response.headers.get('Continuation-Token'));
        pm.variables.set('local', pm.response.text().length);
        pm.test('is 200', () => pm.expect(pm.response.code).to.equal(200));
        pm.test('is 201', () => pm.response.to.have.status(201));
      `),
      bridge(),
    );
    expect(out.error).toBeUndefined();
    expect(out.scopes.environment).toEqual({ merchantSerialNumber: '123456', access_token: 'tok-1' });
    expect(out.scopes.globals).toEqual({ g: '200 OK' });
    expect(out.scopes.collectionVariables).toEqual({ c: 'next-1' });
    expect(out.scopes.variables.local).toBe('46');
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([['is 200', true], ['is 201', false]]);
    expect(out.tests[1]!.message).toMatch(/201/);
  });

  it('runs the legacy API: postman.setEnvironmentVariable, responseBody, responseCode and tests[…]', SLOW, async () => {
    const out = await sandbox.run(
      test(`var d = JSON.parse(responseBody); postman.setEnvironmentVariable('agreementId', d.agreementId); tests['code is 200'] = responseCode.code === 200; tests['env'] = postman.getEnvironmentVariable('merchantSerialNumber') === '123456';`),
      bridge(),
    );
    expect(out.error).toBeUndefined();
    expect(out.scopes.environment.agreementId).toBe('agr_1');
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([['code is 200', true], ['env', true]]);
  });

  it('stores a value set to null as the text "null", as newman substitutes it, and treats undefined as unset', SLOW, async () => {
    const out = await sandbox.run(
      test(`postman.setEnvironmentVariable('chargeId', null); pm.environment.set('gone', undefined); pm.environment.set('merchantSerialNumber', undefined); pm.globals.set('n', null);`),
      bridge(),
    );
    expect(out.error).toBeUndefined();
    expect(out.scopes.environment).toEqual({ chargeId: 'null' });
    expect(out.scopes.globals).toEqual({ n: 'null' });
  });

  it("gives pre-request scripts require('uuid') and pm.request, and hands back the headers they add", SLOW, async () => {
    const b = bridge();
    const out = await sandbox.run(
      pre(`var uuid = require('uuid'); pm.environment.set('idempotency_key', uuid.v4()); pm.environment.set('reference', pm.environment.get('merchantSerialNumber') + 'x'); pm.request.headers.add({ key: 'X-Added', value: 'yes' }); console.log('method', pm.request.method);`),
      b,
    );
    expect(out.error).toBeUndefined();
    expect(out.scopes.environment.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.scopes.environment.reference).toBe('123456x');
    expect(JSON.stringify(out.request?.header)).toContain('X-Added');
    expect(b.lines).toContain('log: method POST');
  });

  it('sends pm.sendRequest through the bridge (the engine) and gives the script the answer', SLOW, async () => {
    const sent: unknown[] = [];
    const out = await sandbox.run(
      pre(`pm.sendRequest({ url: 'http://127.0.0.1:9/accesstoken/get', method: 'POST' }, (err, res) => { pm.environment.set('via', err ? 'error ' + err.message : res.json().access_token + ' ' + res.code); });`),
      bridge({ sendRequest: async (r) => (sent.push(r), response) }),
    );
    expect(out.error).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: 'http://127.0.0.1:9/accesstoken/get', method: 'POST' });
    expect(out.scopes.environment.via).toBe('tok-1 200');
  });

  it('reports a script that throws with its message', SLOW, async () => {
    const out = await sandbox.run(test('undefinedFunction();'), bridge());
    expect(out.error).toMatchObject({ code: 'SCRIPT_FAILED' });
    expect(out.error!.message).toMatch(/test script failed: ReferenceError: undefinedFunction is not defined/);
  });
});

describe('the limits of the script sandbox', () => {
  it("cannot read a file: require('fs') holds nothing, and an escape to the host's fs is refused", SLOW, async () => {
    const plain = await sandbox.run(test(`require('fs').readFileSync('/etc/passwd', 'utf8');`), bridge());
    expect(plain.error?.code).toBe('SCRIPT_FAILED');
    expect(plain.error!.message).toMatch(/readFileSync is not a function/);
    const escaped = await sandbox.run(test(`const p = (function(){ return this })().constructor.constructor('return process')(); p.mainModule.require('fs').readFileSync('/etc/passwd');`), bridge());
    expect(escaped.error?.code).toBe('SCRIPT_FAILED');
    expect(escaped.error!.message).not.toMatch(/root:/);
  });

  it('cannot start a child process', SLOW, async () => {
    const out = await sandbox.run(test(`require('child_process').execSync('id');`), bridge());
    expect(out.error?.code).toBe('SCRIPT_FAILED');
    expect(out.error!.message).toMatch(/child_process|not a function|Cannot find module/);
  });

  it('cannot open network connections except through pm.sendRequest', SLOW, async () => {
    for (const module of ['http', 'net']) {
      const out = await sandbox.run(test(`require('${module}').request('http://127.0.0.1:9/');`), bridge());
      expect(out.error?.code).toBe('SCRIPT_FAILED');
      expect(out.error!.message).toMatch(new RegExp(`Cannot find module '${module}'`));
    }
  });

  it('cannot read environment variables', SLOW, async () => {
    process.env.SCRIPT_SANDBOX_CANARY = 'canary-value-9f2';
    const out = await sandbox.run(test(`pm.environment.set('leak', JSON.stringify(process.env));`), bridge());
    expect(out.error?.code).toBe('SCRIPT_FAILED');
    expect(out.error!.message).toMatch(/process is not defined/);
    expect(JSON.stringify(out)).not.toContain('canary-value-9f2');
  });

  it('stops a script that loops forever, with a clear error, and runs the next script normally', SLOW, async () => {
    const looping = await sandbox.run(test('while (true) {}', { timeoutMs: 500 }), bridge());
    expect(looping.error?.code).toBe('TIMEOUT');
    expect(looping.error!.message).toMatch(/ran longer than 500 ms and was stopped/);
    const next = await sandbox.run(test(`pm.environment.set('after', 'yes');`), bridge());
    expect(next.error).toBeUndefined();
    expect(next.scopes.environment.after).toBe('yes');
  });

  it('stops a script that allocates without end, with a clear error, and runs the next script normally', SLOW, async () => {
    const greedy = await sandbox.run(test('const a = []; while (true) a.push(new Array(1e6).fill(1));', { timeoutMs: 20_000 }), bridge());
    expect(greedy.error?.code).toBe('TOO_LARGE');
    expect(greedy.error!.message).toMatch(/used more than the 64 MB scripts may have/);
    const next = await sandbox.run(test(`pm.environment.set('after', 'yes');`), bridge());
    expect(next.error).toBeUndefined();
  });
});
