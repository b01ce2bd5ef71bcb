import { createScanner } from 'jsonc-parser';

// jsonc-parser declares its token kinds as an ambient const enum, which isolatedModules cannot
// read, so the few we need are restated here.
const TOKEN_CLOSE_BRACE = 2;
const TOKEN_CLOSE_BRACKET = 4;
const TOKEN_COMMA = 5;
const TOKEN_LINE_COMMENT = 12;
const TOKEN_BLOCK_COMMENT = 13;
const TOKEN_LINE_BREAK = 14;
const TOKEN_WHITESPACE = 15;
const TOKEN_EOF = 17;

export interface TrailingComma {
  /** Offset of the comma itself. */
  offset: number;
  /** What the comma dangles in front of. */
  closes: 'object' | 'array';
}

function isTrivia(kind: number): boolean {
  return (
    kind === TOKEN_LINE_COMMENT ||
    kind === TOKEN_BLOCK_COMMENT ||
    kind === TOKEN_LINE_BREAK ||
    kind === TOKEN_WHITESPACE
  );
}

/**
 * Every comma that is directly followed (ignoring whitespace and comments) by `}` or `]`.
 * A tokenizer is used rather than a regular expression so commas inside strings are never touched.
 */
export function findTrailingCommas(text: string): TrailingComma[] {
  const scanner = createScanner(text, false);
  const found: TrailingComma[] = [];
  let pendingComma = -1;
  for (let kind: number = scanner.scan(); kind !== TOKEN_EOF; kind = scanner.scan()) {
    if (isTrivia(kind)) continue;
    if (pendingComma >= 0 && (kind === TOKEN_CLOSE_BRACE || kind === TOKEN_CLOSE_BRACKET)) {
      found.push({ offset: pendingComma, closes: kind === TOKEN_CLOSE_BRACE ? 'object' : 'array' });
    }
    pendingComma = kind === TOKEN_COMMA ? scanner.getTokenOffset() : -1;
  }
  return found;
}

/** The text with every trailing comma removed and nothing else changed (the editor's one-click fix). */
export function fixTrailingCommas(text: string): string {
  const commas = findTrailingCommas(text);
  if (commas.length === 0) return text;
  let out = '';
  let from = 0;
  for (const comma of commas) {
    out += text.slice(from, comma.offset);
    from = comma.offset + 1;
  }
  return out + text.slice(from);
}
