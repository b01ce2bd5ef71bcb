/**
 * The parsed JSON of a response and the questions the tree view asks about it. It is pure so
 * the same code runs inside the Web Worker (large bodies) and on the main thread (small bodies,
 * tests). Nothing here hands out the parsed value itself: answers are pages of rows, matches and
 * texts, so the main thread never holds the whole tree of a large body.
 */

export type JsonPathSegment = string | number;
export type JsonPath = readonly JsonPathSegment[];
export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface TreeRow {
  /** Property name or array index; null for the root. */
  key: JsonPathSegment | null;
  type: JsonNodeType;
  /** A primitive's JSON text, cut short when long; empty for objects and arrays. */
  preview: string;
  /** Entries of an object or array; 0 for primitives. */
  childCount: number;
}

export interface ChildrenPage {
  from: number;
  rows: TreeRow[];
  /** All children of the node, not only this page. */
  total: number;
}

export interface SearchMatch {
  path: JsonPathSegment[];
  /** Position of each segment among its siblings, so the view can find the row without asking again. */
  indexes: number[];
}

export interface SearchResult {
  matches: SearchMatch[];
  /** More matches exist than were returned. */
  truncated: boolean;
}

export type ParseOutcome =
  | { ok: true; root: TreeRow; size: number }
  | { ok: false; message: string; line: number; column: number };

export const MAX_PAGE_ROWS = 2000;
const PREVIEW_CHARS = 300;
/** Key lists of objects this large are kept, so paging through them does not list them again. */
const KEY_CACHE_MIN = 1000;

type JsonObject = Record<string, unknown>;

function typeOf(value: unknown): JsonNodeType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'boolean';
  }
}

function previewOf(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > PREVIEW_CHARS ? `${JSON.stringify(value.slice(0, PREVIEW_CHARS)).slice(0, -1)}…"` : JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object') return String(value);
  return '';
}

function isContainer(value: unknown): value is JsonObject | unknown[] {
  return typeof value === 'object' && value !== null;
}

function findLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export class JsonTreeModel {
  private chunks: string[] = [];
  private received = 0;
  private value: unknown = undefined;
  private parsed = false;
  private readonly keyCache = new WeakMap<object, string[]>();

  /** Adds the next piece of the body as it arrives; pages may split the text anywhere. */
  append(text: string): void {
    if (this.parsed) throw new Error('The body was already parsed; start a new model for a new body.');
    this.chunks.push(text);
    this.received += text.length;
  }

  get receivedChars(): number {
    return this.received;
  }

  finish(): ParseOutcome {
    const text = this.chunks.length === 1 ? (this.chunks[0] ?? '') : this.chunks.join('');
    this.chunks = [];
    try {
      this.value = JSON.parse(text) as unknown;
    } catch (cause) {
      return { ok: false, ...describeParseFailure(text, cause) };
    }
    this.parsed = true;
    return { ok: true, root: this.rowFor(null, this.value), size: text.length };
  }

  children(path: JsonPath, from: number, to: number): ChildrenPage {
    const node = this.resolve(path);
    if (!isContainer(node)) return { from, rows: [], total: 0 };
    const keys = Array.isArray(node) ? null : this.keysOf(node);
    const total = keys ? keys.length : (node as unknown[]).length;
    const start = Math.max(0, Math.min(from, total));
    const end = Math.max(start, Math.min(to, total, start + MAX_PAGE_ROWS));
    const rows: TreeRow[] = [];
    for (let i = start; i < end; i++) {
      if (keys) {
        const key = keys[i] as string;
        rows.push(this.rowFor(key, (node as JsonObject)[key]));
      } else {
        rows.push(this.rowFor(i, (node as unknown[])[i]));
      }
    }
    return { from: start, rows, total };
  }

  /** The row of each path, or null where the path leads nowhere. */
  describe(paths: readonly JsonPath[]): (TreeRow | null)[] {
    return paths.map((path) => {
      const node = this.resolve(path);
      if (node === undefined) return null;
      return this.rowFor(path.length === 0 ? null : (path[path.length - 1] as JsonPathSegment), node);
    });
  }

  /** The value at a path as the user wants it copied: a string bare, anything else as indented JSON. */
  valueText(path: JsonPath): string {
    const node = this.resolve(path);
    if (node === undefined) return '';
    return typeof node === 'string' ? node : JSON.stringify(node, null, 2);
  }

  /**
   * Keys and primitive values containing the query (case-insensitive), in document order.
   * The walk keeps its own stack so deeply nested bodies cannot overflow the call stack.
   */
  search(query: string, limit = 10_000): SearchResult {
    const needle = query.toLowerCase();
    const matches: SearchMatch[] = [];
    if (!this.parsed || needle === '') return { matches, truncated: false };
    if (!isContainer(this.value)) {
      if (primitiveMatches(this.value, needle)) matches.push({ path: [], indexes: [] });
      return { matches, truncated: false };
    }
    interface Frame {
      node: JsonObject | unknown[];
      keys: string[] | null;
      next: number;
      length: number;
      parent: Frame | null;
      key: JsonPathSegment | null;
      index: number;
    }
    const open = (node: JsonObject | unknown[], parent: Frame | null, key: JsonPathSegment | null, index: number): Frame => {
      const keys = Array.isArray(node) ? null : Object.keys(node);
      return { node, keys, next: 0, length: keys ? keys.length : (node as unknown[]).length, parent, key, index };
    };
    const record = (frame: Frame, key: JsonPathSegment, index: number) => {
      const path: JsonPathSegment[] = [key];
      const indexes = [index];
      for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) {
        path.push(f.key);
        indexes.push(f.index);
      }
      matches.push({ path: path.reverse(), indexes: indexes.reverse() });
    };
    let frame: Frame | null = open(this.value, null, null, 0);
    while (frame) {
      if (frame.next >= frame.length) {
        frame = frame.parent;
        continue;
      }
      const index = frame.next++;
      const key: JsonPathSegment = frame.keys ? (frame.keys[index] as string) : index;
      const child = frame.keys ? (frame.node as JsonObject)[key] : (frame.node as unknown[])[index];
      const hit = (typeof key === 'string' && key.toLowerCase().includes(needle)) || (!isContainer(child) && primitiveMatches(child, needle));
      if (hit) {
        if (matches.length >= limit) return { matches, truncated: true };
        record(frame, key, index);
      }
      if (isContainer(child)) frame = open(child, frame, key, index);
    }
    return { matches, truncated: false };
  }

  private resolve(path: JsonPath): unknown {
    if (!this.parsed) return undefined;
    let node: unknown = this.value;
    for (const segment of path) {
      if (!isContainer(node)) return undefined;
      if (Array.isArray(node)) {
        if (typeof segment !== 'number' || segment < 0 || segment >= node.length) return undefined;
        node = node[segment];
      } else {
        if (typeof segment !== 'string' || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
        node = (node as JsonObject)[segment];
      }
    }
    return node;
  }

  private keysOf(node: JsonObject): string[] {
    const cached = this.keyCache.get(node);
    if (cached) return cached;
    const keys = Object.keys(node);
    if (keys.length >= KEY_CACHE_MIN) this.keyCache.set(node, keys);
    return keys;
  }

  private rowFor(key: JsonPathSegment | null, value: unknown): TreeRow {
    const type = typeOf(value);
    let childCount = 0;
    if (type === 'array') childCount = (value as unknown[]).length;
    else if (type === 'object') childCount = this.keysOf(value as JsonObject).length;
    return { key, type, preview: previewOf(value), childCount };
  }
}

function primitiveMatches(value: unknown, needle: string): boolean {
  const text = typeof value === 'string' ? value : String(value);
  return text.toLowerCase().includes(needle);
}

/**
 * Where JSON.parse stopped, from the engine's own message ("… at position 123" in V8), so a
 * 50 MB body is not scanned a second time just to point at the problem.
 */
function describeParseFailure(text: string, cause: unknown): { message: string; line: number; column: number } {
  if (text.trim() === '') return { message: 'The body is empty.', line: 1, column: 1 };
  const detail = cause instanceof Error ? cause.message : String(cause);
  const match = /position (\d+)/.exec(detail);
  const offset = match?.[1] !== undefined ? Number(match[1]) : text.length;
  const { line, column } = findLineColumn(text, offset);
  return { message: `The body is not valid JSON (line ${line}, column ${column}), so it is shown as text.`, line, column };
}
