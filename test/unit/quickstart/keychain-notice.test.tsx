// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';
import { QuickStartView } from '../../../renderer/src/quickstart/QuickStartView';
import { initialQuickStart, newOrderIds } from '../../../shared/quickstart';

afterEach(cleanup);

const AT = '2025-03-01T10:00:00.000Z';
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const UNAVAILABLE = 'The OS keychain cannot be used: there is no D-Bus session bus.';

function profile(id: string, environment: string, active: boolean) {
  return {
    id,
    name: id,
    environment,
    baseUrl: 'http://127.0.0.1:9',
    msn: '123456',
    system: { name: 'a', version: 'b', pluginName: 'c', pluginVersion: 'd' },
    variables: {},
    builtIn: id === 'sandbox',
    active,
    secrets: { client_id: { set: false }, client_secret: { set: false }, subscription_key: { set: false } },
  };
}

function api(activeEnvironment: 'sandbox' | 'test'): ExplorerApi {
  const state = initialQuickStart(newOrderIds(new Date(AT), new Uint8Array(24).fill(3)), AT);
  const base = {
    getQuickStart: async () => ok(state),
    listProfiles: async () => ok({ activeProfileId: activeEnvironment, profiles: [profile('sandbox', 'sandbox', activeEnvironment === 'sandbox'), profile('test', 'test', activeEnvironment === 'test')] }),
    getSettings: async () => ok({ theme: 'system', compactSteps: false }),
    getKeychainStatus: async () => ok({ state: 'unavailable', message: UNAVAILABLE }),
    getTokenInfo: async () => ok({ profileId: activeEnvironment, state: 'none' }),
  };
  return new Proxy(base as Record<string, unknown>, {
    get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not faked: ${key}` } })),
  }) as unknown as ExplorerApi;
}

function renderSetup(explorer: ExplorerApi) {
  return render(
    <ExplorerProvider api={explorer}>
      <QuickStartView onEnvironmentChanged={() => {}} />
    </ExplorerProvider>,
  );
}

describe('the keychain warning on the first screen', () => {
  it('is not shown while the Sandbox, which needs no keys, is the active profile', async () => {
    renderSetup(api('sandbox'));
    await screen.findByText(/Send requests with this profile/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(UNAVAILABLE)).toBeNull();
  });

  it('is shown once a profile that needs keys is active', async () => {
    renderSetup(api('test'));
    await waitFor(() => expect(screen.getByText(UNAVAILABLE)).toBeTruthy());
  });
});
