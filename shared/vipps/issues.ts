import type { z } from 'zod';

/** One failed rule: `name` is a JSON path such as `orderLines[0].totalTaxAmount`. */
export interface ValidationIssue {
  name: string;
  reason: string;
}

/** The same issue as the request editor and the quick start's rules name it. */
export type RuleIssue = ValidationIssue;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a decimal number';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object in braces',
  array: 'a list in brackets',
};

type RawIssue = z.core.$ZodRawIssue;

/**
 * Our own wording for zod's issue codes, used as the per-parse error map. Schemas that need a
 * field-specific sentence set their own `error` and win over this one.
 */
export function describeIssue(issue: RawIssue): string {
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'This field is required but missing.';
      const expected = EXPECTED_WORDS[String(issue.expected)] ?? String(issue.expected);
      return `Expected ${expected}, got ${kindOf(input)}.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `Must be at least ${min} character${min === '1' ? '' : 's'} long.`;
      if (issue.origin === 'array') return `Must hold at least ${min} item${min === '1' ? '' : 's'}.`;
      return `Must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${min}.`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `Must be at most ${max} characters long.`;
      if (issue.origin === 'array') return `Must hold at most ${max} items.`;
      if (issue.origin === 'object') return `Must hold at most ${max} entries.`;
      return `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${max}.`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `Does not match the allowed format ${String(issue.pattern)}.`
        : `Is not a valid ${String(issue.format)}.`;
    case 'invalid_value': {
      const values = (issue.values as readonly unknown[]).map((v) => JSON.stringify(v));
      return values.length === 1
        ? `Must be ${values[0]}.`
        : `Must be one of ${values.join(', ')} (spelled exactly so).`;
    }
    case 'invalid_key': {
      // A record's key broke the key schema (ePayment metadata keys ≤ 100): zod wraps that
      // schema's own issue, whose sentence says what is wrong.
      const inner = issue.issues?.[0]?.message;
      return inner ?? 'This key is not allowed here.';
    }
    case 'unrecognized_keys':
      return `Unknown field(s): ${issue.keys.join(', ')}.`;
    default:
      return 'Is not valid here.';
  }
}

export function issuesFromZod(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({
    name: formatPath(issue.path, prefix) || prefix || '$',
    reason: issue.message,
  }));
}

/** Runs a schema with our wording and returns issues with JSON-path names. */
export function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  prefix = '',
): ValidationResult<T> {
  const parsed = schema.safeParse(input, { error: describeIssue });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: issuesFromZod(parsed.error, prefix) };
}
