import type { JsonPath, TreeRow } from '../../workers/json-tree-model';
import { pathKey } from './json-path';

/** An expanded object or array. */
export interface OpenNode {
  key: string;
  path: JsonPath;
  childCount: number;
  /** Null for the root. */
  parentKey: string | null;
  /** Position among its siblings. */
  index: number;
}

/** A run of consecutive visible rows that are siblings: children [from, to) of one parent. */
export interface RowRun {
  parentKey: string | null;
  parentPath: JsonPath;
  depth: number;
  from: number;
  to: number;
  /** Visible row index of the run's first row. */
  start: number;
}

export interface RowPlace {
  parentKey: string | null;
  parentPath: JsonPath;
  depth: number;
  index: number;
  /** Number of siblings, for aria-setsize. */
  siblings: number;
}

/**
 * Which rows of the tree are visible, without listing them: expanding an array of a million
 * items adds one run, not a million rows. Collapsed nodes keep the expansion of their
 * descendants, so opening them again restores what the user had open.
 */
export class TreeLayout {
  private readonly open = new Map<string, OpenNode>();
  private runs: RowRun[] = [];
  private total = 0;

  constructor(private readonly root: TreeRow) {
    this.rebuild();
  }

  get rowCount(): number {
    return this.total;
  }

  isOpen(path: JsonPath): boolean {
    return this.open.has(pathKey(path));
  }

  openNode(key: string): OpenNode | undefined {
    return this.open.get(key);
  }

  expand(node: Omit<OpenNode, 'key'>): void {
    const key = pathKey(node.path);
    if (this.open.has(key) || node.childCount === 0) return;
    this.open.set(key, { ...node, key });
    this.rebuild();
  }

  /** Opens many nodes with one rebuild (Expand all). */
  expandMany(nodes: ReadonlyArray<Omit<OpenNode, 'key'>>): void {
    let changed = false;
    for (const node of nodes) {
      const key = pathKey(node.path);
      if (this.open.has(key) || node.childCount === 0) continue;
      this.open.set(key, { ...node, key });
      changed = true;
    }
    if (changed) this.rebuild();
  }

  collapse(path: JsonPath): void {
    if (this.open.delete(pathKey(path))) this.rebuild();
  }

  collapseAll(): void {
    this.open.clear();
    this.rebuild();
  }

  place(row: number): RowPlace | null {
    if (row < 0 || row >= this.total) return null;
    let low = 0;
    let high = this.runs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.runs[mid] as RowRun).start <= row) low = mid;
      else high = mid - 1;
    }
    const run = this.runs[low] as RowRun;
    const siblings = run.parentKey === null ? 1 : (this.open.get(run.parentKey)?.childCount ?? 0);
    return { parentKey: run.parentKey, parentPath: run.parentPath, depth: run.depth, index: run.from + (row - run.start), siblings };
  }

  /** The visible row of child `index` of `parentKey`, or -1 when it is hidden. */
  rowOf(parentKey: string | null, index: number): number {
    for (const run of this.runs) {
      if (run.parentKey === parentKey && index >= run.from && index < run.to) return run.start + (index - run.from);
    }
    return -1;
  }

  private rebuild(): void {
    const openChildren = new Map<string, OpenNode[]>();
    for (const node of this.open.values()) {
      if (node.parentKey === null) continue;
      const list = openChildren.get(node.parentKey) ?? [];
      list.push(node);
      openChildren.set(node.parentKey, list);
    }
    for (const list of openChildren.values()) list.sort((a, b) => a.index - b.index);

    const runs: RowRun[] = [{ parentKey: null, parentPath: [], depth: 0, from: 0, to: 1, start: 0 }];
    let start = 1;
    const emit = (node: OpenNode, depth: number) => {
      let next = 0;
      const add = (from: number, to: number) => {
        if (to <= from) return;
        runs.push({ parentKey: node.key, parentPath: node.path, depth, from, to, start });
        start += to - from;
      };
      for (const child of openChildren.get(node.key) ?? []) {
        if (child.index < next || child.index >= node.childCount) continue;
        add(next, child.index + 1);
        emit(child, depth + 1);
        next = child.index + 1;
      }
      add(next, node.childCount);
    };
    const rootNode = this.open.get(pathKey([]));
    if (rootNode && this.root.childCount > 0) emit(rootNode, 1);
    this.runs = runs;
    this.total = start;
  }
}
