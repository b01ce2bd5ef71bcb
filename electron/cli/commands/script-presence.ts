import fs from 'node:fs';

/**
 * Whether a Postman collection file has a script anywhere (collection, folder or request), read
 * from the file itself before it is converted: the script process can then start while the
 * collection is read and the first request is sent. A folder, or a file that cannot be parsed,
 * answers false; the runner still starts the process when its run has scripts.
 */
export function postmanFileHasScripts(fullPath: string): boolean {
  let parsed: unknown;
  try {
    if (!fs.statSync(fullPath).isFile()) return false;
    parsed = JSON.parse(fs.readFileSync(fullPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  const written = (exec: unknown) => (Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec : '').trim() !== '';
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    const { event, item } = node as { event?: unknown; item?: unknown };
    if (Array.isArray(event) && event.some((e) => written((e as { script?: { exec?: unknown } } | null)?.script?.exec))) return true;
    return Array.isArray(item) && item.some(visit);
  };
  return visit(parsed);
}
