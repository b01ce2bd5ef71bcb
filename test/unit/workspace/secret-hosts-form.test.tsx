// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract/profiles';
import { EnvironmentForm } from '../../../renderer/src/workspace/environments/EnvironmentForm';
import { ForeignScriptRequests } from '../../../renderer/src/workspace/runner/ForeignScriptRequests';
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

describe('a run row lists what its scripts sent to other hosts', () => {
  it('names each host, a refused send as refused and an answered one with its status', () => {
    render(
      <ForeignScriptRequests
        requests={[
          { method: 'GET', url: 'https://evil.example/c', host: 'evil.example', refused: true, error: 'Not sent: …' },
          { method: 'POST', url: 'https://hooks.example/x', host: 'hooks.example', status: 204, refused: false },
        ]}
      />,
    );
    const items = screen.getByRole('list', { name: 'Script requests to other hosts' }).querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['↗ script sent GET to evil.example: refused, it would carry a secret there', '↗ script sent POST to hooks.example: 204']);
  });

  it('shows nothing for a request whose scripts stayed on the profile’s host', () => {
    const { container } = render(<ForeignScriptRequests requests={undefined} />);
    expect(container.textContent).toBe('');
  });
});
