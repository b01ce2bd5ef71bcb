// Bench-only page: the real sidebar tree (CollectionTreeView, flattened by flattenTree) with a
// generated collection of `?requests=N` requests in `?folders=M` folders, every folder open.
import { createRoot } from 'react-dom/client';
import type { CollectionSummary, CollectionTree } from '../../shared/model/collection';
import '../../renderer/src/styles.css';
import '../../renderer/src/workspace/workspace.css';
import { CollectionTreeView, type TreeActions } from '../../renderer/src/workspace/collections/CollectionTreeView';
import { flattenTree, rowKey } from '../../renderer/src/workspace/collections/tree-rows';

interface SidebarBench {
  longTasks: { start: number; duration: number }[];
  startedAt: number;
  visibleAt: number | null;
}
const bench: SidebarBench = { longTasks: [], startedAt: 0, visibleAt: null };
(window as unknown as { bench: SidebarBench }).bench = bench;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const params = new URLSearchParams(location.search);
const requests = Number(params.get('requests') ?? 5000);
const folders = Math.max(1, Number(params.get('folders') ?? 100));
const perFolder = Math.ceil(requests / folders);
const methods = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const summary: CollectionSummary = { id: 'bench', name: 'Bench collection', location: '/bench', builtIn: false, readOnly: false, requestCount: requests };
const tree: CollectionTree = {
  ...summary,
  problems: [],
  items: Array.from({ length: folders }, (_, f) => ({
    kind: 'folder' as const,
    path: `folder-${f}`,
    name: `Folder ${f}`,
    children: Array.from({ length: Math.min(perFolder, requests - f * perFolder) }, (_, r) => ({
      kind: 'request' as const,
      path: `folder-${f}/request-${r}.yaml`,
      name: `Request ${f}.${r} with a longer name`,
      method: methods[r % methods.length]!,
      url: `{{baseUrl}}/v1/things/${r}`,
    })),
  })),
};
const noop = () => {};
const actions: TreeActions = { open: noop, toggle: noop, rename: noop, remove: noop, move: noop, menu: noop, startRename: noop };

new MutationObserver((_, observer) => {
  if (document.querySelector('[role="treeitem"]')) {
    bench.visibleAt = performance.now();
    observer.disconnect();
  }
}).observe(document.body, { childList: true, subtree: true });

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
bench.startedAt = performance.now();
// Flattening is part of what the sidebar does on every change, so it is inside the timing.
const expanded = new Set([rowKey('bench', ''), ...tree.items.map((item) => rowKey('bench', item.path))]);
const rows = flattenTree([summary], new Map([['bench', tree]]), expanded);
createRoot(root).render(<CollectionTreeView rows={rows} actions={actions} activeKey={null} onActive={noop} renamingKey={null} onRenameDone={noop} />);
