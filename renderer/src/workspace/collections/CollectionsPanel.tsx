import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { newRequest } from '../../../../shared/model/request';
import { collectionsHeaderActions } from '../slots';
import { useWorkspace } from '../workspace-context';
import { CollectionTreeView, type TreeActions } from './CollectionTreeView';
import { SearchResults } from './SearchResults';
import { TreeMenu, type MenuEntry } from './TreeMenu';
import { rowKey, type DropTarget, type TreeRowData } from './tree-rows';
import { useCollections } from './useCollections';

interface Undo {
  token: string;
  name: string;
  collectionId: string;
}

/** The Collections section of the sidebar: header actions, search, the tree and its menu. */
export function CollectionsPanel() {
  const ws = useWorkspace();
  const { api } = ws;
  const model = useCollections(api, ws.collectionsVersion);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [renamingKey, setRenamingKey] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ row: TreeRowData; at: { x: number; y: number } } | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');

  const fail = (text: string) => setMessage(text);

  const { revealTarget } = ws;
  const toggleRef = useRef(model.toggle);
  toggleRef.current = model.toggle;
  useEffect(() => {
    if (!revealTarget) return;
    const parts = revealTarget.path.split('/');
    for (let i = 0; i < parts.length; i++) toggleRef.current(rowKey(revealTarget.collectionId, parts.slice(0, i).join('/')), true);
    setActiveKey(rowKey(revealTarget.collectionId, revealTarget.path));
  }, [revealTarget]);
  const after = useCallback(
    async (collectionIds: string[]) => {
      await Promise.all([...new Set(collectionIds)].map((id) => model.refreshTree(id)));
      await model.refresh();
    },
    [model],
  );

  const openItem = (collectionId: string, path: string, title?: string) => {
    ws.tabs.openItem(collectionId, path, title);
    ws.showView('requests');
  };

  const createRequest = async (row: TreeRowData) => {
    const parentPath = row.kind === 'request' ? row.parentPath : row.path;
    const request = newRequest({ name: 'New request', url: '{{baseUrl}}/' });
    const answer = await api.createItem({ collectionId: row.collectionId, parentPath, item: { kind: 'request', source: { kind: 'request', request }, name: request.name } });
    if (!answer.ok) return fail(answer.error.message);
    model.toggle(rowKey(row.collectionId, parentPath), true);
    await after([row.collectionId]);
    setActiveKey(rowKey(row.collectionId, answer.value.path));
    openItem(row.collectionId, answer.value.path, request.name);
  };

  const createFolder = async (row: TreeRowData) => {
    const parentPath = row.kind === 'request' ? row.parentPath : row.path;
    const answer = await api.createItem({ collectionId: row.collectionId, parentPath, item: { kind: 'folder', name: 'New folder' } });
    if (!answer.ok) return fail(answer.error.message);
    model.toggle(rowKey(row.collectionId, parentPath), true);
    await after([row.collectionId]);
    const key = rowKey(row.collectionId, answer.value.path);
    setActiveKey(key);
    setRenamingKey(key);
  };

  const actions: TreeActions = {
    open: (row) => openItem(row.collectionId, row.path, row.name),
    toggle: (row, open) => model.toggle(row.key, open),
    startRename: (row) => setRenamingKey(row.key),
    rename: async (row, name) => {
      const answer = await api.renameItem({ collectionId: row.collectionId, path: row.path, name });
      if (!answer.ok) return fail(answer.error.message);
      ws.tabs.retarget(row.collectionId, row.path, answer.value.path);
      if (row.kind === 'request') ws.tabs.renamed(row.collectionId, answer.value.path, name);
      if (row.expanded) model.toggle(rowKey(row.collectionId, answer.value.path), true);
      setActiveKey(rowKey(row.collectionId, answer.value.path));
      await after([row.collectionId]);
    },
    remove: async (row) => {
      const answer = await api.deleteItem({ collectionId: row.collectionId, path: row.path });
      if (!answer.ok) return fail(answer.error.message);
      setUndo({ token: answer.value.undoToken, name: row.name, collectionId: row.collectionId });
      await after([row.collectionId]);
    },
    move: async (row, target: DropTarget) => {
      const sameParent = target.collectionId === row.collectionId && target.parentPath === row.parentPath;
      // The backend takes the item out before inserting it, so a later position shifts by one.
      const index = sameParent && target.index !== undefined && target.index > row.index ? target.index - 1 : target.index;
      if (sameParent && index === row.index) return;
      const answer = await api.moveItem({ collectionId: row.collectionId, path: row.path, toCollectionId: target.collectionId, toParentPath: target.parentPath, index });
      if (!answer.ok) return fail(answer.error.message);
      ws.tabs.retarget(row.collectionId, row.path, answer.value.path, target.collectionId);
      if (target.parentPath !== row.parentPath || target.collectionId !== row.collectionId) model.toggle(rowKey(target.collectionId, target.parentPath), true);
      setActiveKey(rowKey(target.collectionId, answer.value.path));
      await after([row.collectionId, target.collectionId]);
    },
    menu: (row, at) => setMenu({ row, at }),
  };

  const entriesFor = (row: TreeRowData): MenuEntry[] => {
    const entries: MenuEntry[] = [];
    if (row.kind === 'request') entries.push({ label: 'Open', run: () => actions.open(row) });
    if (!row.readOnly && row.kind !== 'request') {
      entries.push({ label: 'New request', run: () => void createRequest(row) });
      entries.push({ label: 'New folder', run: () => void createFolder(row) });
    }
    if (!row.readOnly && row.kind !== 'collection') {
      entries.push({ label: 'Rename', run: () => setRenamingKey(row.key), shortcut: { shown: 'F2', aria: 'F2' } });
      // The same moves as Alt+↑/↓ in the tree, offered where people look for them.
      if (row.index > 0) entries.push({ label: 'Move up', run: () => void actions.move(row, { collectionId: row.collectionId, parentPath: row.parentPath, index: row.index - 1 }), shortcut: { shown: 'Alt+↑', aria: 'Alt+ArrowUp' } });
      if (row.index < row.siblings - 1) entries.push({ label: 'Move down', run: () => void actions.move(row, { collectionId: row.collectionId, parentPath: row.parentPath, index: row.index + 2 }), shortcut: { shown: 'Alt+↓', aria: 'Alt+ArrowDown' } });
      entries.push({
        label: 'Duplicate',
        run: async () => {
          const answer = await api.duplicateItem({ collectionId: row.collectionId, path: row.path });
          if (!answer.ok) return fail(answer.error.message);
          setActiveKey(rowKey(row.collectionId, answer.value.path));
          await after([row.collectionId]);
        },
      });
    }
    entries.push({ label: row.kind === 'request' ? 'Run' : 'Run all', run: () => ws.run({ collectionId: row.collectionId, path: row.path }) });
    if (row.kind !== 'request') entries.push({ label: 'Settings and variables', run: () => ws.editSettings(row.collectionId, row.path) });
    if (!row.readOnly && row.kind !== 'collection') entries.push({ label: 'Delete', danger: true, run: () => void actions.remove(row), shortcut: { shown: 'Del', aria: 'Delete' } });
    return entries;
  };

  const createCollection = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await api.createCollection({ name: newName });
    if (!answer.ok) return fail(answer.error.message);
    setCreating(false);
    setNewName('');
    model.toggle(rowKey(answer.value.id, ''), true);
    setActiveKey(rowKey(answer.value.id, ''));
    await model.refresh();
  };

  return (
    <section className="collections-panel" aria-labelledby="collections-title">
      <div className="panel-header">
        <h2 id="collections-title" className="panel-title">
          Collections
        </h2>
        <span className="toolbar-spacer" />
        <button type="button" className="button-quiet icon-button" aria-label="New collection" title="New collection" onClick={() => setCreating((v) => !v)}>
          +
        </button>
        {/* Refreshed through the workspace, so every view that lists collections (the Runner too) reads them again. */}
        {collectionsHeaderActions.map((Action, i) => (
          <Action key={i} collections={model.collections} refresh={ws.collectionsChanged} openItem={openItem} />
        ))}
      </div>
      {creating && (
        <form className="panel-form" onSubmit={(e) => void createCollection(e)}>
          <label htmlFor="new-collection-name" className="visually-hidden">
            Name of the new collection
          </label>
          <input id="new-collection-name" type="text" placeholder="Collection name" autoFocus required value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="button-secondary">
            Create
          </button>
        </form>
      )}
      <label htmlFor="collections-search" className="visually-hidden">
        Search requests
      </label>
      <input
        id="collections-search"
        className="panel-search"
        type="search"
        // Short enough for the narrowest sidebar (200 px); the fields searched are in the tooltip.
        placeholder="Search requests"
        title="Searches names, URLs, bodies, headers, params and descriptions"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
      />
      {message && (
        <p className="field-error panel-message" role="alert">
          {message}{' '}
          <button type="button" className="link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      )}
      {model.error && !message && (
        <p className="field-error panel-message" role="alert">
          {model.error}
        </p>
      )}
      {query.trim() !== '' ? (
        <SearchResults
          api={api}
          query={query}
          onOpen={(hit) => {
            openItem(hit.collectionId, hit.path, hit.name);
            // Back to the tree, with the hit unfolded, selected and scrolled into view, so the user sees where it lives.
            setQuery('');
            ws.reveal(hit.collectionId, hit.path);
          }}
        />
      ) : model.rows.length > 0 ? (
        <CollectionTreeView rows={model.rows} actions={actions} activeKey={activeKey} onActive={setActiveKey} renamingKey={renamingKey} onRenameDone={() => setRenamingKey(null)} />
      ) : (
        model.loaded && <p className="section-hint panel-empty">No collections yet. Save a request, or make one with +.</p>
      )}
      {undo && (
        <div className="undo-toast" role="status">
          <span>Deleted “{undo.name}”.</span>
          <button
            type="button"
            className="button-quiet"
            onClick={async () => {
              const answer = await api.undoDelete({ undoToken: undo.token });
              setUndo(null);
              if (!answer.ok) return fail(answer.error.message);
              await after([undo.collectionId]);
            }}
          >
            Undo
          </button>
          <button type="button" className="button-quiet" aria-label="Dismiss" onClick={() => setUndo(null)}>
            ✕
          </button>
        </div>
      )}
      {menu && <TreeMenu label={`Actions for ${menu.row.name}`} entries={entriesFor(menu.row)} at={menu.at} onClose={() => setMenu(null)} />}
    </section>
  );
}
