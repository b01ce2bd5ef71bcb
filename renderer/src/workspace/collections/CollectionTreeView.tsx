import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { canDrop, dropTarget, type DropTarget, type TreeRowData } from './tree-rows';

export const TREE_ROW_HEIGHT = 28;

export interface TreeActions {
  open(row: TreeRowData): void;
  toggle(row: TreeRowData, open?: boolean): void;
  rename(row: TreeRowData, name: string): void;
  remove(row: TreeRowData): void;
  move(row: TreeRowData, target: DropTarget): void;
  menu(row: TreeRowData, at: { x: number; y: number }): void;
  startRename(row: TreeRowData): void;
}

type Zone = 'before' | 'into' | 'after';

function zoneOf(event: DragEvent<HTMLElement>, row: TreeRowData): Zone {
  const box = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - box.top) / box.height;
  if (row.kind === 'collection') return 'into';
  if (row.kind === 'folder') return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into';
  return y < 0.5 ? 'before' : 'after';
}

/**
 * The sidebar's tree of collections, folders and requests. Only the rows in view exist in the
 * DOM (a 5,000-request collection scrolls like a short one). Keyboard: arrows move and open,
 * Enter opens, F2 renames, Delete deletes, Alt+↑/↓ reorders, Shift+F10 opens the menu.
 */
export function CollectionTreeView({
  rows,
  actions,
  activeKey,
  onActive,
  renamingKey,
  onRenameDone,
}: {
  rows: readonly TreeRowData[];
  actions: TreeActions;
  activeKey: string | null;
  onActive(key: string): void;
  renamingKey: string | null;
  onRenameDone(): void;
}) {
  const scroll = useRef<HTMLDivElement>(null);
  const dragged = useRef<TreeRowData | null>(null);
  const [drop, setDrop] = useState<{ key: string; zone: Zone } | null>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroll.current, estimateSize: () => TREE_ROW_HEIGHT, overscan: 10 });
  const activeIndex = Math.max(0, rows.findIndex((row) => row.key === activeKey));
  const active = rows[activeIndex];

  // Scroll once per newly active row, not on every refresh of the rows; but wait for the row to
  // exist: a search hit revealed in a folder still loading appears a moment after it is chosen.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!activeKey || scrolledTo.current === activeKey || !rows.some((row) => row.key === activeKey)) return;
    scrolledTo.current = activeKey;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeKey, rows, activeIndex, virtualizer]);

  const go = (index: number) => {
    const row = rows[Math.min(rows.length - 1, Math.max(0, index))];
    if (row) onActive(row.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (renamingKey || !active) return;
    const page = Math.max(1, Math.floor((scroll.current?.clientHeight ?? 300) / TREE_ROW_HEIGHT) - 1);
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      if (active.kind === 'collection' || active.readOnly) return;
      const index = event.key === 'ArrowUp' ? active.index - 1 : active.index + 2;
      if (index < 0 || index > active.siblings) return;
      event.preventDefault();
      actions.move(active, { collectionId: active.collectionId, parentPath: active.parentPath, index });
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        go(activeIndex + 1);
        break;
      case 'ArrowUp':
        go(activeIndex - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'PageDown':
        go(activeIndex + page);
        break;
      case 'PageUp':
        go(activeIndex - page);
        break;
      case 'ArrowRight':
        if (active.expandable && !active.expanded) actions.toggle(active, true);
        else if (active.expanded) go(activeIndex + 1);
        break;
      case 'ArrowLeft':
        if (active.expanded) actions.toggle(active, false);
        else {
          const parent = rows.findLastIndex((row, i) => i < activeIndex && row.depth < active.depth);
          if (parent >= 0) go(parent);
        }
        break;
      case 'Enter':
      case ' ':
        if (active.kind === 'request') actions.open(active);
        else actions.toggle(active);
        break;
      case 'F2':
        if (!active.readOnly) actions.startRename(active);
        break;
      case 'Delete':
        if (!active.readOnly && active.kind !== 'collection') actions.remove(active);
        break;
      case 'ContextMenu':
        actions.menu(active, rowPosition(activeIndex));
        break;
      case 'F10':
        if (!event.shiftKey) return;
        actions.menu(active, rowPosition(activeIndex));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rowPosition = (index: number) => {
    const box = scroll.current?.getBoundingClientRect();
    const top = (box?.top ?? 0) + index * TREE_ROW_HEIGHT - (scroll.current?.scrollTop ?? 0);
    return { x: (box?.left ?? 0) + 24, y: top + TREE_ROW_HEIGHT };
  };

  const rowId = (row: TreeRowData) => `tree-${row.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const items = virtualizer.getVirtualItems();
  const activeInDom = active && items.some((item) => item.index === activeIndex);

  return (
    <>
      <p id="tree-keys-hint" className="visually-hidden">
        Arrows move, Enter opens, F2 renames, Alt+Up and Alt+Down reorder, Shift+F10 opens the menu with Move up and Move down. Items can also be dragged by their handle.
      </p>
      <div
        ref={scroll}
        className="tree-scroll"
        role="tree"
        aria-label="Collections"
        aria-describedby="tree-keys-hint"
        tabIndex={0}
        aria-activedescendant={activeInDom && active ? rowId(active) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!activeKey && rows[0]) onActive(rows[0].key);
        }}
      >
        <div role="none" className="tree-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const dropping = drop?.key === row.key ? `drop-${drop.zone}` : '';
            return (
              <div
                key={row.key}
                id={rowId(row)}
                role="treeitem"
                aria-label={row.kind === 'request' ? `${row.name}, ${row.method}` : row.problems ? `${row.name}, ${row.problems} unreadable files` : row.name}
                // The whole name on hover, however narrow the sidebar (the accessible name above already holds it whole).
                title={`${row.kind === 'request' ? `${row.method} ` : ''}${row.name}${row.readOnly && row.kind === 'collection' ? ' (built in)' : ''}${row.problems ? ` (${row.problems} unreadable files)` : ''}`}
                aria-level={row.depth + 1}
                aria-setsize={row.siblings}
                aria-posinset={row.index + 1}
                aria-expanded={row.expandable ? row.expanded : undefined}
                aria-selected={row.key === activeKey}
                data-kind={row.kind}
                data-path={row.path}
                className={`tree-row tree-${row.kind} ${row.key === activeKey ? 'tree-row-active' : ''} ${dropping}`}
                style={{ transform: `translateY(${item.start}px)`, paddingLeft: 8 + row.depth * 14 }}
                draggable={!row.readOnly && row.kind !== 'collection' && renamingKey !== row.key}
                onClick={() => {
                  onActive(row.key);
                  if (row.kind === 'request') actions.open(row);
                  else actions.toggle(row);
                  scroll.current?.focus({ preventScroll: true });
                }}
                onContextMenu={(event) => {
                  event.preventDefault();
                  onActive(row.key);
                  actions.menu(row, { x: event.clientX, y: event.clientY });
                }}
                onDragStart={(event) => {
                  dragged.current = row;
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', row.name);
                }}
                onDragEnd={() => {
                  dragged.current = null;
                  setDrop(null);
                }}
                onDragOver={(event) => {
                  const from = dragged.current;
                  if (!from || row.readOnly) return;
                  const zone = zoneOf(event, row);
                  if (!canDrop(from, dropTarget(row, zone)) || from.key === row.key) return;
                  event.preventDefault();
                  if (drop?.key !== row.key || drop.zone !== zone) setDrop({ key: row.key, zone });
                }}
                onDragLeave={() => setDrop((current) => (current?.key === row.key ? null : current))}
                onDrop={(event) => {
                  event.preventDefault();
                  const from = dragged.current;
                  setDrop(null);
                  if (!from) return;
                  const target = dropTarget(row, zoneOf(event, row));
                  if (canDrop(from, target)) actions.move(from, target);
                }}
              >
                {row.expandable && (
                  <span className="tree-caret" aria-hidden="true">
                    {row.expanded ? '▾' : '▸'}
                  </span>
                )}
                {row.kind === 'request' && <span className={`method-badge method-${(row.method ?? 'get').toLowerCase()}`}>{row.method}</span>}
                {renamingKey === row.key ? (
                  <RenameInput
                    row={row}
                    onDone={(name) => {
                      if (name) actions.rename(row, name);
                      onRenameDone();
                      scroll.current?.focus();
                    }}
                  />
                ) : (
                  <span className="tree-name">{row.name}</span>
                )}
                {row.readOnly && row.kind === 'collection' && <span className="tree-tag">built in</span>}
                {row.problems ? <span className="tree-tag tree-problem">{row.problems} unreadable</span> : null}
                {!row.readOnly && row.kind !== 'collection' && (
                  // A visible grip says the row can be dragged; the keyboard's way is in its tooltip and in the menu.
                  <span className="tree-handle" aria-hidden="true" title="Drag to move, or press Alt+↑ / Alt+↓">
                    ⠿
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

function RenameInput({ row, onDone }: { row: TreeRowData; onDone(name: string | null): void }) {
  const [value, setValue] = useState(row.name);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name && name.trim() !== '' && name.trim() !== row.name ? name.trim() : null);
  };
  return (
    <input
      className="tree-rename"
      aria-label={`New name for ${row.name}`}
      autoFocus
      value={value}
      onClick={(e) => e.stopPropagation()}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        if (e.key === 'Escape') finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}
