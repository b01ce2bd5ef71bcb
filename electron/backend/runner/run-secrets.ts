import { Redactor, type KnownSecret } from '../history/redactor';

/** Response fields whose value is a credential, wherever they sit in a JSON answer. */
const TOKEN_FIELDS = new Set(['access_token', 'id_token', 'refresh_token']);
/** Variable names that mark a key or a token. */
const SECRET_NAME = /token|secret|passw(or)?d|api[-_ ]?key|subscription[-_ ]?key|ocp-apim|authorization|bearer|credential/i;
/** …except these, which only look like it: a new one per request, or where a token comes from. */
const NOT_SECRET_NAME = /idempotency|endpoint|_ur[il]$|[-_]url$|^token[-_]?type$|expires/i;
/** A token worth hiding is longer than this; shorter values would garble ordinary text. */
const MIN_LEARNED_LENGTH = 8;
/** Bounds the work a huge answer can cause. */
const MAX_WALK = 10_000;
const MAX_LEARNED = 1_000;

export function isSecretVariableName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

/** The access, id and refresh tokens in a JSON body, at any depth. */
export function tokenValuesIn(bodyText: string): string[] {
  if (!/_token"/.test(bodyText)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return [];
  }
  const found: string[] = [];
  const stack: unknown[] = [parsed];
  for (let seen = 0; stack.length > 0 && seen < MAX_WALK; seen++) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      for (const [field, value] of Object.entries(node)) {
        if (TOKEN_FIELDS.has(field.toLowerCase()) && typeof value === 'string') found.push(value);
        else if (value && typeof value === 'object') stack.push(value);
      }
    }
  }
  return found;
}

/**
 * The secrets a run learns as it goes: tokens from the answers it gets, values its scripts put
 * into variables named as keys or tokens, and the secrets it started with. Everything the run
 * reports (console lines, test names, URLs, errors) and records (the history) goes through
 * `redact`; the scripts themselves keep the real values.
 */
export class RunSecrets {
  readonly #known = new Map<string, KnownSecret>();
  #redactor: Redactor | null = null;

  constructor(initial: KnownSecret[] = []) {
    for (const secret of initial) this.add(secret.label, secret.value);
  }

  add(label: string, value: string): void {
    if (value.length < MIN_LEARNED_LENGTH || this.#known.has(value) || this.#known.size >= MAX_LEARNED) return;
    this.#known.set(value, { label, value });
    this.#redactor = null;
  }

  learnFromResponse(bodyText: string): void {
    for (const token of tokenValuesIn(bodyText)) this.add('access_token', token);
  }

  learnFromVariable(name: string, value: unknown): void {
    if (typeof value === 'string' && isSecretVariableName(name)) this.add(name, value);
  }

  all(): KnownSecret[] {
    return [...this.#known.values()];
  }

  redact(text: string, extra: KnownSecret[] = []): string {
    if (extra.length > 0) return new Redactor([...this.all(), ...extra]).text(text);
    this.#redactor ??= new Redactor(this.all());
    return this.#redactor.text(text);
  }
}
