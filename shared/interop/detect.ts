import { parse as parseYaml } from 'yaml';
import type { ImportFormat } from '../contract/interop';
import { ImportProblem } from './errors';

/** What a pasted or dropped text is, judged by its content (the file name only breaks ties). */
export function detectFormat(text: string, fileName = ''): { format: ImportFormat; parsed?: unknown } {
  const trimmed = text.trimStart();
  if (/^(\$\s+)?curl\s/.test(trimmed)) return { format: 'curl' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = parseYaml(text, { maxAliasCount: 1_000 });
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    if ('openapi' in o || 'swagger' in o) return { format: 'openapi', parsed };
    if (('info' in o && 'item' in o) || ('requests' in o && 'order' in o)) return { format: 'postman-collection', parsed };
    if (Array.isArray(o.values) && ('_postman_variable_scope' in o || 'name' in o || /environment|globals/i.test(fileName))) return { format: 'postman-environment', parsed };
  }
  if (/(^|\n)\s*(\$\s+)?curl\s/.test(text)) return { format: 'curl' };
  throw new ImportProblem('This is not something we can import. Paste curl commands, or give a Postman collection (v2.0 or v2.1), a Postman environment or globals file, or an OpenAPI 3 file (YAML or JSON).');
}
