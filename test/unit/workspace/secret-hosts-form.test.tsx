// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract/profiles';
import { EnvironmentForm } from '../../../renderer/src/workspace/environments/EnvironmentForm';
import { fakeApi, renderWithApi } from '../components/helpers';

function profile(overrides: Partial<ProfileView> = {}): ProfileView {
  const unset = { set: false };
  return {
    id: 'p1',
    name: 'Test unit',
    environment: 'test',
    baseUrl: 'https://apitest.vipps.no',
    msn: '212121',
    system: { name: 'a', version: 'b', pluginName: 'c', pluginVersion: 'd' },
    variables: {},
    builtIn: false,
    active: true,
    secrets: { client_id: unset, client_secret: { set: true, last4: 'abcd' }, subscription_key: unset },
    secretVariables: { partnerKey: { set: true, last4: 'wxyz' } },
    allowedHosts: { keys: {}, variables: { partnerKey: ['partner.example'] } },
    ...overrides,
  };
}

afterEach(cleanup);

describe('allowed hosts in the environment form', () => {
  it('shows the profile’s own host and the stored hosts, and saves edited hosts per secret, a renamed variable keeping its own', async () => {
    const calls: Array<{ changes: { allowedHosts?: unknown } }> = [];
    const api = fakeApi({
      updateProfile: async (input: never) => {
        calls.push(input);
        return { ok: true, value: profile({ allowedHosts: { keys: { client_secret: ['evil.example'] }, variables: { partner: ['partner.example'] } } }) };
      },
    });
    renderWithApi(<EnvironmentForm profile={profile()} onSaved={() => undefined} />, api);
    expect(screen.getByText('apitest.vipps.no')).toBeTruthy();
    expect((screen.getByLabelText('Allowed hosts for partnerKey') as HTMLInputElement).value).toBe('partner.example');
    fireEvent.change(screen.getByLabelText('Allowed hosts for client_secret'), { target: { value: 'evil.example, ' } });
    fireEvent.change(screen.getByLabelText('Variable 1 name'), { target: { value: 'partner' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save environment' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.changes.allowedHosts).toEqual({ keys: { client_secret: ['evil.example'] }, variables: { partner: ['partner.example'] } });
    await waitFor(() => expect((screen.getByLabelText('Allowed hosts for client_secret') as HTMLInputElement).value).toBe('evil.example'));
  });

  it('the built-in Sandbox has no key host fields (its keys are the sandbox’s), but its secret variables have theirs', () => {
    renderWithApi(<EnvironmentForm profile={profile({ builtIn: true })} onSaved={() => undefined} />, fakeApi({}));
    expect(screen.queryByLabelText('Allowed hosts for client_secret')).toBeNull();
    expect(screen.getByLabelText('Allowed hosts for partnerKey')).toBeTruthy();
  });
});
