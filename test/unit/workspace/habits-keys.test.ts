import { describe, expect, it } from 'vitest';
import { keysFor, SHORTCUTS, shortcutFor, type KeyLike } from '../../../renderer/src/workspace/layout/shortcuts';
import { clampWidth, readWidth, SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from '../../../renderer/src/workspace/layout/sidebar-layout';
import { cycleTab, tabLabel, type WorkspaceTab } from '../../../renderer/src/workspace/tabs/tab-model';
import { newRequest } from '../../../shared/model/request';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('workspace shortcuts', () => {
  it('reads Ctrl on Linux and Windows and Cmd on a Mac as the modifier', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }), false, false)).toBe('new-request');
    expect(shortcutFor(key('N', { ctrlKey: true }), false, false)).toBe('new-request');
    expect(shortcutFor(key('n', { metaKey: true }), true, false)).toBe('new-request');
    expect(shortcutFor(key('n', { metaKey: true }), false, false)).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true }), true, false)).toBeNull();
    expect(shortcutFor(key('t', { ctrlKey: true }), false, false)).toBe('new-tab');
    expect(shortcutFor(key('w', { ctrlKey: true }), false, false)).toBe('close-tab');
    expect(shortcutFor(key('l', { ctrlKey: true }), false, false)).toBe('focus-url');
    expect(shortcutFor(key('/', { ctrlKey: true }), false, false)).toBe('shortcuts');
    expect(shortcutFor(key('n'), false, false)).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true, altKey: true }), false, false)).toBeNull();
  });

  it('moves between tabs with Ctrl+Tab and Ctrl+Shift+Tab on every platform', () => {
    expect(shortcutFor(key('Tab', { ctrlKey: true }), false, false)).toBe('next-tab');
    expect(shortcutFor(key('Tab', { ctrlKey: true, shiftKey: true }), true, false)).toBe('previous-tab');
    expect(shortcutFor(key('Tab'), false, false)).toBeNull();
  });

  it('leaves a code editor its own keys (select line, comment) and never takes a key the editor already handled', () => {
    expect(shortcutFor(key('l', { ctrlKey: true }), false, true)).toBeNull();
    expect(shortcutFor(key('/', { ctrlKey: true }), false, true)).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true }), false, true)).toBe('new-request');
    expect(shortcutFor(key('n', { ctrlKey: true, defaultPrevented: true }), false, false)).toBeNull();
  });

  it('lists every shortcut the handler knows, each once, with what it does, written for the platform', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['new-request', 'new-tab', 'close-tab', 'next-tab', 'previous-tab', 'focus-url', 'shortcuts', 'toggle-sidebar']) expect(ids).toContain(id);
    expect(keysFor('Mod+N', true)).toBe('⌘N');
    expect(keysFor('Mod+N', false)).toBe('Ctrl+N');
  });
});

describe('sidebar width', () => {
  it('keeps the width between its bounds and falls back to the default for nothing or nonsense stored', () => {
    expect(clampWidth(10)).toBe(SIDEBAR_MIN);
    expect(clampWidth(5000)).toBe(SIDEBAR_MAX);
    expect(readWidth('333')).toBe(333);
    expect(readWidth(null)).toBe(SIDEBAR_DEFAULT);
    expect(readWidth('wide')).toBe(SIDEBAR_DEFAULT);
  });
});

describe('tab labels and order', () => {
  const tab = (id: string, name: string, url: string, kind: 'new' | 'item' = 'new'): WorkspaceTab => ({
    id,
    origin: kind === 'new' ? { kind: 'new' } : { kind: 'item', collectionId: 'c', path: 'a.yaml' },
    request: newRequest({ name, method: 'GET', url }),
    baseline: null,
    title: name,
  });

  it('shows a new tab’s URL once one is typed, until the request is named', () => {
    expect(tabLabel(tab('1', 'New request', '{{baseUrl}}/'))).toBe('New request');
    expect(tabLabel(tab('1', 'New request 2', '{{baseUrl}}/epayment/v1/payments'))).toBe('/epayment/v1/payments');
    expect(tabLabel(tab('1', 'New request', 'https://example.com/x'))).toBe('https://example.com/x');
    expect(tabLabel(tab('1', 'Create payment', '{{baseUrl}}/epayment/v1/payments'))).toBe('Create payment');
    expect(tabLabel(tab('1', 'New request', '{{baseUrl}}/x', 'item'))).toBe('New request');
  });

  it('goes round the tabs both ways', () => {
    const tabs = [tab('a', 'A', ''), tab('b', 'B', ''), tab('c', 'C', '')];
    expect(cycleTab(tabs, 'c', 1)).toBe('a');
    expect(cycleTab(tabs, 'a', -1)).toBe('c');
    expect(cycleTab(tabs, 'a', 1)).toBe('b');
    expect(cycleTab([], null, 1)).toBeNull();
  });
});
