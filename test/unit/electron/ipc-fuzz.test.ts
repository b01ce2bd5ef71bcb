import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerContractHandlers, type IpcHandlerRegistry } from '../../../electron/main/ipc-bridge';
import { IPC_CHANNEL_PREFIX, methodNames } from '../../../shared/contract';
import { FUZZ_RUNS_PER_METHOD, fuzzInput, leaksInternals, loopbackOnly } from '../../helpers/contract-fuzz';
import { tempDir } from '../../helpers/temp';
import { bootMain, shutDown, type BootedMain } from './boot-main';
import { ipcEvent } from './fake-electron';

let booted: BootedMain | undefined;
beforeAll(async () => {
  booted = await bootMain({ userData: tempDir('vx-ipc-fuzz-') });
}, 60_000);
afterAll(async () => {
  await shutDown(booted);
});

describe('the IPC bridge under fuzzed input', () => {
  it('every contract method, invoked from the app window with fuzzed input, resolves to a result value without INTERNAL or leaked internals', async () => {
    for (const method of methodNames) {
      const handler = booted!.fake.ipcHandlers.get(IPC_CHANNEL_PREFIX + method)!;
      await fc.assert(
        fc.asyncProperty(fuzzInput(method), async (input) => {
          const result = (await handler(ipcEvent('app://explorer/index.html'), loopbackOnly(input))) as { ok: boolean; error?: { code: string; message: string } };
          expect(typeof result.ok, method).toBe('boolean');
          if (!result.ok) {
            expect(result.error?.code, `${method}: ${result.error?.message}`).not.toBe('INTERNAL');
            expect(leaksInternals(JSON.stringify(result)), `${method}: ${result.error?.message}`).toBeUndefined();
          }
        }),
        { numRuns: FUZZ_RUNS_PER_METHOD },
      );
    }
    // The main process still answers afterwards.
    const info = await booted!.fake.ipcHandlers.get(`${IPC_CHANNEL_PREFIX}getAppInfo`)!(ipcEvent('app://explorer/'), {});
    expect(info).toMatchObject({ ok: true });
  }, 120_000);

  it('any sender frame that is not the app page is refused, whatever it sends', async () => {
    const handler = booted!.fake.ipcHandlers.get(`${IPC_CHANNEL_PREFIX}getStatus`)!;
    const frameUrl = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('app://explorer.evil/', 'app://explorer:1/', 'file:///index.html', 'about:blank', 'app://Explorer@evil/'));
    await fc.assert(
      fc.asyncProperty(frameUrl, fc.anything(), async (url, input) => {
        fc.pre(!/^app:\/\/explorer(\/|$)/.test(url));
        expect(await handler(ipcEvent(url), input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }),
      { numRuns: 50 },
    );
  });
});

describe('the IPC bridge’s last resort', () => {
  it('turns a backend call that throws into an INTERNAL value instead of a rejected invoke', async () => {
    const handlers = new Map<string, Parameters<IpcHandlerRegistry['handle']>[1]>();
    registerContractHandlers({ handle: (channel, listener) => void handlers.set(channel, listener) }, { call: vi.fn(async () => Promise.reject(new Error('at /work/secret/path.ts:1:2'))) });
    const result = await handlers.get(`${IPC_CHANNEL_PREFIX}getStatus`)!(ipcEvent('app://explorer/'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/work/secret');
  });
});

describe('the app:// protocol handler under fuzzed URLs', () => {
  it('answers any URL and method with 200/404/405, never a file outside the renderer folder', async () => {
    const { createRendererProtocolHandler, resolveRendererFile } = await import('../../../electron/main/renderer-protocol');
    const root = tempDir('vx-renderer-root-');
    const handler = createRendererProtocolHandler(root);
    const pathArb = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('/..%2f..%2fetc/passwd', '/%E0%A4%A', '/%00', '//a:99999/', '/%5c..%5c'));
    await fc.assert(
      fc.asyncProperty(pathArb, fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE'), async (suffix, method) => {
        const url = `app://explorer/${suffix}`;
        const file = resolveRendererFile(root, url);
        if (file) expect(file.startsWith(`${root}/`)).toBe(true);
        let request: Request;
        try {
          request = new Request(url, { method });
        } catch {
          return; // Not a URL Chromium could hand over either.
        }
        const response = await handler(request);
        expect([200, 404, 405]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
  });
});
