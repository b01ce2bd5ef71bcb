import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuEntry {
  label: string;
  run(): void;
  danger?: boolean;
  /** The key that does the same in the tree, shown beside the label so the menu teaches it ("Alt+↑"). */
  shortcut?: { shown: string; aria: string };
}

/** A context menu (WAI-ARIA menu pattern): arrows move, Enter runs, Escape closes and gives focus back. */
export function TreeMenu({ label, entries, at, onClose }: { label: string; entries: readonly MenuEntry[]; at: { x: number; y: number }; onClose(): void }) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next: number;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
      return;
    } else return;
    event.preventDefault();
    items[next]?.focus();
  };

  const top = Math.min(at.y, window.innerHeight - entries.length * 30 - 16);
  return (
    <ul ref={menu} className="tree-menu" role="menu" aria-label={label} style={{ left: at.x, top: Math.max(8, top) }} onKeyDown={onKeyDown}>
      {entries.map((entry) => (
        <li key={entry.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={entry.danger ? 'tree-menu-danger' : undefined}
            aria-keyshortcuts={entry.shortcut?.aria}
            onClick={() => {
              onClose();
              entry.run();
            }}
          >
            {entry.label}
            {entry.shortcut && (
              <kbd className="tree-menu-key" aria-hidden="true">
                {entry.shortcut.shown}
              </kbd>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
