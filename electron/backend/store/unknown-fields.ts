/**
 * Fields a newer (or hand-edited) file carries that this version's schema does not know. The
 * schemas strip unknown keys when a file is read, so without this a plain save would drop
 * them. They are remembered at read time and written back beside whatever the app changes.
 *
 * Only keys the schema dropped are kept: a known field the app removes stays removed.
 * Arrays are matched by each item's `id` where items have one, else by position.
 */
export type UnknownFields = { keys: Record<string, unknown>; nested: Record<string, UnknownFields>; items?: Map<string | number, UnknownFields> };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const itemKey = (item: unknown, index: number): string | number => (isPlainObject(item) && typeof item.id === 'string' ? `id:${item.id}` : index);

function isEmpty(fields: UnknownFields): boolean {
  return Object.keys(fields.keys).length === 0 && Object.keys(fields.nested).length === 0 && (fields.items?.size ?? 0) === 0;
}

/** What `raw` holds that `parsed` (the schema's output for it) lost; undefined when nothing was lost. */
export function findUnknownFields(raw: unknown, parsed: unknown): UnknownFields | undefined {
  const found: UnknownFields = { keys: {}, nested: {} };
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    const items = new Map<string | number, UnknownFields>();
    parsed.forEach((item, index) => {
      const inner = findUnknownFields(raw[index], item);
      if (inner) items.set(itemKey(item, index), inner);
    });
    if (items.size > 0) found.items = items;
  } else if (isPlainObject(raw) && isPlainObject(parsed)) {
    for (const [key, value] of Object.entries(raw)) {
      if (!(key in parsed)) found.keys[key] = value;
      else {
        const inner = findUnknownFields(value, parsed[key]);
        if (inner) found.nested[key] = inner;
      }
    }
  }
  return isEmpty(found) ? undefined : found;
}

/** `next` with the remembered unknown fields put back where their owners still exist. */
export function restoreUnknownFields(next: unknown, fields: UnknownFields | undefined): unknown {
  if (!fields) return next;
  if (Array.isArray(next)) {
    if (!fields.items) return next;
    return next.map((item, index) => restoreUnknownFields(item, fields.items!.get(itemKey(item, index))));
  }
  if (!isPlainObject(next)) return next;
  const result: Record<string, unknown> = { ...fields.keys, ...next };
  for (const [key, inner] of Object.entries(fields.nested)) {
    if (key in next) result[key] = restoreUnknownFields(next[key], inner);
  }
  return result;
}
