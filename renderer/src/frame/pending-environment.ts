import { useSyncExternalStore } from 'react';
import type { ActiveEnvironment } from '../../../shared/contract/app';

/**
 * The environment the user just picked, shown by the status bar at once while the backend makes
 * the switch (reading the profile's keys can take seconds on a desktop keyring). A tiny store of
 * its own, so the switcher and the status bar need no shared parent state.
 */
let pending: ActiveEnvironment | null = null;
const listeners = new Set<() => void>();

function publish(next: ActiveEnvironment | null): void {
  pending = next;
  for (const listener of listeners) listener();
}

export function showPendingEnvironment(environment: ActiveEnvironment): void {
  publish(environment);
}

/** The switch finished (or failed): the status bar's own answer from the backend counts again. */
export function clearPendingEnvironment(): void {
  if (pending) publish(null);
}

export function usePendingEnvironment(): ActiveEnvironment | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
}
