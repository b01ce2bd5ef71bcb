import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerContractHandlers, type IpcHandlerRegistry } from '../../../electron/main/ipc-bridge';
import { IPC_CHANNEL_PREFIX, methodNames } from '../../../shared/contract';
import { bootMain, shutDown, type BootedMain } from './boot-main';
import { ipcEvent } from './fake-electron';

let booted: BootedMain | undefined;
afterEach(async () => {
  await shutDown(booted);
  booted = undefined;
});

async function handlerFor(method: string) {
  booted = await bootMain();
  const handler = booted.fake.ipcHandlers.get(IPC_CHANNEL_PREFIX + method);
  expect(handler, `no handler for ${method}`).toBeDefined();
  return handler!;
}

describe('electron/main.ts: IPC handlers', () => {
  it('registers exactly one handler per contract method and no other channel', async () => {
    booted = await bootMain();
    const channels = booted.fake.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect([...channels].sort()).toEqual(methodNames.map((name) => `explorer:${name}`).sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('passes a valid call from the app window through to the backend', async () => {
    const handler = await handlerFor('getAppInfo');
    const result = await handler(ipcEvent('app://explorer/index.html'), {});
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'Vipps Explorer', host: 'electron', dataDir: booted!.dataDir }),
    });
  });

  it('offers the system file dialog to the image step and reads the chosen file', async () => {
    const handler = await handlerFor('pickImageFile');
    const info = await booted!.fake.ipcHandlers.get(`${IPC_CHANNEL_PREFIX}getAppInfo`)!(ipcEvent('app://explorer/'), {});
    expect(info).toMatchObject({ ok: true, value: { nativeFileDialog: true } });
    const file = path.join(booted!.dataDir, 'chosen.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    booted!.fake.dialog.nextOpenDialogPaths = [file];
    const result = await handler(ipcEvent('app://explorer/'), {});
    expect(result).toEqual({ ok: true, value: { picked: { fileName: 'chosen.png', base64: 'iVBORwECAw==', bytes: 7 } } });
    const [parent, options] = booted!.fake.dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(booted!.fake.BrowserWindow.instances[0]);
    expect(options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['png', 'jpg', 'jpeg'] }] });
    booted!.fake.dialog.nextOpenDialogPaths = [];
    expect(await handler(ipcEvent('app://explorer/'), {})).toEqual({ ok: true, value: { picked: null } });
  });

  it('lets the backend reject invalid input from the app window with INVALID_INPUT', async () => {
    const handler = await handlerFor('dismissNotice');
    const result = await handler(ipcEvent('app://explorer/'), { id: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['a foreign https origin', 'https://evil.example/'],
    ['a file: page', 'file:///tmp/index.html'],
    ['a look-alike host', 'app://explorer.evil/'],
    ['the app scheme on another port', 'app://explorer:1/'],
    ['a data: page', 'data:text/html,hi'],
    ['about:blank', 'about:blank'],
  ])('refuses a call from %s with FORBIDDEN without reaching the backend', async (_kind, url) => {
    const handler = await handlerFor('getAppInfo');
    const call = vi.spyOn(booted!.started!.backend, 'call');
    const result = await handler(ipcEvent(url), {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/refused/) } });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is already gone', async () => {
    const handler = await handlerFor('getStatus');
    const call = vi.spyOn(booted!.started!.backend, 'call');
    expect(await handler(ipcEvent(null), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(call).not.toHaveBeenCalled();
  });
});

describe('registerContractHandlers', () => {
  function registry() {
    const handlers = new Map<string, Parameters<IpcHandlerRegistry['handle']>[1]>();
    return { handlers, handle: (channel: string, listener: Parameters<IpcHandlerRegistry['handle']>[1]) => void handlers.set(channel, listener) };
  }

  it('calls the backend with the method name, the raw input and the electron host', async () => {
    const ipc = registry();
    const backend = { call: vi.fn(async () => ({ ok: true as const, value: 'done' })) };
    registerContractHandlers(ipc, backend);
    const result = await ipc.handlers.get('explorer:dismissNotice')!(ipcEvent('app://explorer/'), { id: 'n1' });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(backend.call).toHaveBeenCalledExactlyOnceWith('dismissNotice', { id: 'n1' }, expect.objectContaining({ host: 'electron' }));
  });

  it('aborts the backend call when the window that made it is destroyed', async () => {
    const ipc = registry();
    let seen: AbortSignal | undefined;
    let finish: () => void = () => {};
    const backend = {
      call: vi.fn(async (_method: string, _input: unknown, ctx?: { signal?: AbortSignal }) => {
        seen = ctx?.signal;
        await new Promise<void>((resolve) => (finish = resolve));
        return { ok: true as const, value: null };
      }),
    };
    registerContractHandlers(ipc, backend);
    const event = ipcEvent('app://explorer/');
    const pending = ipc.handlers.get('explorer:getStatus')!(event, {});
    await vi.waitFor(() => expect(seen).toBeDefined());
    event.sender.emit('destroyed');
    expect(seen!.aborted).toBe(true);
    finish();
    await pending;
    expect(event.sender.listenerCount('destroyed')).toBe(0);
  });
});
