/// <reference types="electron" />
import { z } from 'zod';
import { openDocument, type DocumentStore, type NoticeBoard, type StoreFactory } from '../backend';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 880, height: 560 } as const;
/** How much of the title bar must stay on a display for the user to grab and move the window. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
const SAVE_DELAY_MS = 400;

export function openWindowState(options: { factory: StoreFactory; dir: string; notices: NoticeBoard }): DocumentStore<WindowState> {
  return openDocument({
    factory: options.factory,
    dir: options.dir,
    name: 'window-state',
    label: 'window size and position',
    schema: WindowStateSchema,
    version: 1,
    defaults: () => ({ ...DEFAULT_WINDOW_SIZE, maximized: false }),
    notices: options.notices,
  });
}

type Area = Electron.Rectangle;
export interface FittedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

function overlap(a: Area, b: Area): Area {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
}

/**
 * Saved bounds may point at a monitor that has since been unplugged or rearranged. The window
 * keeps its place only if its top strip is still on a display, shrunk to fit that display;
 * otherwise Electron centres it on the primary display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[], primary: Area): FittedBounds {
  const fit = (area: Area) => ({
    width: Math.max(Math.min(state.width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width)),
    height: Math.max(Math.min(state.height, area.height), Math.min(MIN_WINDOW_SIZE.height, area.height)),
  });
  if (state.x === undefined || state.y === undefined) return fit(primary);

  const titleBar: Area = { x: state.x, y: state.y, width: state.width, height: MIN_VISIBLE.height };
  const home = workAreas.find((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
  });
  if (!home) return fit(primary);

  const size = fit(home);
  return {
    x: Math.min(Math.max(state.x, home.x), home.x + home.width - size.width),
    y: Math.min(Math.max(state.y, home.y), home.y + home.height - size.height),
    ...size,
  };
}

export type TrackedWindow = Pick<Electron.BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/**
 * Saves the window's normal (unmaximised) bounds and whether it is maximised. Resizing and
 * moving fire many events per second, so those saves are debounced; closing saves at once.
 */
export function trackWindowState(window: TrackedWindow, store: DocumentStore<WindowState>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    store.write({
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.max(1, Math.round(bounds.width)),
      height: Math.max(1, Math.round(bounds.height)),
      maximized: window.isMaximized(),
    });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
