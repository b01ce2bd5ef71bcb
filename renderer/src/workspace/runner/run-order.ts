import type { TreeNode } from '../../../../shared/model/collection';

/**
 * The Runner's run order, as Postman's runner has it: the requests a run would send, each of
 * which the user may leave out or move, for this run only. The collection is never changed.
 */
export interface OrderEntry {
  path: string;
  name: string;
  method: string;
  /** Folder names above the request, for telling same-named requests apart. */
  where: string;
  included: boolean;
}

/** The requests under `path` ('' for the whole collection, or a folder, or one request), in collection order. */
export function defaultOrder(nodes: readonly TreeNode[], path: string): OrderEntry[] {
  const out: OrderEntry[] = [];
  const walk = (list: readonly TreeNode[], trail: string[], inside: boolean): void => {
    for (const node of list) {
      const here = inside || path === '' || node.path === path;
      if (node.kind === 'request') {
        if (here) out.push({ path: node.path, name: node.name, method: node.method, where: trail.join(' / '), included: true });
      } else walk(node.children, [...trail, node.name], here);
    }
  };
  walk(nodes, [], false);
  return out;
}

/**
 * The user's order carried over a fresh tree (a rename, an import, an edit elsewhere): entries
 * still there keep their place and choice, with fresh names; new requests join at the end.
 */
export function mergeOrder(previous: readonly OrderEntry[], fresh: readonly OrderEntry[]): OrderEntry[] {
  const byPath = new Map(fresh.map((entry) => [entry.path, entry]));
  const kept = previous.flatMap((entry) => {
    const now = byPath.get(entry.path);
    return now ? [{ ...now, included: entry.included }] : [];
  });
  const seen = new Set(kept.map((entry) => entry.path));
  return [...kept, ...fresh.filter((entry) => !seen.has(entry.path))];
}

/** The entry at `index` moved by `delta` places (clamped); the same list when it cannot move. */
export function moveEntry(entries: readonly OrderEntry[], index: number, delta: number): OrderEntry[] {
  const to = Math.min(entries.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= entries.length || to === index) return entries as OrderEntry[];
  const next = [...entries];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Whether the user changed anything: left a request out, or moved one. */
export function isCustom(entries: readonly OrderEntry[], defaults: readonly OrderEntry[]): boolean {
  return entries.length !== defaults.length || entries.some((entry, i) => !entry.included || entry.path !== defaults[i]!.path);
}

/** What startRun gets: nothing when the order is the collection's own, else the included paths in order. */
export function orderForRun(entries: readonly OrderEntry[], defaults: readonly OrderEntry[]): string[] | undefined {
  return isCustom(entries, defaults) ? entries.filter((entry) => entry.included).map((entry) => entry.path) : undefined;
}
