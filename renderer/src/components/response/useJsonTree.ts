import { useCallback, useMemo, useRef, useState } from 'react';
import type { JsonPath, SearchMatch, TreeRow } from '../../workers/json-tree-model';
import { pathKey } from './json-path';
import type { JsonTreeSource } from './json-tree-source';
import { TreeLayout, type OpenNode, type RowPlace } from './tree-layout';

/** Rows asked of the source at a time. */
export const PAGE_ROWS = 200;
/** Expand all stops opening nodes once this many rows are visible; a huge body stays usable. */
export const EXPAND_ALL_ROWS = 20_000;
/** Children read per node while expanding all. */
const EXPAND_ALL_CHILDREN = 2_000;
/** Pages kept; scrolling through a million rows must not keep them all. */
const MAX_CACHED_PAGES = 400;

export interface VisibleRow {
  place: RowPlace;
  /** Null while its page is on the way. */
  row: TreeRow | null;
  path: JsonPath | null;
  open: boolean;
}

export interface TreeSearch {
  query: string;
  matches: SearchMatch[];
  truncated: boolean;
  current: number;
  busy: boolean;
  error: string | null;
}

const NO_SEARCH: TreeSearch = { query: '', matches: [], truncated: false, current: -1, busy: false, error: null };

function pageId(parentKey: string, page: number): string {
  return `${page}:${parentKey}`;
}

/**
 * The tree's state on the main thread: which nodes are open, the pages of rows seen recently,
 * the active row and the search. The parsed body itself stays with the source. A new body gets
 * a new view (BodyView keys it by source), so nothing here outlives its source.
 */
export function useJsonTree(source: JsonTreeSource, root: TreeRow) {
  // The top level is open from the start, as in other API clients: a small answer reads at a
  // glance, and a huge one still shows only its first page of rows.
  const layout = useMemo(() => {
    const fresh = new TreeLayout(root);
    if (root.childCount > 0) fresh.expand({ path: [], childCount: root.childCount, parentKey: null, index: 0 });
    return fresh;
  }, [root]);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const pages = useRef(new Map<string, TreeRow[]>());
  const requested = useRef(new Set<string>());
  const [active, setActive] = useState(0);
  const [search, setSearch] = useState<TreeSearch>(NO_SEARCH);
  const [loadError, setLoadError] = useState<string | null>(null);

  const rowAt = useCallback(
    (index: number): VisibleRow | null => {
      const place = layout.place(index);
      if (!place) return null;
      if (place.parentKey === null) return { place, row: root, path: [], open: layout.isOpen([]) };
      const rows = pages.current.get(pageId(place.parentKey, Math.floor(place.index / PAGE_ROWS)));
      const row = rows?.[place.index % PAGE_ROWS] ?? null;
      const path = row ? [...place.parentPath, row.key as string | number] : null;
      return { place, row, path, open: path ? layout.isOpen(path) : false };
    },
    // `version` is a dependency on purpose: a new page or layout must give a new function.
    [layout, root, version],
  );

  /** Asks for the pages of the rows in [from, to) that are not here yet. */
  const ensureRows = useCallback(
    (from: number, to: number) => {
      const wanted = new Map<string, { parentPath: JsonPath; parentKey: string; page: number }>();
      for (let i = from; i < to; i++) {
        const place = layout.place(i);
        if (!place || place.parentKey === null) continue;
        const page = Math.floor(place.index / PAGE_ROWS);
        const id = pageId(place.parentKey, page);
        if (!pages.current.has(id) && !requested.current.has(id)) wanted.set(id, { parentPath: place.parentPath, parentKey: place.parentKey, page });
      }
      for (const [id, want] of wanted) {
        requested.current.add(id);
        source
          .children(want.parentPath, want.page * PAGE_ROWS, (want.page + 1) * PAGE_ROWS)
          .then((answer) => {
            requested.current.delete(id);
            const cache = pages.current;
            cache.set(id, answer.rows);
            if (cache.size > MAX_CACHED_PAGES) cache.delete(cache.keys().next().value as string);
            refresh();
          })
          .catch((cause: unknown) => {
            requested.current.delete(id);
            setLoadError(cause instanceof Error ? cause.message : String(cause));
          });
      }
    },
    [layout, source, refresh],
  );

  const expand = useCallback(
    (index: number) => {
      const visible = rowAt(index);
      if (!visible?.row || !visible.path || visible.row.childCount === 0) return;
      layout.expand({ path: visible.path, childCount: visible.row.childCount, parentKey: visible.place.parentKey, index: visible.place.index });
      setActive(index);
      refresh();
    },
    [layout, rowAt, refresh],
  );

  const collapse = useCallback(
    (index: number) => {
      const visible = rowAt(index);
      if (!visible?.path) return;
      layout.collapse(visible.path);
      setActive(index);
      refresh();
    },
    [layout, rowAt, refresh],
  );

  const toggle = useCallback((index: number) => (rowAt(index)?.open ? collapse(index) : expand(index)), [rowAt, expand, collapse]);

  const collapseAll = useCallback(() => {
    layout.collapseAll();
    setActive(0);
    refresh();
  }, [layout, refresh]);

  /**
   * Opens every node, level by level, until about EXPAND_ALL_ROWS rows are visible. The rows
   * come from the source a page at a time, so the main thread never walks the whole body.
   * Resolves to true when everything is open, false when it stopped at the limit.
   */
  const expandAll = useCallback(async (): Promise<boolean> => {
    const rootKey = pathKey([]);
    if (root.childCount === 0) return true;
    layout.expand({ path: [], childCount: root.childCount, parentKey: null, index: 0 });
    const queue: Array<{ path: JsonPath; childCount: number }> = [{ path: [], childCount: root.childCount }];
    let complete = true;
    while (queue.length > 0) {
      const node = queue.shift() as { path: JsonPath; childCount: number };
      const upTo = Math.min(node.childCount, EXPAND_ALL_CHILDREN);
      if (upTo < node.childCount) complete = false;
      const page = await source.children(node.path, 0, upTo);
      const batch: Array<Omit<OpenNode, 'key'>> = [];
      for (const [index, row] of page.rows.entries()) {
        if (row.childCount === 0) continue;
        if (layout.rowCount + row.childCount > EXPAND_ALL_ROWS) {
          complete = false;
          break;
        }
        const path = [...node.path, row.key as string | number];
        batch.push({ path, childCount: row.childCount, parentKey: node.path.length === 0 ? rootKey : pathKey(node.path), index });
        queue.push({ path, childCount: row.childCount });
      }
      layout.expandMany(batch);
      if (!complete && layout.rowCount >= EXPAND_ALL_ROWS) break;
    }
    refresh();
    return complete && queue.length === 0;
  }, [layout, root, source, refresh]);

  /** The visible row of an open node's parent, for ArrowLeft. */
  const parentRow = useCallback(
    (index: number): number => {
      const place = layout.place(index);
      if (!place || place.parentKey === null) return -1;
      const parent: OpenNode | undefined = layout.openNode(place.parentKey);
      if (!parent) return -1;
      return layout.rowOf(parent.parentKey, parent.index);
    },
    [layout],
  );

  /** Opens every ancestor of a match and returns its visible row. */
  const reveal = useCallback(
    async (match: SearchMatch): Promise<number> => {
      if (match.path.length === 0) return 0;
      const ancestors: JsonPath[] = [[]];
      for (let i = 1; i < match.path.length; i++) ancestors.push(match.path.slice(0, i));
      const rows = await source.describe(ancestors);
      ancestors.forEach((path, i) => {
        const row = rows[i];
        if (!row) return;
        layout.expand({ path, childCount: row.childCount, parentKey: i === 0 ? null : pathKey(ancestors[i - 1] as JsonPath), index: i === 0 ? 0 : (match.indexes[i - 1] as number) });
      });
      refresh();
      return layout.rowOf(pathKey(match.path.slice(0, -1)), match.indexes[match.indexes.length - 1] as number);
    },
    [layout, source, refresh],
  );

  const find = useCallback(
    async (query: string): Promise<number> => {
      if (query.trim() === '') {
        setSearch(NO_SEARCH);
        return -1;
      }
      setSearch({ ...NO_SEARCH, query, busy: true });
      try {
        const result = await source.search(query);
        setSearch({ query, matches: result.matches, truncated: result.truncated, current: result.matches.length > 0 ? 0 : -1, busy: false, error: null });
        const first = result.matches[0];
        return first ? await reveal(first) : -1;
      } catch (cause) {
        setSearch({ ...NO_SEARCH, query, error: cause instanceof Error ? cause.message : String(cause) });
        return -1;
      }
    },
    [source, reveal],
  );

  const step = useCallback(
    async (delta: 1 | -1): Promise<number> => {
      const count = search.matches.length;
      if (count === 0) return -1;
      const current = (search.current + delta + count) % count;
      setSearch((previous) => ({ ...previous, current }));
      return reveal(search.matches[current] as SearchMatch);
    },
    [search, reveal],
  );

  return { layout, version, rowAt, ensureRows, expand, collapse, toggle, collapseAll, expandAll, parentRow, active, setActive, search, find, step, loadError };
}
