import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_PREFIX, methodNames } from '../../../shared/contract';
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

  it('exposes exactly the contract method names, each as a function', async () => {
    const { api } = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
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
});
