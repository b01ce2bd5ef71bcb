// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import type { QuickStartState, StepOutcome } from '../../../shared/contract/quickstart';
import { initialQuickStart, newOrderIds, recordStep, startNewOrder } from '../../../shared/quickstart';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';
import { QuickStartView } from '../../../renderer/src/quickstart/QuickStartView';
import { createSampleImage } from '../../../renderer/src/components/image/sample-image';
import { createInProcessClient } from '../../../electron/backend';
import { testBackend } from '../engine/harness';

// The picked image is kept in sessionStorage; one test's image must not reach the next.
afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

const AT = '2025-03-01T10:00:00.000Z';
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

interface FakeAnswer {
  status: number;
  body: unknown;
}

/** A backend in memory: the quick start's transitions are the real shared ones. */
function fakeApi(options: { state?: QuickStartState; answers?: Record<string, FakeAnswer>; extra?: Record<string, unknown> } = {}) {
  let state = options.state ?? initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24).fill(3)), AT);
  const sent: Array<{ url: string; body: string }> = [];
  const calls = {
    saveQuickStart: vi.fn(async (input: { currentStep?: QuickStartState['currentStep'] }) => {
      state = { ...state, currentStep: input.currentStep ?? state.currentStep };
      return ok(state);
    }),
    recordQuickStartStep: vi.fn(async (input: { stepId: QuickStartState['currentStep']; outcome: StepOutcome; extracted?: Record<string, string> }) => {
      state = recordStep(state, input.stepId, input.outcome, AT, input.extracted);
      return ok(state);
    }),
  };
  const api = {
    getQuickStart: async () => ok(state),
    ...calls,
    resetQuickStart: async () => {
      state = initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24).fill(9)), AT);
      return ok(state);
    },
    newQuickStartOrder: async () => {
      state = startNewOrder(state, newOrderIds(new Date(AT), new Uint8Array(24).fill(7)), AT);
      return ok(state);
    },
    listProfiles: async () =>
      ok({
        activeProfileId: 'sandbox',
        profiles: [
          {
            id: 'sandbox',
            name: 'Sandbox',
            environment: 'sandbox',
            baseUrl: 'http://127.0.0.1:9',
            msn: '123456',
            system: { name: 'a', version: 'b', pluginName: 'c', pluginVersion: 'd' },
            variables: {},
            builtIn: true,
            active: true,
            secrets: { client_id: { set: true, last4: 'afa6' }, client_secret: { set: true, last4: '4T' }, subscription_key: { set: true, last4: '4c5d' } },
          },
        ],
      }),
    getSettings: async () => ok({ theme: 'system', compactSteps: false }),
    updateSettings: async () => ok({ theme: 'system', compactSteps: false }),
    getKeychainStatus: async () => ok({ state: 'available', message: '' }),
    getTokenInfo: async () => ok({ profileId: 'sandbox', state: 'none' }),
    previewRequest: async ({ request }: { request: { method: string; url: string; body: string } }) =>
      ok({ method: request.method, url: request.url, headers: [], body: request.body, unresolved: [], toProfileHost: true }),
    sendRequest: async ({ request, variables }: { request: { method: string; url: string; body: string }; variables: { run: Record<string, string> } }) => {
      const url = request.url.replace(/\{\{(\w+)\}\}/g, (_, name: string) => variables.run[name] ?? `{{${name}}}`);
      sent.push({ url, body: request.body });
      const path = Object.keys(options.answers ?? {}).find((p) => url.includes(p));
      const answer = path ? options.answers![path]! : { status: 200, body: {} };
      return ok({
        requestId: 'r',
        sent: { method: request.method, url, headers: [], body: request.body, unresolved: [], toProfileHost: true },
        status: answer.status,
        statusText: '',
        headers: [{ name: 'content-type', value: 'application/json' }],
        body: { kind: 'inline', text: JSON.stringify(answer.body), encoding: 'utf8' },
        size: 10,
        timings: { dns: 0, connect: 0, tls: 0, firstByte: 1, total: 1 },
        redirects: [],
        retriedWithNewToken: false,
      });
    },
  };
  Object.assign(api, options.extra ?? {});
  const proxy = new Proxy(api as Record<string, unknown>, {
    get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not faked: ${key}` } })),
  }) as unknown as ExplorerApi;
  return { api: proxy, calls, sent, state: () => state };
}

function renderView(api: ExplorerApi) {
  return render(
    <ExplorerProvider api={api}>
      <QuickStartView onEnvironmentChanged={() => {}} />
    </ExplorerProvider>,
  );
}

describe('quick-start view', () => {
  it('lists the seven steps in the published order with each step’s saved state', async () => {
    let state = initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24)), AT);
    state = recordStep(state, 'token', { kind: 'answered', status: 200 }, AT);
    state = recordStep(state, 'payment', { kind: 'answered', status: 409 }, AT);
    renderView(fakeApi({ state }).api);
    const nav = await screen.findByRole('navigation', { name: 'Quick start steps' });
    const links = within(nav).getAllByRole('button');
    expect(links.map((l) => l.textContent?.replace(/(Not run|Passed|Failed|Sent)$/, ''))).toEqual([
      '1Setup',
      '2Access token',
      '3Create a payment',
      '4Upload an image (optional)',
      '5Set the category',
      '6Add the order details',
      '7Read the order back',
    ]);
    expect(screen.getByTestId('step-state-token').getAttribute('data-state')).toBe('passed');
    expect(screen.getByTestId('step-state-payment').getAttribute('data-state')).toBe('failed');
    expect(links[2]!.title).toMatch(/last answer 409/);
  });

  it('moves to the next step with the arrow key and remembers the step on screen', async () => {
    const fake = fakeApi();
    renderView(fake.api);
    const current = await screen.findByTestId('step-link-setup');
    expect(current.getAttribute('aria-current')).toBe('step');
    fireEvent.keyDown(current, { key: 'ArrowDown' });
    await screen.findByTestId('step-page-token');
    expect(screen.getByTestId('step-link-token').getAttribute('aria-current')).toBe('step');
    expect(fake.calls.saveQuickStart).toHaveBeenCalledWith({ currentStep: 'token' });
  });

  it('uses the desktop app’s file dialog on the image step when the host has one, checking the file like a dropped one', async () => {
    const sample = createSampleImage();
    const pickImageFile = vi.fn(async () => ok({ picked: { fileName: 'shop.png', base64: sample.base64, bytes: sample.bytes } }));
    const state = { ...initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24).fill(3)), AT), currentStep: 'image' as const };
    const fake = fakeApi({
      state,
      extra: { getAppInfo: async () => ok({ name: 'Vipps Explorer', version: '1', host: 'electron', dataDir: '/d', platform: 'linux', nativeFileDialog: true }), pickImageFile },
    });
    renderView(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose file…' }));
    const facts = await screen.findByTestId('image-facts');
    expect(facts.textContent).toContain('shop.png');
    expect(facts.textContent).toContain(`${sample.width} × ${sample.height} px`);
    expect(pickImageFile).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText('Image file (PNG or JPEG)')).toBeNull();
  });

  it('keeps the file field on the image step in the browser, where there is no system dialog', async () => {
    const state = { ...initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24).fill(3)), AT), currentStep: 'image' as const };
    const fake = fakeApi({
      state,
      extra: { getAppInfo: async () => ok({ name: 'Vipps Explorer', version: '1', host: 'browser', dataDir: '/d', platform: 'linux', nativeFileDialog: false }) },
    });
    renderView(fake.api);
    expect(await screen.findByLabelText('Image file (PNG or JPEG)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Choose file…' })).toBeNull();
  });

  it('marks setup passed when the user continues with the ready Sandbox profile', async () => {
    const fake = fakeApi();
    renderView(fake.api);
    const continueButton = await screen.findByRole('button', { name: /Continue with Sandbox/ });
    expect(screen.getByTestId('sandbox-keys').textContent).toContain('set ••••4c5d');
    fireEvent.click(continueButton);
    await screen.findByTestId('step-page-token');
    await waitFor(() => expect(screen.getByTestId('step-state-setup').getAttribute('data-state')).toBe('passed'));
    expect(fake.calls.recordQuickStartStep).toHaveBeenCalledWith({ stepId: 'setup', outcome: { kind: 'done' } });
  });

  it('runs all steps in the backend’s runner, following its events, and stops at the first failure with its reason', async () => {
    // A real backend with the embedded sandbox, reached through the in-process client.
    const t = await testBackend({ sandbox: { inMemory: true } });
    try {
      const client = createInProcessClient(t.backend, 'test');
      renderView(client);
      fireEvent.click(await screen.findByRole('button', { name: 'Run all steps' }));
      const status = await screen.findByTestId('run-all-status');
      // No picture was picked, so the run uploads the bundled sample image in step 4.
      await waitFor(() => expect(status.textContent).toBe('All 6 requests passed.'), { timeout: 15_000 });
      expect(screen.getByTestId('step-state-image').getAttribute('data-state')).toBe('passed');
      const state = (await client.getQuickStart({})) as { ok: true; value: QuickStartState };
      expect(state.value.steps.payment).toMatchObject({ state: 'passed', status: 201 });
      expect(screen.getByTestId('step-state-receipt').getAttribute('data-state')).toBe('passed');

      // Every call now fails; the run starts a new order (this one has results) and stops at the token.
      await client.setSandboxFaults({ errorRate: 1, errorStatus: 503 });
      fireEvent.click(screen.getByRole('button', { name: 'Run all steps' }));
      await waitFor(() => expect(status.textContent).toMatch(/^Stopped at step 2, Access token \(HTTP 503\): Server error/), { timeout: 15_000 });
      await waitFor(() => expect(screen.getByTestId('step-state-token').getAttribute('data-state')).toBe('failed'));
      expect(screen.getByTestId('step-state-payment').getAttribute('data-state')).toBe('not-run');
      expect(screen.getByTestId('step-state-receipt').getAttribute('data-state')).toBe('not-run');
    } finally {
      cleanup();
      await t.dispose();
    }
  }, 40_000);

  it('starts over only after the user confirms, forgetting every step result', async () => {
    let state = initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24)), AT);
    state = recordStep(state, 'token', { kind: 'answered', status: 200 }, AT);
    renderView(fakeApi({ state }).api);
    fireEvent.click(await screen.findByRole('button', { name: 'Start over…' }));
    expect(screen.getByTestId('step-state-token').getAttribute('data-state')).toBe('passed');
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(screen.getByTestId('step-state-token').getAttribute('data-state')).toBe('not-run'));
  });
});
