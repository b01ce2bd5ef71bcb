import { useState, type KeyboardEvent } from 'react';
import { formatCount } from '../common/format';
import type { TreeSearch } from './useJsonTree';

export interface TreeSearchBarProps {
  idPrefix: string;
  search: TreeSearch;
  onFind(query: string): void;
  onStep(delta: 1 | -1): void;
}

function describe(search: TreeSearch): string {
  if (search.busy) return 'Searching…';
  if (search.error) return search.error;
  if (!search.query) return '';
  if (search.matches.length === 0) return 'No matches';
  const total = `${formatCount(search.matches.length)}${search.truncated ? '+' : ''}`;
  return `${formatCount(search.current + 1)} of ${total}`;
}

/** Finds keys and values; Enter finds (or goes to the next match), Shift+Enter goes back. */
export function TreeSearchBar({ idPrefix, search, onFind, onStep }: TreeSearchBarProps) {
  const [text, setText] = useState('');
  const inputId = `${idPrefix}-tree-search`;
  const hasMatches = search.query === text && search.matches.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (hasMatches) onStep(event.shiftKey ? -1 : 1);
    else onFind(text);
  };

  return (
    <div className="tree-search" role="search">
      <label htmlFor={inputId} className="visually-hidden">
        Find in body
      </label>
      <input id={inputId} type="search" placeholder="Find a key or value" value={text} onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown} />
      <button type="button" className="button-quiet" onClick={() => (hasMatches ? onStep(1) : onFind(text))} disabled={text.trim() === '' || search.busy}>
        {hasMatches ? 'Next' : 'Find'}
      </button>
      <button type="button" className="button-quiet" aria-label="Previous match" onClick={() => onStep(-1)} disabled={!hasMatches}>
        Previous
      </button>
      <span className="tree-search-status" role="status">
        {describe(search)}
      </span>
    </div>
  );
}
