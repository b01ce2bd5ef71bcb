import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { CollectionSummary } from '../../../../shared/model/collection';
import type { ApiRequest } from '../../../../shared/model/request';

export interface SaveTarget {
  collectionId: string;
  path: string;
  request: ApiRequest;
}

const NEW = '__new__';

/**
 * Where the focus goes once the dialog is gone. After a save the next thing to do is usually to
 * run or find what was saved, so the focus moves to the Collections tree, where the saved request
 * is revealed and selected (Shift+F10 opens its menu with Run). After Cancel it goes back to
 * what opened the dialog. Without this the focus fell to the page's start, 29 Shift+Tabs away
 * from the Runner.
 */
function focusAfterClose(saved: boolean, opener: Element | null): void {
  // After the dialog has unmounted and the tree has taken the revealed row as its active one.
  window.setTimeout(() => {
    const tree = document.querySelector<HTMLElement>('[role="tree"][aria-label="Collections"]');
    const back = opener instanceof HTMLElement && opener.isConnected && !opener.matches(':disabled') ? opener : null;
    const target = (saved && tree?.checkVisibility() ? tree : null) ?? back ?? document.getElementById('main');
    target?.focus();
  }, 0);
}

/** Where to save a new request: an existing collection, or a new one named here. */
export function SaveDialog({ api, request, onSaved, onCancel }: { api: ExplorerApi; request: ApiRequest; onSaved(target: SaveTarget): void; onCancel(): void }) {
  const id = useId();
  const [name, setName] = useState(request.name);
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null);
  const [choice, setChoice] = useState<string>(NEW);
  const [newName, setNewName] = useState('My requests');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  const cancel = () => {
    onCancel();
    focusAfterClose(false, opener.current);
  };

  useEffect(() => {
    opener.current = document.activeElement;
    first.current?.focus();
    void api.listCollections({}).then((answer) => {
      if (!answer.ok) {
        setError(answer.error.message);
        setCollections([]);
        return;
      }
      const writable = answer.value.collections.filter((c) => !c.readOnly);
      setCollections(writable);
      if (writable[0]) setChoice(writable[0].id);
    });
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let collectionId = choice;
    if (choice === NEW) {
      const created = await api.createCollection({ name: newName });
      if (!created.ok) {
        setBusy(false);
        setError(created.error.message);
        return;
      }
      collectionId = created.value.id;
    }
    const named = { ...request, name: name.trim() || request.name };
    const saved = await api.createItem({ collectionId, parentPath: '', item: { kind: 'request', source: { kind: 'request', request: named }, name: named.name } });
    setBusy(false);
    if (!saved.ok) {
      setError(saved.error.message);
      return;
    }
    onSaved({ collectionId, path: saved.value.path, request: named });
    focusAfterClose(true, opener.current);
  };

  return (
    <div className="modal-backdrop">
      {/* The dialog role sits on a div: a form may not take it (axe: aria-allowed-role). */}
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
        <form className="modal-form" onSubmit={(e) => void submit(e)}>
          <h2 id={`${id}-title`}>Save request</h2>
          <label htmlFor={`${id}-name`}>Request name</label>
          <input ref={first} id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} required />
          <label htmlFor={`${id}-collection`}>Collection</label>
          <select id={`${id}-collection`} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!collections}>
            {(collections ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
          {choice === NEW && (
            <>
              <label htmlFor={`${id}-new`}>Name of the new collection</label>
              <input id={`${id}-new`} type="text" value={newName} onChange={(e) => setNewName(e.target.value)} required />
            </>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="button-quiet" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
