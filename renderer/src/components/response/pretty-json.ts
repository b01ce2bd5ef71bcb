import { applyEdits, format } from 'jsonc-parser';

/** Bodies longer than this are shown as received: formatting them would hold up the window. */
export const PRETTY_LIMIT_CHARS = 512 * 1024;

export function looksLikeJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/**
 * JSON laid out with two-space indents, one member per line. jsonc-parser's formatter works on
 * tokens, so a slice cut mid-body (the first page of a large answer) still formats up to where
 * it stops. Text that is not JSON comes back unchanged.
 */
export function prettyJson(text: string): string {
  if (!looksLikeJsonText(text) || text.length > PRETTY_LIMIT_CHARS) return text;
  try {
    return applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
  } catch {
    return text;
  }
}

/** The first `lines` lines of the formatted text, for a preview while the tree is built. */
export function firstLines(text: string, lines: number): string {
  const pretty = prettyJson(text);
  let at = -1;
  for (let n = 0; n < lines; n++) {
    at = pretty.indexOf('\n', at + 1);
    if (at < 0) return pretty;
  }
  return pretty.slice(0, at);
}
