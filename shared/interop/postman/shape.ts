/**
 * The shapes Postman files come in besides a bare v2.x export: the Postman API wraps a
 * collection as {"collection": {…}} and an environment as {"environment": {…}}, and hand-written
 * or generated collections often have "item" but no "info" (newman and the SDK read those).
 */

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The collection inside a Postman API response, or the value itself. */
export function unwrapCollection(json: unknown): unknown {
  if (isObject(json) && !('item' in json) && !('requests' in json) && isObject(json.collection)) return json.collection;
  return json;
}

/** The environment inside a Postman API response, or the value itself. */
export function unwrapEnvironment(json: unknown): unknown {
  if (isObject(json) && !('values' in json) && isObject(json.environment)) return json.environment;
  return json;
}

/** "Shop API.postman_collection.json" → "Shop API": the name an info-less collection gets. */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(json|ya?ml)$/i, '').replace(/\.postman_(collection|environment|globals)$/i, '').trim();
}

/** A collection's shape, judged from its keys: v2.x (with or without info), v1, or not one. */
export function collectionShape(json: unknown): 'v2' | 'v1' | undefined {
  const c = unwrapCollection(json);
  if (!isObject(c)) return undefined;
  if (Array.isArray(c.item)) return 'v2';
  if (Array.isArray(c.requests) && ('order' in c || 'folders' in c || 'name' in c)) return 'v1';
  return undefined;
}

/** An environment or globals file (bare or wrapped). */
export function isEnvironmentShape(json: unknown, fileName = ''): boolean {
  const e = unwrapEnvironment(json);
  if (!isObject(e) || !Array.isArray(e.values)) return false;
  return '_postman_variable_scope' in e || 'name' in e || e !== json || /environment|globals/i.test(fileName);
}
