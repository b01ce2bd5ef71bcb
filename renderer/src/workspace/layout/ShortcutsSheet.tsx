import { useEffect, useRef } from 'react';
import { IS_MAC, keysFor, SHORTCUTS } from './shortcuts';

/** The table of every shortcut, read from the same list the key handler uses. */
export function ShortcutsTable({ isMac = IS_MAC }: { isMac?: boolean }) {
  return (
    <table className="shortcuts-table">
      <caption className="visually-hidden">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">What it does</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.id}>
            <td>
              <kbd>{keysFor(s.keys, isMac)}</kbd>
            </td>
            <td>{s.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Ctrl/Cmd+/ : the shortcuts in a modal dialog; Escape or Close returns the focus where it was. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal?.();
    return () => before?.focus?.();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-sheet" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <ShortcutsTable />
      <p className="section-hint">Inside a code editor, its own keys (select line, comment) win over these.</p>
      <button type="button" className="button-primary" autoFocus onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
