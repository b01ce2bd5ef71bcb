import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, methodNames } from '../../../shared/contract';
import { asElectronModule, createFakeElectron } from './fake-electron';
import { makeTempDir } from './boot-main';

async function loadPreload() {
  const fake = createFakeElectron({ userData: makeTempDir() });
  vi.resetModules();
  vi.doMock('electron', () => asElectronModule(fake));
  await import('../../../electron/preload');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0]! as unknown as [string, Record<string, unknown>];
  return { fake, key, api };
}

afterEach(() => {
  vi.doUnmock('electron');
});

describe('electron/preload.ts', () => {
  it('exposes one object, window.explorer, and nothing else', async () => {
    const { key } = await loadPreload();
    expect(key).toBe('explorer');
  });

  it('exposes exactly the contract method names and subscribe, each as a function', async () => {
    const { api } = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'subscribe'].sort());
    expect(typeof api.subscribe).toBe('function');
    for (const name of methodNames) expect(typeof api[name], name).toBe('function');
  });

  it('offers no generic invoke, send or on, and no ipcRenderer', async () => {
    const { api, fake } = await loadPreload();
    for (const name of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'channel']) expect(api).not.toHaveProperty(name);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(methodNames)('forwards %s to its own channel with the input unchanged and returns the answer', async (name) => {
    const { api, fake } = await loadPreload();
    const input = { probe: name };
    const answer = { ok: true, value: { from: name } };
    fake.ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect((api[name] as (input: unknown) => Promise<unknown>)(input)).resolves.toBe(answer);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`${IPC_CHANNEL_PREFIX}${name}`, input);
  });

  it('delivers contract events from the one event channel to subscribers of that event only, until they unsubscribe', async () => {
    const { api, fake } = await loadPreload();
    const subscribe = api.subscribe as (event: string, listener: (payload: unknown) => void) => () => void;
    const runs: unknown[] = [];
    const changes: unknown[] = [];
    const stopRuns = subscribe('run', (payload) => runs.push(payload));
    subscribe('collections', (payload) => changes.push(payload));
    const [channel, handler] = fake.ipcRenderer.on.mock.calls[0]! as unknown as [string, (event: unknown, message: unknown) => void];
    expect(channel).toBe(IPC_EVENT_CHANNEL);
    handler({}, { event: 'run', payload: { type: 'console', runId: 'r', level: 'log', message: 'hi' } });
    handler({}, { event: 'collections', payload: { collectionId: 'c', reason: 'saved' } });
    handler({}, { event: 'not-an-event', payload: {} });
    handler({}, 'garbage');
    expect(runs).toEqual([{ type: 'console', runId: 'r', level: 'log', message: 'hi' }]);
    expect(changes).toEqual([{ collectionId: 'c', reason: 'saved' }]);
    stopRuns();
    handler({}, { event: 'run', payload: { type: 'console', runId: 'r', level: 'log', message: 'again' } });
    expect(runs).toHaveLength(1);
  });

  it('refuses to subscribe to an event the contract does not list', async () => {
    const { api } = await loadPreload();
    expect(() => (api.subscribe as (event: string, listener: () => void) => void)('ipc-anything', () => {})).toThrow(TypeError);
  });
});
