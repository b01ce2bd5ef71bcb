import { useCallback, useState } from 'react';

/** Narrow enough to leave 1024 px windows a usable request area, wide enough for the view names. */
export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 560;
export const SIDEBAR_DEFAULT = 260;
const WIDTH_KEY = 'vx.sidebar.width';
const COLLAPSED_KEY = 'vx.sidebar.collapsed';

export const clampWidth = (width: number) => Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));

/** A stored width, or the default when nothing (or nonsense) is stored. */
export function readWidth(stored: string | null): number {
  const value = Number(stored);
  return stored !== null && Number.isFinite(value) ? clampWidth(value) : SIDEBAR_DEFAULT;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // A locked-down browser profile: the layout then lasts only this session.
    return null;
  }
}

/**
 * The sidebar's width and whether it is hidden. A layout choice of this window, not of the data
 * folder, so it lives in the renderer's local storage and survives a reload or restart.
 */
export function useSidebarLayout() {
  const [width, setWidthState] = useState(() => readWidth(storage()?.getItem(WIDTH_KEY) ?? null));
  const [collapsed, setCollapsedState] = useState(() => storage()?.getItem(COLLAPSED_KEY) === '1');
  const setWidth = useCallback((next: number) => {
    const value = clampWidth(next);
    setWidthState(value);
    storage()?.setItem(WIDTH_KEY, String(value));
  }, []);
  const setCollapsed = useCallback((next: boolean) => {
    setCollapsedState(next);
    storage()?.setItem(COLLAPSED_KEY, next ? '1' : '0');
  }, []);
  return { width, setWidth, collapsed, setCollapsed };
}
