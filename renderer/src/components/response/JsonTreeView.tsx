import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { CopyButton } from '../common/CopyButton';
import type { TreeRow } from '../../workers/json-tree-model';
import { formatJsonPath } from './json-path';
import type { JsonTreeSource } from './json-tree-source';
import { JsonTreeRow, ROW_HEIGHT } from './JsonTreeRow';
import { TreeSearchBar } from './TreeSearchBar';
import { EXPAND_ALL_ROWS, useJsonTree } from './useJsonTree';
import { useRowWindow } from './useRowWindow';
import { formatCount } from '../common/format';

/** Rows rendered beyond each edge of the view, so a quick scroll does not show blanks. */
const OVERSCAN_ROWS = 12;

export interface JsonTreeViewProps {
  source: JsonTreeSource;
  root: TreeRow;
  idPrefix: string;
}

/**
 * The body as a collapsible tree. Only the rows in view exist in the DOM, and only the pages of
 * rows near the view are held here; the rest is asked of the source as the user scrolls.
 */
export function JsonTreeView({ source, root, idPrefix }: JsonTreeViewProps) {
  const tree = useJsonTree(source, root);
  const { layout, active, setActive } = tree;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pendingScroll, setPendingScroll] = useState<number | null>(null);
  const [expandNote, setExpandNote] = useState<string | null>(null);
  const [expanding, setExpanding] = useState(false);

  const { first, last, totalHeight, scrollToIndex } = useRowWindow(scrollRef, layout.rowCount, ROW_HEIGHT, OVERSCAN_ROWS);

  const { ensureRows, version } = tree;
  useEffect(() => ensureRows(first, last), [ensureRows, first, last, version]);

  useEffect(() => {
    if (pendingScroll === null || pendingScroll < 0) return;
    scrollToIndex(pendingScroll);
    setPendingScroll(null);
  }, [pendingScroll, scrollToIndex, version]);

  const moveTo = (index: number) => {
    if (index < 0 || index >= layout.rowCount) return;
    setActive(index);
    setPendingScroll(index);
  };

  const activeRow = tree.rowAt(Math.min(active, layout.rowCount - 1));
  const activePath = activeRow?.path ?? null;
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tree.rowAt(active);
    const expandable = Boolean(current?.row && current.row.childCount > 0);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(Math.min(active + 1, layout.rowCount - 1));
        break;
      case 'ArrowUp':
        moveTo(Math.max(active - 1, 0));
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(layout.rowCount - 1);
        break;
      case 'PageDown':
        moveTo(Math.min(active + pageSize, layout.rowCount - 1));
        break;
      case 'PageUp':
        moveTo(Math.max(active - pageSize, 0));
        break;
      case 'ArrowRight':
        if (expandable && !current?.open) tree.expand(active);
        else if (current?.open) moveTo(active + 1);
        break;
      case 'ArrowLeft':
        if (current?.open) tree.collapse(active);
        else moveTo(tree.parentRow(active));
        break;
      case 'Enter':
      case ' ':
        if (expandable) tree.toggle(active);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rowId = (index: number) => `${idPrefix}-tree-row-${index}`;
  const onFound = (row: number) => {
    if (row >= 0) moveTo(row);
  };

  return (
    <div className="json-tree">
      <div className="json-tree-toolbar">
        <TreeSearchBar
          idPrefix={idPrefix}
          search={tree.search}
          onFind={(query) => void tree.find(query).then(onFound)}
          onStep={(delta) => void tree.step(delta).then(onFound)}
        />
        <span className="toolbar-spacer" />
        <CopyButton
          label="Copy value"
          ariaLabel={activePath ? `Copy the value at ${formatJsonPath(activePath)}` : 'Copy value'}
          disabled={!activePath}
          text={() => (activePath ? source.valueText(activePath) : '')}
        />
        <CopyButton
          label="Copy path"
          ariaLabel={activePath ? `Copy the path ${formatJsonPath(activePath)}` : 'Copy path'}
          disabled={!activePath}
          text={activePath ? formatJsonPath(activePath) : ''}
        />
        <button
          type="button"
          className="button-quiet"
          disabled={expanding}
          onClick={() => {
            setExpanding(true);
            void tree
              .expandAll()
              .then((complete) => setExpandNote(complete ? null : `Opened the first ${formatCount(EXPAND_ALL_ROWS)} rows; open deeper nodes one by one, or search.`))
              .catch((cause: unknown) => setExpandNote(cause instanceof Error ? cause.message : String(cause)))
              .finally(() => setExpanding(false));
          }}
        >
          Expand all
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setExpandNote(null);
            tree.collapseAll();
          }}
        >
          Collapse all
        </button>
      </div>
      {activePath && (
        <p className="json-tree-path" aria-live="polite">
          <span className="visually-hidden">Selected: </span>
          <code>{formatJsonPath(activePath)}</code>
        </p>
      )}
      {expandNote && <p className="section-hint">{expandNote}</p>}
      {tree.loadError && (
        <p className="field-error" role="alert">
          {tree.loadError}
        </p>
      )}
      <div
        ref={scrollRef}
        role="tree"
        aria-label="Response body as a tree"
        aria-activedescendant={active >= first && active < last ? rowId(active) : undefined}
        tabIndex={0}
        className="json-tree-scroll"
        style={{ '--tree-height': `${Math.max(totalHeight, ROW_HEIGHT * 3) + 2}px` } as CSSProperties}
        onKeyDown={onKeyDown}
      >
        <div role="none" className="json-tree-canvas" style={{ height: totalHeight }}>
          {Array.from({ length: last - first }, (_, offset) => {
            const index = first + offset;
            const visible = tree.rowAt(index);
            if (!visible) return null;
            return (
              <JsonTreeRow
                key={index}
                id={rowId(index)}
                visible={visible}
                top={index * ROW_HEIGHT}
                active={index === active}
                query={tree.search.query}
                onSelect={() => {
                  setActive(index);
                  scrollRef.current?.focus({ preventScroll: true });
                }}
                onToggle={() => {
                  tree.toggle(index);
                  scrollRef.current?.focus({ preventScroll: true });
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
