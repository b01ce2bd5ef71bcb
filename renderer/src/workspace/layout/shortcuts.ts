/**
 * Every keyboard shortcut of the workspace, in one list: the frame's key handler reads it, and so
 * does the shortcuts sheet, so the sheet cannot miss one. "Mod" is Ctrl, or Cmd on a Mac.
 */
export type ShortcutId = 'new-request' | 'new-tab' | 'close-tab' | 'next-tab' | 'previous-tab' | 'focus-url' | 'shortcuts' | 'save' | 'send' | 'toggle-sidebar';

export interface Shortcut {
  id: ShortcutId;
  keys: string;
  does: string;
  /** Handled by the workspace frame (the others belong to the request view or its editors). */
  global: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new-request', keys: 'Mod+N', does: 'New request tab, focus in the URL (from any view)', global: true },
  { id: 'new-tab', keys: 'Mod+T', does: 'New request tab, as Mod+N', global: true },
  { id: 'close-tab', keys: 'Mod+W', does: 'Close the request tab in front (asks when it has unsaved changes)', global: true },
  { id: 'next-tab', keys: 'Ctrl+Tab', does: 'Next request tab', global: true },
  { id: 'previous-tab', keys: 'Ctrl+Shift+Tab', does: 'Previous request tab', global: true },
  { id: 'focus-url', keys: 'Mod+L', does: 'Focus the URL of the request in front', global: true },
  { id: 'toggle-sidebar', keys: 'Mod+B', does: 'Hide or show the sidebar', global: true },
  { id: 'shortcuts', keys: 'Mod+/', does: 'This list of shortcuts', global: true },
  { id: 'save', keys: 'Mod+S', does: 'Save the request in front (asks where when it is new)', global: false },
  { id: 'send', keys: 'Mod+Enter', does: 'Send the request (Enter in the URL field too)', global: false },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented?: boolean;
}

/** Keys a code editor (CodeMirror) binds itself: select line, toggle comment. Inside one they stay the editor's. */
const EDITOR_KEYS = new Set(['l', '/']);

/**
 * Which workspace shortcut a key press is, or null. `inEditor` is true while a code editor has
 * the focus; an event the editor already handled (defaultPrevented) is never taken from it.
 */
export function shortcutFor(event: KeyLike, isMac: boolean, inEditor: boolean): ShortcutId | null {
  if (event.defaultPrevented || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.ctrlKey && key === 'Tab') return event.shiftKey ? 'previous-tab' : 'next-tab';
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) return null;
  if (inEditor && EDITOR_KEYS.has(key)) return null;
  if (event.shiftKey && key !== '?') return null;
  switch (key) {
    case 'n':
      return 'new-request';
    case 't':
      return 'new-tab';
    case 'w':
      return 'close-tab';
    case 'l':
      return 'focus-url';
    case 'b':
      return 'toggle-sidebar';
    case '/':
    case '?':
      return 'shortcuts';
    default:
      return null;
  }
}

/** "Mod+N" as this platform writes it. */
export function keysFor(keys: string, isMac: boolean): string {
  return keys.replace('Mod+', isMac ? '⌘' : 'Ctrl+');
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
