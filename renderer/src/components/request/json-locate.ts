import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** `orderLines[0].totalTaxAmount` (optionally `$.`-prefixed) as path segments. */
export function parseIssuePath(name: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\[['"]([^'"]*)['"]\]|([^.[\]]+)/g;
  for (const match of name.replace(/^\$\.?/, '').matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(match[2]);
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}

/**
 * Where in the text a JSON path lives: the property name when it exists, else the deepest
 * part of the path that does (a missing field is reported at the object that lacks it).
 */
export function locateJsonPath(text: string, name: string): { from: number; to: number } | null {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root) return null;
  const path = parseIssuePath(name);
  for (let length = path.length; length >= 0; length--) {
    const node: Node | undefined = findNodeAtLocation(root, path.slice(0, length));
    if (!node) continue;
    const property = node.parent?.type === 'property' ? node.parent : null;
    const target = property?.children?.[0] ?? node;
    return { from: target.offset, to: target.offset + (length === path.length ? target.length : 1) };
  }
  return null;
}
