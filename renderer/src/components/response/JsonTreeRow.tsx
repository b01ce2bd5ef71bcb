import type { ReactNode } from 'react';
import { formatCount } from '../common/format';
import type { TreeRow } from '../../workers/json-tree-model';
import type { VisibleRow } from './useJsonTree';

export const ROW_HEIGHT = 22;
const INDENT = 16;

/** Wraps each occurrence of the search text in <mark>, ignoring case. */
export function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  if (parts.length === 0) return text;
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

function summary(row: TreeRow): string {
  if (row.type === 'array') return `[${formatCount(row.childCount)} ${row.childCount === 1 ? 'item' : 'items'}]`;
  return `{${formatCount(row.childCount)} ${row.childCount === 1 ? 'key' : 'keys'}}`;
}

export interface JsonTreeRowProps {
  id: string;
  visible: VisibleRow;
  top: number;
  active: boolean;
  query: string;
  onSelect(): void;
  onToggle(): void;
}

export function JsonTreeRow({ id, visible, top, active, query, onSelect, onToggle }: JsonTreeRowProps) {
  const { row, place, open } = visible;
  const expandable = row !== null && (row.type === 'object' || row.type === 'array') && row.childCount > 0;
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT, paddingLeft: 4 + place.depth * INDENT };
  if (!row) {
    return (
      <div role="treeitem" id={id} aria-level={place.depth + 1} aria-busy="true" aria-selected={active} className="tree-row tree-row-loading" style={style}>
        <span className="tree-toggle" aria-hidden="true" />
        <span className="json-index">{place.index}:</span> <span className="tree-pending">…</span>
      </div>
    );
  }
  const isRoot = place.parentKey === null;
  return (
    <div
      role="treeitem"
      id={id}
      aria-level={place.depth + 1}
      aria-setsize={place.siblings}
      aria-posinset={place.index + 1}
      aria-expanded={expandable ? open : undefined}
      aria-selected={active}
      className={`tree-row ${active ? 'tree-row-active' : ''}`}
      style={style}
      onClick={onSelect}
      onDoubleClick={expandable ? onToggle : undefined}
    >
      <span
        className="tree-toggle"
        aria-hidden="true"
        onClick={
          expandable
            ? (event) => {
                event.stopPropagation();
                onToggle();
              }
            : undefined
        }
      >
        {expandable ? (open ? '▾' : '▸') : ''}
      </span>
      {isRoot ? (
        <span className="json-index">root</span>
      ) : typeof row.key === 'number' ? (
        <span className="json-index">{row.key}</span>
      ) : (
        <span className="json-key">{highlight(JSON.stringify(row.key), query)}</span>
      )}
      <span className="json-colon">: </span>
      {row.type === 'object' || row.type === 'array' ? (
        <span className="json-summary">{summary(row)}</span>
      ) : (
        <span className={`json-${row.type}`}>{highlight(row.preview, query)}</span>
      )}
    </div>
  );
}
