// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract/profiles';
import { EnvironmentForm } from '../../../renderer/src/workspace/environments/EnvironmentForm';
import { changesOf, rowsOf } from '../../../renderer/src/workspace/environments/EnvironmentVariablesTable';
import { VariablePopover } from '../../../renderer/src/workspace/variables/VariablePopover';
import { layeredScope, VariableScopeContext } from '../../../renderer/src/workspace/variables/variable-scope';
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
    variables: { shop: 'plain-shop' },
    builtIn: false,
    active: true,
    secrets: { client_id: unset, client_secret: unset, subscription_key: unset },
    secretVariables: { partnerKey: { set: true, last4: 'wxyz' } },
    ...overrides,
  };
}

afterEach(cleanup);

describe('environment variables in the editor', () => {
  it('lists a stored secret without its value, and sends back a kept, renamed, replaced or dropped secret as such', () => {
    const rows = rowsOf(profile());
    expect(rows).toEqual([
      { key: 'shop', value: 'plain-shop', secret: false },
      { key: 'partnerKey', value: '', secret: true, storedAs: 'partnerKey', stored: { set: true, last4: 'wxyz' } },
    ]);
    expect(changesOf(rows)).toEqual({ variables: { shop: 'plain-shop' }, secretVariables: [{ name: 'partnerKey' }] });
    expect(changesOf([rows[0]!, { ...rows[1]!, key: 'renamed' }]).secretVariables).toEqual([{ name: 'renamed', previousName: 'partnerKey' }]);
    expect(changesOf([rows[0]!, { ...rows[1]!, value: 'new-value' }]).secretVariables).toEqual([{ name: 'partnerKey', value: 'new-value' }]);
    expect(changesOf([rows[0]!, { ...rows[0]!, key: 'token', value: 'typed', secret: true }])).toEqual({ variables: { shop: 'plain-shop' }, secretVariables: [{ name: 'token', value: 'typed' }] });
    expect(changesOf([rows[0]!]).secretVariables).toEqual([]);
  });

  it('masks a secret’s input, and saving a typed value sends it to updateProfile once and clears it from the form', async () => {
    const calls: unknown[] = [];
    const api = fakeApi({
      updateProfile: async (input: never) => {
        calls.push(input);
        return { ok: true, value: profile({ secretVariables: { partnerKey: { set: true, last4: '4321' } } }) };
      },
    });
    renderWithApi(<EnvironmentForm profile={profile()} onSaved={() => undefined} />, api);
    const value = screen.getByLabelText('Variable 2 value') as HTMLInputElement;
    expect(value.type).toBe('password');
    expect(value.value).toBe('');
    expect(value.placeholder).toContain('wxyz');
    fireEvent.change(value, { target: { value: 'replacement-secret-4321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save environment' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ id: 'p1', changes: { variables: { shop: 'plain-shop' }, secretVariables: [{ name: 'partnerKey', value: 'replacement-secret-4321' }] } });
    await waitFor(() => expect((screen.getByLabelText('Variable 2 value') as HTMLInputElement).value).toBe(''));
    expect((screen.getByLabelText('Variable 2 value') as HTMLInputElement).placeholder).toContain('4321');
  });

  it('the popover names an environment secret’s source and masks it', () => {
    const scope = layeredScope([{ label: 'environment “Test unit”', values: [{ key: 'shop', value: 'plain-shop' }, { key: 'partnerKey', value: '', secret: true }] }]);
    renderWithApi(
      <VariableScopeContext.Provider value={scope}>
        <VariablePopover id="v" name="partnerKey" />
      </VariableScopeContext.Provider>,
    );
    const text = screen.getByTestId('variable-popover').textContent ?? '';
    expect(text).toContain('secret, kept in the keychain');
    expect(text).toContain('from environment “Test unit”');
  });
});
