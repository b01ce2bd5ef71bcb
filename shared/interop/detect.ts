import { parse as parseYaml } from 'yaml';
import type { ImportFormat } from '../contract/interop';
import { ImportProblem } from './errors';
import { collectionShape, isEnvironmentShape } from './postman/shape';
import { stripBom } from './text';

/** What a pasted or dropped text is, judged by its content (the file name only breaks ties). */
export function detectFormat(input: string, fileName = ''): { format: ImportFormat; parsed?: unknown } {
  const text = stripBom(input);
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
    if (collectionShape(o)) return { format: 'postman-collection', parsed };
    if (isEnvironmentShape(o, fileName)) return { format: 'postman-environment', parsed };
  }
  if (/(^|\n)\s*(\$\s+)?curl\s/.test(text)) return { format: 'curl' };
  throw new ImportProblem('This is not something we can import. Paste curl commands, or give a Postman collection (v1, v2.0 or v2.1), a Postman environment or globals file, or an OpenAPI 3 file (YAML or JSON).');
}
