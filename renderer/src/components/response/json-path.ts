import type { JsonPath } from '../../workers/json-tree-model';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSONPath-style address for copying: `$.orderLines[0].name`, `$['odd key']`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** Identifies a node in maps and sets; unambiguous because it is JSON. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}
