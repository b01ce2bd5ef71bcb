import type { ValidationIssue } from './issues';

/** What a Vipps API's error body says, whichever of its formats it uses. */
export interface VippsProblem {
  title: string | null;
  detail: string | null;
  fieldIssues: ValidationIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function pairs(list: unknown, nameOf: (entry: Record<string, unknown>) => string | null, reasonOf: (entry: Record<string, unknown>) => string | null): ValidationIssue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const name = nameOf(entry);
    const reason = reasonOf(entry);
    return name || reason ? [{ name: name ?? '(request)', reason: reason ?? 'Not accepted.' }] : [];
  });
}

/**
 * The one reader of Vipps error bodies, used by the response viewer and the quick start's
 * explanations: Order Management `invalidParams [{name, reason}]`, ePayment `extraDetails
 * [{name, reason}]`, Recurring `extraDetails [{field, text}]`, eCom's array of `{errorGroup,
 * errorCode, errorMessage}` (the code names the problem, or the field for invalid requests; the
 * group is the fallback), the eCom gateway's `{responseInfo, result}` and the API gateway's
 * `{statusCode, message}`. Null when the body is none of these.
 */
export function readVippsProblem(body: unknown): VippsProblem | null {
  if (Array.isArray(body)) {
    const fieldIssues = pairs(body, (e) => text(e.errorCode) ?? text(e.errorGroup), (e) => text(e.errorMessage));
    if (fieldIssues.length === 0) return null;
    const first = body.find(isRecord);
    return { title: first ? text(first.errorGroup) : null, detail: fieldIssues[0]!.reason, fieldIssues };
  }
  if (!isRecord(body)) return null;
  const fieldIssues = [
    ...pairs(body.invalidParams, (e) => text(e.name), (e) => text(e.reason)),
    ...pairs(body.extraDetails, (e) => text(e.name) ?? text(e.field), (e) => text(e.reason) ?? text(e.text)),
  ];
  const gateway = isRecord(body.responseInfo) ? body.responseInfo : null;
  const result = isRecord(body.result) ? body.result : null;
  const title = text(body.title) ?? text(body.error);
  const detail = text(body.detail) ?? text(body.message) ?? text(body.error_description)?.split(/\r?\n/)[0] ?? (gateway ? text(gateway.responseMessage) : null) ?? (result ? text(result.message) : null);
  if (fieldIssues.length === 0 && !title && !detail) return null;
  return { title, detail, fieldIssues };
}
