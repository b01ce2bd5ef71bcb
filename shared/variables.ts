/**
 * `{{name}}` templates as Postman, Insomnia and Bruno users know them. Shared so the editor can
 * highlight exactly what the backend will fill, with the same rules on both sides.
 */

/** Names may hold letters, digits, `_`, `-`, `.` and a leading `$` for dynamic values. */
const VARIABLE_PATTERN = /\{\{\s*(\$?[A-Za-z_][\w.-]*)\s*\}\}/g;

export interface VariableOccurrence {
  name: string;
  /** Index of the first `{` in the text. */
  start: number;
  /** Index just past the last `}`. */
  end: number;
  dynamic: boolean;
}

export const DYNAMIC_VARIABLES = {
  $guid: 'A new random UUID, e.g. for an Idempotency-Key or a reference.',
  $timestamp: 'The current time as Unix epoch seconds.',
  $isoTimestamp: 'The current time in ISO 8601 (UTC).',
  $randomInt: 'A random whole number from 0 to 1000.',
} as const;

export type DynamicVariableName = keyof typeof DYNAMIC_VARIABLES;

export function isDynamicVariable(name: string): name is DynamicVariableName {
  return Object.prototype.hasOwnProperty.call(DYNAMIC_VARIABLES, name);
}

export function scanVariables(text: string): VariableOccurrence[] {
  const found: VariableOccurrence[] = [];
  for (const match of text.matchAll(VARIABLE_PATTERN)) {
    const name = match[1]!;
    found.push({ name, start: match.index, end: match.index + match[0].length, dynamic: name.startsWith('$') });
  }
  return found;
}

/** A fresh value per occurrence, like Postman: two `{{$guid}}` in one body are two different ids. */
export function dynamicValue(name: string, now: Date = new Date()): string | undefined {
  switch (name) {
    case '$guid':
      return globalThis.crypto.randomUUID();
    case '$timestamp':
      return String(Math.floor(now.getTime() / 1000));
    case '$isoTimestamp':
      return now.toISOString();
    case '$randomInt':
      return String(Math.floor(Math.random() * 1001));
    default:
      return undefined;
  }
}

/** Where a variable's value came from, most specific first; the editor shows it on hover. */
export type VariableSource = 'run' | 'collection' | 'profile' | 'globals' | 'dynamic';

export interface VariableScopes {
  /** Values extracted from earlier responses in the same run. */
  run?: Readonly<Record<string, string>>;
  collection?: Readonly<Record<string, string>>;
  /** baseUrl, msn and the profile's own variables; never a secret. */
  profile?: Readonly<Record<string, string>>;
  /** Session-wide values (scripts' `pm.globals`), below everything else. */
  globals?: Readonly<Record<string, string>>;
}

export function lookupVariable(
  name: string,
  scopes: VariableScopes,
  now?: Date,
): { value: string; source: VariableSource } | undefined {
  const own = (record: Readonly<Record<string, string>> | undefined) =>
    record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
  const run = own(scopes.run);
  if (run !== undefined) return { value: run, source: 'run' };
  const collection = own(scopes.collection);
  if (collection !== undefined) return { value: collection, source: 'collection' };
  const profile = own(scopes.profile);
  if (profile !== undefined) return { value: profile, source: 'profile' };
  const globals = own(scopes.globals);
  if (globals !== undefined) return { value: globals, source: 'globals' };
  const dynamic = dynamicValue(name, now);
  if (dynamic !== undefined) return { value: dynamic, source: 'dynamic' };
  return undefined;
}

export interface FilledTemplate {
  text: string;
  /** Names left in place because no scope had them, each listed once, in order of appearance. */
  unresolved: string[];
}

/** Filled values are not scanned again, so a value containing `{{x}}` stays literal. */
export function fillTemplate(text: string, scopes: VariableScopes, now?: Date): FilledTemplate {
  const unresolved: string[] = [];
  const filled = text.replace(VARIABLE_PATTERN, (whole, name: string) => {
    const found = lookupVariable(name, scopes, now);
    if (found) return found.value;
    if (!unresolved.includes(name)) unresolved.push(name);
    return whole;
  });
  return { text: filled, unresolved };
}
