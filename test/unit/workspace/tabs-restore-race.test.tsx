// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import type { WorkspaceState } from '../../../shared/contract/workspace';
import { useWorkspaceTabs } from '../../../renderer/src/workspace/tabs/useWorkspaceTabs';

afterEach(cleanup);

const STORED: WorkspaceState = {
  tabs: [{ id: 'stored-1', origin: { kind: 'new' }, title: 'Kept from last time', draft: { name: 'Kept from last time', method: 'GET', url: 'https://example.test/kept', headers: [], query: [], body: { mode: 'none' } } as never }],
  activeTabId: 'stored-1',
  stackedSplit: 0.5,
  sideSplit: 0.5,
};

/** An api whose getWorkspace answers only when the test says so: the launch moment, held open. */
function slowApi() {
  let answer!: () => void;
  const api = {
    getWorkspace: () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: STORED }))),
    saveWorkspace: () => Promise.resolve({ ok: true, value: {} }),
    getRequest: () => Promise.resolve({ ok: false, error: { code: 'not-found', message: 'none' } }),
  } as unknown as ExplorerApi;
  return { api, answer: () => answer() };
}

describe('open tabs restored at launch', () => {
  it('keep a tab opened before they arrived (Ctrl+N at launch), in front, after the stored ones', async () => {
    const { api, answer } = slowApi();
    const { result } = renderHook(() => useWorkspaceTabs(api));
    let opened = '';
    act(() => {
      opened = result.current.openNew();
    });
    await act(async () => answer());
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(result.current.tabs.map((tab) => tab.id)).toEqual(['stored-1', opened]);
    expect(result.current.activeId).toBe(opened);
  });

  it('bring the stored front tab to the front when nothing was opened meanwhile', async () => {
    const { api, answer } = slowApi();
    const { result } = renderHook(() => useWorkspaceTabs(api));
    await act(async () => answer());
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(result.current.tabs.map((tab) => tab.id)).toEqual(['stored-1']);
    expect(result.current.activeId).toBe('stored-1');
  });
});
