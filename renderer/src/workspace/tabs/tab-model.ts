import type { OpenTab, TabOrigin, WorkspaceState } from '../../../../shared/contract/workspace';
import { MAX_OPEN_TABS } from '../../../../shared/contract/workspace';
import { newRequest, type ApiRequest } from '../../../../shared/model/request';

export interface WorkspaceTab {
  id: string;
  origin: TabOrigin;
  /** Null while a saved request is being read. */
  request: ApiRequest | null;
  /** The saved version as JSON, to tell unsaved edits; null when nothing of it is saved. */
  baseline: string | null;
  title: string;
  loadError?: string;
}

const json = new WeakMap<ApiRequest, string>();
function asJson(request: ApiRequest): string {
  let text = json.get(request);
  if (text === undefined) {
    text = JSON.stringify(request);
    json.set(request, text);
  }
  return text;
}

export function isDirty(tab: WorkspaceTab): boolean {
  if (!tab.request) return false;
  return tab.baseline === null || asJson(tab.request) !== tab.baseline;
}

export function baselineOf(request: ApiRequest): string {
  return asJson(request);
}

export function tabTitle(tab: WorkspaceTab): string {
  return tab.request?.name ?? tab.title ?? 'Request';
}

const DEFAULT_NAME = /^New request( \d+)?$/;
const BLANK_URL = '{{baseUrl}}/';

/**
 * What the tab strip shows: a new tab keeps its default name only until a URL is typed, then
 * shows the URL (the method sits beside it), as Postman does; a named request shows its name.
 */
export function tabLabel(tab: WorkspaceTab): string {
  const request = tab.request;
  if (!request || tab.origin.kind !== 'new' || !DEFAULT_NAME.test(request.name)) return tabTitle(tab);
  const url = request.url.trim();
  if (!url || url === BLANK_URL) return tabTitle(tab);
  return url.replace(/^\{\{baseUrl\}\}/, '') || url;
}

/** The tab after (step 1) or before (step -1) the one in front, going round. */
export function cycleTab(tabs: readonly WorkspaceTab[], activeId: string | null, step: 1 | -1): string | null {
  if (tabs.length === 0) return null;
  const at = tabs.findIndex((tab) => tab.id === activeId);
  if (at < 0) return tabs[0]!.id;
  return tabs[(at + step + tabs.length) % tabs.length]!.id;
}

export function sameOrigin(a: TabOrigin, b: TabOrigin): boolean {
  return a.kind === 'item' && b.kind === 'item' && a.collectionId === b.collectionId && a.path === b.path;
}

let counter = 0;
export function newTabId(): string {
  counter += 1;
  return `tab-${Date.now().toString(36)}-${counter}`;
}

export function blankRequest(existing: readonly WorkspaceTab[]): ApiRequest {
  const taken = new Set(existing.map((tab) => tab.request?.name ?? tab.title));
  let name = 'New request';
  for (let n = 2; taken.has(name); n++) name = `New request ${n}`;
  return newRequest({ name, method: 'GET', url: '{{baseUrl}}/' });
}

/** What goes to workspace.json: unsaved work in full, saved requests by reference only. */
export function toStored(tabs: readonly WorkspaceTab[], activeId: string | null, splits: { stackedSplit: number; sideSplit: number }): WorkspaceState {
  const kept = tabs.slice(-MAX_OPEN_TABS);
  return {
    tabs: kept.map((tab): OpenTab => {
      const keepDraft = tab.request !== null && (tab.origin.kind === 'new' || isDirty(tab));
      return { id: tab.id, origin: tab.origin, title: tabTitle(tab), ...(keepDraft && tab.request ? { draft: tab.request } : {}) };
    }),
    activeTabId: kept.some((tab) => tab.id === activeId) ? activeId : (kept[kept.length - 1]?.id ?? null),
    ...splits,
  };
}

/** Tabs as stored; saved requests still need reading from their collections. */
export function fromStored(state: WorkspaceState): WorkspaceTab[] {
  return state.tabs.map((tab) => ({ id: tab.id, origin: tab.origin, request: tab.draft ?? null, baseline: null, title: tab.title || tab.draft?.name || 'Request' }));
}

/** After a move or rename: tabs on the old path (or inside an old folder) follow it. */
export function retargetTabs(tabs: readonly WorkspaceTab[], collectionId: string, from: string, to: string, toCollectionId = collectionId): WorkspaceTab[] {
  return tabs.map((tab) => {
    if (tab.origin.kind !== 'item' || tab.origin.collectionId !== collectionId) return tab;
    const path = tab.origin.path;
    if (path === from) return { ...tab, origin: { kind: 'item', collectionId: toCollectionId, path: to } };
    if (path.startsWith(`${from}/`)) return { ...tab, origin: { kind: 'item', collectionId: toCollectionId, path: `${to}${path.slice(from.length)}` } };
    return tab;
  });
}
