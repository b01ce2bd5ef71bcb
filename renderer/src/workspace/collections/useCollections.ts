import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { CollectionSummary, CollectionTree } from '../../../../shared/model/collection';
import { flattenTree, rowKey, type TreeRowData } from './tree-rows';

export interface CollectionsModel {
  collections: CollectionSummary[];
  trees: ReadonlyMap<string, CollectionTree>;
  rows: TreeRowData[];
  error: string | null;
  loaded: boolean;
  expanded: ReadonlySet<string>;
  toggle(key: string, open?: boolean): void;
  refresh(): Promise<void>;
  refreshTree(collectionId: string): Promise<void>;
}

/**
 * The collections and their trees as the sidebar shows them. Trees are read when a collection
 * is opened in the tree, and read again after every change and when the window regains focus
 * (a `git pull` may have changed the files).
 */
export function useCollections(api: ExplorerApi, version: number): CollectionsModel {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [trees, setTrees] = useState<Map<string, CollectionTree>>(new Map());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const expandedRef = useRef(expanded);
  expandedRef.current = expanded;

  const refreshTree = useCallback(
    async (collectionId: string) => {
      const answer = await api.getCollectionTree({ collectionId });
      if (!answer.ok) {
        setError(answer.error.message);
        return;
      }
      setTrees((current) => new Map(current).set(collectionId, answer.value));
    },
    [api],
  );

  const refresh = useCallback(async () => {
    const answer = await api.listCollections({});
    setLoaded(true);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setError(null);
    setCollections(answer.value.collections);
    const open = answer.value.collections.filter((c) => expandedRef.current.has(rowKey(c.id, '')));
    await Promise.all(open.map((c) => refreshTree(c.id)));
  }, [api, refreshTree]);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  const toggle = useCallback(
    (key: string, open?: boolean) => {
      setExpanded((current) => {
        const next = new Set(current);
        const shouldOpen = open ?? !next.has(key);
        if (shouldOpen) next.add(key);
        else next.delete(key);
        return next;
      });
      const [collectionId, path] = key.split('::') as [string, string];
      if (path === '' && (open ?? !expandedRef.current.has(key)) && !trees.has(collectionId)) void refreshTree(collectionId);
    },
    [refreshTree, trees],
  );

  const rows = useMemo(() => flattenTree(collections, trees, expanded), [collections, trees, expanded]);
  return { collections, trees, rows, error, loaded, expanded, toggle, refresh, refreshTree };
}
