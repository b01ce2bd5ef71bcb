import type { RuleIssue } from '../request/types';

export interface VippsProblem {
  title: string | null;
  detail: string | null;
  fieldIssues: RuleIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function pairs(list: unknown, nameKey: string, reasonKey: string): RuleIssue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const name = text(entry[nameKey]);
    const reason = text(entry[reasonKey]);
    return name || reason ? [{ name: name ?? '(no field named)', reason: reason ?? '(no reason given)' }] : [];
  });
}

/**
 * The problem a Vipps API describes in an error body, whichever of its formats it uses:
 * Order Management `invalidParams [{name, reason}]`, ePayment `extraDetails [{name, reason}]`,
 * Recurring `extraDetails [{field, text}]`, eCom `[{errorGroup, errorMessage}]`, or the API
 * gateway's `{statusCode, message}`. Null when the body is none of these.
 */
export function readVippsProblem(body: unknown): VippsProblem | null {
  if (Array.isArray(body)) {
    const issues = pairs(body, 'errorGroup', 'errorMessage');
    return issues.length > 0 ? { title: null, detail: null, fieldIssues: issues } : null;
  }
  if (!isRecord(body)) return null;
  const fieldIssues = [
    ...pairs(body.invalidParams, 'name', 'reason'),
    ...pairs(body.extraDetails, 'name', 'reason'),
    ...pairs(body.extraDetails, 'field', 'text'),
  ];
  const title = text(body.title) ?? text(body.error);
  const detail = text(body.detail) ?? text(body.message) ?? text(body.error_description);
  if (fieldIssues.length === 0 && !title && !detail) return null;
  return { title, detail, fieldIssues };
}
