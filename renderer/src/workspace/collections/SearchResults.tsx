import { useEffect, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { SearchHit } from '../../../../shared/contract/collections';

const SEARCH_DELAY_MS = 150;

/** Requests whose name, URL, body, headers, params or description hold the text. */
export function SearchResults({ api, query, onOpen }: { api: ExplorerApi; query: string; onOpen(hit: SearchHit): void }) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void api.searchCollections({ query: query.trim(), limit: 200 }).then((answer) => {
        if (!live) return;
        if (!answer.ok) {
          setError(answer.error.message);
          return;
        }
        setError(null);
        setHits(answer.value.hits);
        setTruncated(answer.value.truncated);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, query]);

  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!hits) return <p className="section-hint">Searching…</p>;
  return (
    <div className="search-results">
      <p className="section-hint" role="status">
        {hits.length === 0 ? 'No request matches.' : `${hits.length}${truncated ? '+' : ''} ${hits.length === 1 ? 'match' : 'matches'}`}
      </p>
      <ul>
        {hits.map((hit) => (
          <li key={`${hit.collectionId}:${hit.path}:${hit.field}`}>
            <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
              <span className={`method-badge method-${hit.method.toLowerCase()}`}>{hit.method}</span>
              <span className="tree-name">{hit.name}</span>
              <span className="search-hit-where">
                {hit.collectionName} · {hit.field}: {hit.excerpt}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
