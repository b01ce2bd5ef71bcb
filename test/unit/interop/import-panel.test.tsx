// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExplorerApi, ImportPreview, ImportResult } from '../../../shared/contract';
import { newRequest } from '../../../shared/model/request';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';
import { ImportPanel } from '../../../renderer/src/interop/ImportPanel';

afterEach(cleanup);

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const pasted = newRequest({ name: 'PUT /categories', method: 'PUT', url: '{{base_url}}/categories/1', headers: [{ key: 'Authorization', value: 'YOUBearer {{access_token}}', enabled: true }] });
const fixed = { ...pasted, headers: [{ key: 'Authorization', value: 'Bearer {{access_token}}', enabled: true }] };

function preview(request = pasted, withDefect = true): ImportPreview {
  return {
    format: 'curl',
    name: 'Pasted curl',
    requestCount: 1,
    folderCount: 0,
    notes: [],
    variables: [],
    undefinedVariables: [],
    items: [
      {
        location: request.name,
        name: request.name,
        method: request.method,
        url: request.url,
        notes: [],
        defects: withDefect ? [{ kind: 'bearer-scheme', message: 'The Authorization header uses the scheme "YOUBearer".', fix: { label: 'Write "Bearer" instead of "YOUBearer"', request: fixed } }] : [],
        request,
      },
    ],
  };
}

function fakeApi() {
  const result: ImportResult = { ...preview(fixed, false), collectionId: 'c1', collectionName: 'Pasted curl', created: true, parentPath: '', variables: [{ key: 'access_token', destination: 'profile', reason: 'The profile supplies it.' }] };
  const api = {
    listCollections: vi.fn(() => ok({ collections: [] })),
    previewImport: vi.fn((input: { source: { kind: string; requests?: unknown[] } }) => ok(input.source.kind === 'requests' && JSON.stringify(input.source.requests).includes('"Bearer ') ? preview(fixed, false) : preview())),
    importInto: vi.fn(() => ok(result)),
  };
  return api;
}

describe('the import panel', () => {
  it('checks pasted text, applies a one-click fix, and imports with the keychain consent the user gave', async () => {
    const api = fakeApi();
    render(
      <ExplorerProvider api={api as unknown as ExplorerApi}>
        <ImportPanel />
      </ExplorerProvider>,
    );
    fireEvent.change(screen.getByLabelText('Pasted text'), { target: { value: 'curl -X PUT …' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('The Authorization header uses the scheme "YOUBearer".');
    expect(api.previewImport).toHaveBeenLastCalledWith(expect.objectContaining({ source: { kind: 'text', text: 'curl -X PUT …' } }));

    fireEvent.click(screen.getByRole('button', { name: 'Write "Bearer" instead of "YOUBearer"' }));
    await waitFor(() => expect(screen.queryByText('The Authorization header uses the scheme "YOUBearer".')).toBeNull());
    expect(api.previewImport).toHaveBeenLastCalledWith(expect.objectContaining({ source: { kind: 'requests', requests: [fixed] } }));

    fireEvent.click(screen.getByRole('checkbox', { name: /Keep keys and tokens/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Imported 1 request into “Pasted curl”/);
    expect(api.importInto).toHaveBeenCalledWith({ source: { kind: 'requests', requests: [fixed] }, storeKeys: true, target: { kind: 'new' } });
    expect(screen.getByRole('table', { name: 'Where each value went' }).textContent).toContain('From the profile');
  });

  it('shows the backend’s refusal in words', async () => {
    const api = { ...fakeApi(), previewImport: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'INVALID_INPUT' as const, message: 'This is not something we can import.' } })) };
    render(
      <ExplorerProvider api={api as unknown as ExplorerApi}>
        <ImportPanel />
      </ExplorerProvider>,
    );
    fireEvent.change(screen.getByLabelText('Pasted text'), { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This is not something we can import.');
  });
});
