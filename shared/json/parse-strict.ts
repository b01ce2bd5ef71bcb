import { parse, type ParseError } from 'jsonc-parser';
import { positionAt } from './position';
import { findTrailingCommas } from './trailing-commas';

export type JsonErrorKind = 'trailing-comma' | 'syntax' | 'empty';

export interface JsonSyntaxError {
  kind: JsonErrorKind;
  /** Written for the person at the screen: where the problem is and what to do. */
  message: string;
  line: number;
  column: number;
  offset: number;
}

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

// Numeric values of jsonc-parser's ParseErrorCode (an ambient const enum isolatedModules cannot read).
const PROBLEM_BY_CODE: Record<number, string> = {
  1: 'unexpected character or word',
  2: 'this number is not written the way JSON allows',
  3: 'a property name in double quotes was expected',
  4: 'a value was expected',
  5: 'a colon (:) was expected after the property name',
  6: 'a comma was expected between two entries',
  7: 'a closing brace (}) was expected',
  8: 'a closing bracket (]) was expected',
  9: 'the text goes on after the JSON value has ended',
  10: 'comments are not allowed in JSON',
  11: 'a comment is not closed',
  12: 'a string is not closed with a double quote',
  13: 'a number ends too early',
  14: 'a \\u escape is not four hexadecimal digits',
  15: 'this escape sequence is not allowed in a JSON string',
  16: 'this character is not allowed here (control characters inside strings must be escaped)',
};

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Parses JSON exactly as strict servers do (no comments, no trailing commas), and on failure
 * says where and why in words a person can act on. JSON.parse gives the value (fast, exact);
 * jsonc-parser is only consulted to locate and name the problem.
 */
export function parseJsonStrict(text: string): StrictJsonResult {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const shift = text.length - body.length;
  if (body.trim() === '') {
    return {
      ok: false,
      error: {
        kind: 'empty',
        message: 'The body is empty: a JSON value (for example an object in braces) was expected.',
        ...positionAt(text, text.length),
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (cause) {
    return { ok: false, error: describeFailure(text, body, shift, cause) };
  }
}

function describeFailure(text: string, body: string, shift: number, cause: unknown): JsonSyntaxError {
  const errors: ParseError[] = [];
  parse(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return fallbackFailure(text, shift, cause);

  const trailing = findTrailingCommas(body);
  const comma = trailing.find((c) => nextSignificantOffset(body, c.offset + 1) === first.offset);
  if (comma) {
    const at = positionAt(text, comma.offset + shift);
    const what = comma.closes === 'object' ? 'property' : 'element';
    const more =
      trailing.length > 1 ? ` The body has ${trailing.length} trailing commas in all; each must go.` : '';
    return {
      kind: 'trailing-comma',
      message: `Trailing comma after the last ${what} at line ${at.line}, column ${at.column}: remove it.${more}`,
      ...at,
    };
  }
  const at = positionAt(text, first.offset + shift);
  const problem = PROBLEM_BY_CODE[first.error] ?? 'the text is not valid JSON';
  return {
    kind: 'syntax',
    message: `Invalid JSON at line ${at.line}, column ${at.column}: ${problem}.`,
    ...at,
  };
}

function nextSignificantOffset(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/** For the rare input JSON.parse rejects but jsonc-parser accepts; the engine's offset is used. */
function fallbackFailure(text: string, shift: number, cause: unknown): JsonSyntaxError {
  const detail = cause instanceof Error ? cause.message : '';
  const match = /position (\d+)/.exec(detail);
  const offset = match?.[1] !== undefined ? Number(match[1]) + shift : shift;
  const at = positionAt(text, offset);
  return {
    kind: 'syntax',
    message: `Invalid JSON at line ${at.line}, column ${at.column}: the text is not valid JSON.`,
    ...at,
  };
}
