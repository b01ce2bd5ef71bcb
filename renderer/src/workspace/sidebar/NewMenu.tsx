import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface NewMenuProps {
  onRequest(): void;
  onCollection(): void;
  onImport(): void;
}

const ITEMS = [
  { id: 'request', label: 'Request', hint: 'A new request tab (Ctrl/Cmd+N)' },
  { id: 'collection', label: 'Collection', hint: 'A new, empty collection' },
  { id: 'import', label: 'Import…', hint: 'A Postman collection, an OpenAPI file or curl commands' },
] as const;

/** "New" in the sidebar header: a menu button, as the ARIA practices describe it (arrows, Home, End, Escape). */
export function NewMenu({ onRequest, onCollection, onImport }: NewMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent) => {
      if (!list.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const pick = (id: (typeof ITEMS)[number]['id']) => {
    setOpen(false);
    if (id === 'request') onRequest();
    else if (id === 'collection') onCollection();
    else onImport();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  };

  return (
    <div className="new-menu">
      <button
        ref={button}
        type="button"
        className="button-secondary new-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="new-menu-list"
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        New
      </button>
      {open && (
        <ul ref={list} id="new-menu-list" role="menu" aria-label="New" className="new-menu-list" onKeyDown={onMenuKey}>
          {ITEMS.map((item) => (
            <li key={item.id} role="none">
              <button type="button" role="menuitem" tabIndex={-1} title={item.hint} onClick={() => pick(item.id)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
