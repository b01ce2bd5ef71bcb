import { parseJsonStrict, type JsonSyntaxError } from '../../../../shared/json';
import type { RuleIssue } from './types';

export interface BodyCheck {
  empty: boolean;
  /** Checked as JSON (false when a Content-Type header says the body is something else). */
  json: boolean;
  syntax: JsonSyntaxError | null;
  /** What the page's rules say about the parsed body; advice, never a reason to refuse sending. */
  issues: RuleIssue[];
  /** Why Send is disabled, or null. */
  sendBlock: string | null;
}

/**
 * `{{name}}` outside a string (e.g. `"amount": {{amount}}`) is filled in before sending, so it
 * is not a JSON error. It is replaced by a number padded to the same length, so every offset
 * and line/column reported afterwards still points at the text the user sees.
 */
export function maskBareVariables(text: string): string {
  if (!text.includes('{{')) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inString) {
      if (ch === '\\') {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      out += ch;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === '{' && text.charAt(i + 1) === '{') {
      const end = text.indexOf('}}', i + 2);
      if (end !== -1 && /^\s*\$?[A-Za-z_][\w.-]*\s*$/.test(text.slice(i + 2, end))) {
        out += '0'.padEnd(end + 2 - i, ' ');
        i = end + 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export function checkBody(text: string, contentType: string | null, rules?: (body: unknown) => RuleIssue[]): BodyCheck {
  const empty = text.trim() === '';
  const json = contentType === null || /json/i.test(contentType);
  if (empty || !json) return { empty, json, syntax: null, issues: [], sendBlock: null };
  const parsed = parseJsonStrict(maskBareVariables(text));
  if (!parsed.ok) {
    return { empty, json, syntax: parsed.error, issues: [], sendBlock: `The body is not valid JSON yet: ${parsed.error.message}` };
  }
  let issues: RuleIssue[] = [];
  if (rules) {
    try {
      issues = rules(parsed.value);
    } catch (cause) {
      issues = [{ name: '$', reason: `The checks for this step failed to run: ${cause instanceof Error ? cause.message : String(cause)}` }];
    }
  }
  return { empty, json, syntax: null, issues, sendBlock: null };
}
