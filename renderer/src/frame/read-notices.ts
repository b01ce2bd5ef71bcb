import { useSyncExternalStore } from 'react';

/**
 * Notices the user has read ("Got it"): they leave the banner above the view and live on as one
 * line in the status bar, until dismissed there or opened again. Kept for this window's session
 * only; a notice raised anew after a restart has a new id and shows in full once more.
 */
const STORAGE_KEY = 'vx-read-notices';
const listeners = new Set<() => void>();
let read: ReadonlySet<string> = load();

function load(): ReadonlySet<string> {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

function publish(next: ReadonlySet<string>): void {
  read = next;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
  } catch {
    // Storage may be unavailable (a locked-down profile); the choice then lasts until a reload.
  }
  for (const listener of listeners) listener();
}

export function markNoticeRead(id: string): void {
  if (!read.has(id)) publish(new Set([...read, id]));
}

/** Shows every read notice in full again (the status bar's line, clicked). */
export function unreadNotices(ids: readonly string[]): void {
  publish(new Set([...read].filter((id) => !ids.includes(id))));
}

export function useReadNotices(): ReadonlySet<string> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read,
  );
}
