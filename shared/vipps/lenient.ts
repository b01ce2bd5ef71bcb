import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * Values the real service evidently accepts although its spec asks for another JSON type: the
 * official Postman collections have sent `reference` and `phoneNumber` as numbers and
 * `interval.count` as a string in every revision since 2022. Each rule names a member and the
 * type the spec wants; a value of the other type is converted and the conversion reported.
 */
export interface LenientRule {
  path: Array<string | number>;
  /** What the spec asks for; the other type is converted to it. */
  wants: 'string' | 'integer';
}

export interface LenientNote {
  name: string;
  note: string;
}

const DIGITS = /^-?\d+$/;

function setAt(root: unknown, path: Array<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i] as string] as Record<string | number, unknown>;
  node[path[path.length - 1] as string] = value;
}

function getAt(root: unknown, path: Array<string | number>): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part as string];
  }
  return node;
}

/**
 * Converts the members named by `rules` in `value` (already parsed from `text`) in place. A number
 * becomes a string of its raw digits as written in the text, so a 19-digit reference keeps every
 * digit (JSON.parse alone would round it to a double).
 */
export function applyLenientTypes(text: string, value: unknown, rules: readonly LenientRule[]): LenientNote[] {
  const notes: LenientNote[] = [];
  if (typeof value !== 'object' || value === null) return notes;
  let tree: ReturnType<typeof parseTree> | undefined;
  for (const rule of rules) {
    const current = getAt(value, rule.path);
    const name = rule.path.join('.');
    if (rule.wants === 'string' && typeof current === 'number') {
      tree ??= parseTree(text);
      const node = tree ? findNodeAtLocation(tree, rule.path) : undefined;
      const raw = node && node.type === 'number' ? text.slice(node.offset, node.offset + node.length) : String(current);
      if (!DIGITS.test(raw)) continue;
      setAt(value, rule.path, raw);
      notes.push({ name, note: `${name} was sent as a JSON number; the spec asks for a string. The sandbox read it as "${raw}", as the real service does.` });
    } else if (rule.wants === 'integer' && typeof current === 'string' && DIGITS.test(current.trim()) && current.trim().length <= 15) {
      setAt(value, rule.path, Number(current.trim()));
      notes.push({ name, note: `${name} was sent as the string "${current}"; the spec asks for an integer. The sandbox read it as ${Number(current.trim())}, as the real service does.` });
    }
  }
  return notes;
}
