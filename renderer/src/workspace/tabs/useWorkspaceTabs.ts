import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { TabOrigin } from '../../../../shared/contract/workspace';
import type { ApiRequest } from '../../../../shared/model/request';
import { baselineOf, blankRequest, cycleTab, fromStored, isDirty, newTabId, retargetTabs, sameOrigin, toStored, type WorkspaceTab } from './tab-model';

const SAVE_DELAY_MS = 400;

export interface WorkspaceTabs {
  ready: boolean;
  tabs: WorkspaceTab[];
  activeId: string | null;
  splits: { stackedSplit: number; sideSplit: number };
  activate(id: string): void;
  openNew(request?: ApiRequest): string;
  openItem(collectionId: string, path: string, title?: string): string;
  update(id: string, request: ApiRequest): void;
  close(id: string): void;
  markSaved(id: string, origin: TabOrigin, request: ApiRequest): void;
  retarget(collectionId: string, from: string, to: string, toCollectionId?: string): void;
  renamed(collectionId: string, path: string, name: string): void;
  setSplit(which: 'stackedSplit' | 'sideSplit', ratio: number): void;
  /** Close a tab, or, when it has unsaved changes, ask first (the strip shows the question). */
  askClose(id: string): void;
  confirming: string | null;
  setConfirming(id: string | null): void;
  /** Bring the next (1) or previous (-1) tab to the front. */
  cycle(step: 1 | -1): void;
}

/**
 * The open request tabs. They are written to workspace.json a moment after each change, so a
 * restart opens the same tabs with their unsaved edits; saved requests are read afresh.
 */
export function useWorkspaceTabs(api: ExplorerApi): WorkspaceTabs {
  const [ready, setReady] = useState(false);
  const [tabs, setTabs] = useState<WorkspaceTab[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [splits, setSplits] = useState({ stackedSplit: 0.5, sideSplit: 0.5 });
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  /** Set by changes that must reach the disk at once (open, close, save, move); typing waits a moment. */
  const urgent = useRef(false);

  const load = useCallback(
    async (tab: WorkspaceTab) => {
      if (tab.origin.kind !== 'item') return;
      const { collectionId, path } = tab.origin;
      const answer = await api.getRequest({ collectionId, path });
      setTabs((current) =>
        current.map((t) => {
          if (t.id !== tab.id) return t;
          if (!answer.ok) return { ...t, loadError: answer.error.message };
          return { ...t, request: t.request ?? answer.value.request, baseline: baselineOf(answer.value.request), loadError: undefined };
        }),
      );
    },
    [api],
  );

  useEffect(() => {
    let live = true;
    void api.getWorkspace({}).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        const restored = fromStored(answer.value);
        // A tab opened before the stored ones arrived (Ctrl+N pressed at launch) is kept, after
        // them, and stays in front: replacing the list would drop it.
        setTabs((current) => [...restored, ...current.filter((tab) => !restored.some((r) => r.id === tab.id))]);
        setActiveId((current) => current ?? answer.value.activeTabId);
        setSplits({ stackedSplit: answer.value.stackedSplit, sideSplit: answer.value.sideSplit });
        for (const tab of restored) void load(tab);
      }
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [api, load]);

  useEffect(() => {
    if (!ready) return;
    const delay = urgent.current ? 0 : SAVE_DELAY_MS;
    urgent.current = false;
    const timer = window.setTimeout(() => void api.saveWorkspace(toStored(tabs, activeId, splits)), delay);
    return () => window.clearTimeout(timer);
  }, [api, ready, tabs, activeId, splits]);

  const openNew = useCallback((request?: ApiRequest) => {
    urgent.current = true;
    const id = newTabId();
    setTabs((current) => {
      const fresh = request ?? blankRequest(current);
      return [...current, { id, origin: { kind: 'new' }, request: fresh, baseline: request ? null : baselineOf(fresh), title: fresh.name }];
    });
    setActiveId(id);
    return id;
  }, []);

  const openItem = useCallback(
    (collectionId: string, path: string, title = '') => {
      const origin: TabOrigin = { kind: 'item', collectionId, path };
      const open = tabsRef.current.find((tab) => sameOrigin(tab.origin, origin));
      if (open) {
        setActiveId(open.id);
        return open.id;
      }
      urgent.current = true;
      const tab: WorkspaceTab = { id: newTabId(), origin, request: null, baseline: null, title };
      setTabs((current) => [...current, tab]);
      setActiveId(tab.id);
      void load(tab);
      return tab.id;
    },
    [load],
  );

  const update = useCallback((id: string, request: ApiRequest) => setTabs((current) => current.map((tab) => (tab.id === id ? { ...tab, request } : tab))), []);

  const close = useCallback((id: string) => {
    urgent.current = true;
    setTabs((current) => {
      const at = current.findIndex((tab) => tab.id === id);
      const next = current.filter((tab) => tab.id !== id);
      setActiveId((active) => (active === id ? (next[Math.min(at, next.length - 1)]?.id ?? null) : active));
      return next;
    });
  }, []);

  const markSaved = useCallback((id: string, origin: TabOrigin, request: ApiRequest) => {
    urgent.current = true;
    setTabs((current) => current.map((tab) => (tab.id === id ? { ...tab, origin, request, baseline: baselineOf(request), title: request.name } : tab)));
  }, []);

  const retarget = useCallback((collectionId: string, from: string, to: string, toCollectionId?: string) => {
    urgent.current = true;
    setTabs((current) => retargetTabs(current, collectionId, from, to, toCollectionId));
  }, []);

  /** A request renamed in the tree: its open tab takes the new name, without counting as an edit. */
  const renamed = useCallback((collectionId: string, path: string, name: string) => {
    urgent.current = true;
    setTabs((current) =>
      current.map((tab) => {
        if (tab.origin.kind !== 'item' || tab.origin.collectionId !== collectionId || tab.origin.path !== path || !tab.request) return tab;
        const wasClean = !isDirty(tab);
        const request = { ...tab.request, name };
        return { ...tab, title: name, request, baseline: wasClean ? baselineOf(request) : tab.baseline };
      }),
    );
  }, []);

  const activate = useCallback((id: string) => {
    urgent.current = true;
    setActiveId(id);
  }, []);

  const [confirming, setConfirming] = useState<string | null>(null);
  const askClose = useCallback(
    (id: string) => {
      const tab = tabsRef.current.find((t) => t.id === id);
      if (!tab) return;
      if (isDirty(tab)) setConfirming(id);
      else close(id);
    },
    [close],
  );
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const cycle = useCallback((step: 1 | -1) => {
    const next = cycleTab(tabsRef.current, activeRef.current, step);
    if (next) {
      urgent.current = true;
      setActiveId(next);
    }
  }, []);

  const setSplit = useCallback((which: 'stackedSplit' | 'sideSplit', ratio: number) => setSplits((current) => ({ ...current, [which]: ratio })), []);

  return { ready, tabs, activeId, splits, activate, openNew, openItem, update, close, markSaved, retarget, renamed, setSplit, askClose, confirming, setConfirming, cycle };
}
