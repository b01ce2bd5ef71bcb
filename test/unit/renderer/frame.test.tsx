// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import { App } from '../../../renderer/src/App';

afterEach(cleanup);

function fakeApi(overrides: Partial<Record<keyof ExplorerApi, unknown>> = {}): ExplorerApi {
  const notices = [{ id: 'n1', level: 'warning', message: 'Your app settings could not be read. The file was moved to /x/settings.corrupt.json', createdAt: '' }];
  const base = {
    getStatus: async () => ({
      ok: true,
      value: { environment: { profileId: 'sandbox', profileName: 'Sandbox', kind: 'sandbox', baseUrl: 'http://127.0.0.1:9999' }, notices: [...notices] },
    }),
    dismissNotice: async ({ id }: { id: string }) => {
      notices.splice(notices.findIndex((n) => n.id === id), 1);
      return { ok: true, value: { dismissed: true } };
    },
    getAppInfo: async () => ({ ok: true, value: { name: 'Vipps Explorer', version: '9.9.9', host: 'browser', dataDir: '/data', platform: 'linux' } }),
    getSettings: async () => ({ ok: true, value: { theme: 'system', compactSteps: false } }),
    updateSettings: async () => ({ ok: true, value: { theme: 'system', compactSteps: false } }),
  };
  return new Proxy({ ...base, ...overrides } as Record<string, unknown>, {
    get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not faked: ${key}` } })),
  }) as unknown as ExplorerApi;
}

describe('app frame', () => {
  it('shows the active environment in the status bar', async () => {
    render(<App api={fakeApi()} />);
    const env = await screen.findByTestId('active-environment');
    expect(env.textContent).toContain('Sandbox');
    expect(env.textContent).toContain('http://127.0.0.1:9999');
  });

  it('shows a notice and removes it when dismissed', async () => {
    render(<App api={fakeApi()} />);
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain('settings.corrupt.json');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss this notice' }));
    await waitFor(() => expect(screen.queryByTestId('notice')).toBeNull());
  });

  it('counts every notice in the status bar, with the latest one’s text, whichever view is open', async () => {
    render(<App api={fakeApi()} />);
    const summary = await screen.findByTestId('status-notices');
    expect(within(screen.getByRole('contentinfo')).getByTestId('status-notices')).toBe(summary);
    expect(summary.textContent).toMatch(/^1 notice: Your app settings could not be read/);
  });

  it('says the backend is unreachable when the status call fails', async () => {
    render(<App api={fakeApi({ getStatus: async () => ({ ok: false, error: { code: 'NETWORK', message: 'The browser host is not answering.' } }) })} />);
    expect(await screen.findByText('Backend unreachable')).toBeTruthy();
    expect(within(screen.getByRole('contentinfo')).getByRole('alert').textContent).toContain('not answering');
  });
});
