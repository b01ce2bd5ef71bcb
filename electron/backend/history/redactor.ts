import { credentialLabel, isCredentialHeader } from '../../../shared/http/credential-headers';
import type { HeaderLine } from '../../../shared/contract/requests';
import { MIN_SECRET_LENGTH, PrefixIndex } from './prefix-index';

export interface KnownSecret {
  /** Shown in the placeholder, e.g. "client_secret". */
  label: string;
  value: string;
}

export function placeholder(label: string): string {
  return `«redacted:${label}»`;
}

/** Up to this many secrets (and their URL-encoded forms) a pass per secret is cheapest. */
const INDEXED_FROM = 32;

/** Body and query fields that carry credentials (the token API's access_token above all). */
const SECRET_FIELDS = ['access_token', 'refresh_token', 'id_token', 'client_secret'];
// The closing quote is optional so a field cut off by truncation is still caught.
const JSON_FIELD = new RegExp(`("(${SECRET_FIELDS.join('|')})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)("?)`, 'gi');
const FORM_FIELD = new RegExp(`(^|[?&\\s])(${SECRET_FIELDS.join('|')})=([^&\\s"]*)`, 'gi');

export function isSecretHeader(name: string): boolean {
  return isCredentialHeader(name);
}

/**
 * Replaces secrets with visible placeholders: by value (any occurrence of a profile's keys or a
 * token, plain or URL-encoded) and by name (credential headers and fields). Redaction runs on
 * whole texts before they are shortened, so a cut can never leave half a secret behind.
 */
export class Redactor {
  readonly #secrets: KnownSecret[];
  /** The secrets' first characters, built on first need (only with many secrets). */
  #prefixes: PrefixIndex | undefined;

  constructor(secrets: KnownSecret[]) {
    const variants: KnownSecret[] = [];
    for (const secret of secrets) {
      if (secret.value.length < MIN_SECRET_LENGTH) continue;
      variants.push(secret);
      const encoded = encodeURIComponent(secret.value);
      if (encoded !== secret.value) variants.push({ label: secret.label, value: encoded });
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.#secrets = variants.sort((a, b) => b.value.length - a.value.length);
  }

  get longestSecret(): number {
    return this.#secrets[0]?.value.length ?? 0;
  }

  byValue(text: string): string {
    // Many secrets (a run that learns a token per request): most texts hold none of them, and one
    // pass over the text tells so, where a pass per secret over the same text grew with the run.
    if (this.#secrets.length > INDEXED_FROM) {
      this.#prefixes ??= new PrefixIndex(this.#secrets.map((s) => s.value));
      if (!this.#prefixes.mayHold(text)) return text;
    }
    let result = text;
    for (const { label, value } of this.#secrets) {
      if (result.includes(value)) result = result.split(value).join(placeholder(label));
    }
    return result;
  }

  /** URLs, bodies and any other free text. */
  text(text: string): string {
    return this.byValue(text)
      .replace(JSON_FIELD, (_whole, start: string, field: string, _value: string, end: string) => `${start}${placeholder(field.toLowerCase())}${end}`)
      .replace(FORM_FIELD, (_whole, lead: string, field: string) => `${lead}${field}=${placeholder(field.toLowerCase())}`);
  }

  /** For the history: credential headers lose their whole value, the rest are scanned by value. */
  headers(lines: HeaderLine[]): HeaderLine[] {
    return lines.map(({ name, value }) => {
      const label = credentialLabel(name);
      return { name, value: label ? placeholder(label) : this.byValue(value) };
    });
  }
}

/** Shortens already-redacted text to `cap` characters. */
export function truncate(text: string, cap: number): { text: string; truncated: boolean } {
  if (text.length <= cap) return { text, truncated: false };
  return { text: text.slice(0, cap), truncated: true };
}
