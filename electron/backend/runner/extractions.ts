import type { Extraction } from '../../../shared/model/request';
import { parseJsonOrNull } from '../../../shared/json';

/**
 * The JSONPath subset extractions use: `$`, `.name`, `['name']` / `["name"]` and `[index]`
 * (negative counts from the end). Enough for "the id in the answer" without a query language.
 */
export function readJsonPath(value: unknown, jsonPath: string): unknown {
  const text = jsonPath.trim();
  if (text !== '$' && !text.startsWith('$.') && !text.startsWith('$[')) return undefined;
  const steps = /\.([A-Za-z_$][\w$-]*)|\[\s*(-?\d+)\s*\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]/gy;
  let current: unknown = value;
  let at = 1;
  steps.lastIndex = 1;
  while (at < text.length) {
    const match = steps.exec(text);
    if (!match) return undefined;
    at = steps.lastIndex;
    if (current === null || typeof current !== 'object') return undefined;
    if (match[2] !== undefined) {
      if (!Array.isArray(current)) return undefined;
      const index = Number(match[2]);
      current = current[index < 0 ? current.length + index : index];
    } else {
      const key = match[1] ?? match[3] ?? match[4]!;
      current = Object.prototype.hasOwnProperty.call(current, key) ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return current;
}

function asText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface ExtractionInput {
  status: number;
  headers: Array<{ name: string; value: string }>;
  bodyText: string;
}

/** The values a response hands on: each enabled extraction that found something. */
export function applyExtractions(extractions: readonly Extraction[], response: ExtractionInput): Array<{ extraction: Extraction; value: string }> {
  let json: unknown;
  let parsed = false;
  const found: Array<{ extraction: Extraction; value: string }> = [];
  for (const extraction of extractions) {
    if (!extraction.enabled) continue;
    let value: string | undefined;
    if (extraction.from === 'status') value = String(response.status);
    else if (extraction.from === 'header') value = response.headers.find((h) => h.name.toLowerCase() === extraction.path.trim().toLowerCase())?.value;
    else {
      if (!parsed) {
        json = parseJsonOrNull(response.bodyText) ?? undefined;
        parsed = true;
      }
      value = asText(readJsonPath(json, extraction.path || '$'));
    }
    if (value !== undefined) found.push({ extraction, value });
  }
  return found;
}
