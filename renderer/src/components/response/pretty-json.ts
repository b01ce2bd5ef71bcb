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

/**
 * Slices formatted for a preview, smallest first. Formatting costs grow with the text (the
 * formatter makes an edit per token), and most bodies fill a preview from their first few KiB,
 * so a 16 KiB page is formatted in full only when its lines are that long.
 */
const PREVIEW_SLICES = [2 * 1024, 8 * 1024];

/**
 * The first `lines` lines of the formatted text, for a preview while the tree is built. A slice
 * cut mid-body formats correctly up to its last complete line, so a slice that yields more than
 * `lines` lines gives the same preview as the whole text would.
 */
export function firstLines(text: string, lines: number): string {
  for (const size of [...PREVIEW_SLICES.filter((n) => n < text.length), text.length]) {
    const pretty = prettyJson(size < text.length ? text.slice(0, size) : text);
    let at = -1;
    let n = 0;
    for (; n < lines; n++) {
      at = pretty.indexOf('\n', at + 1);
      if (at < 0) break;
    }
    if (n === lines) return pretty.slice(0, at);
    if (size === text.length) return pretty;
  }
  return text;
}
