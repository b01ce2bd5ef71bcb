/** Values this short are no real key; replacing them everywhere would garble ordinary text. */
export const MIN_SECRET_LENGTH = 4;

const HASH_BASE = 31;
/** HASH_BASE to the power MIN_SECRET_LENGTH - 1: the weight of the character leaving the window. */
const HASH_TOP = HASH_BASE ** (MIN_SECRET_LENGTH - 1);

/** The hash of text's MIN_SECRET_LENGTH characters from `at`, as mayHold rolls it along. */
function windowHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + MIN_SECRET_LENGTH; i++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Tells, in one pass over a text, that none of many values can occur in it: no run of
 * MIN_SECRET_LENGTH characters hashes like a value's first ones. A rolling hash, so one cheap
 * step per character whatever the number of values; a hash that only looks alike answers "may",
 * and the caller then looks properly. Values shorter than MIN_SECRET_LENGTH are not indexed.
 */
export class PrefixIndex {
  readonly #prefixes: Set<number>;

  constructor(values: readonly string[]) {
    this.#prefixes = new Set(values.filter((v) => v.length >= MIN_SECRET_LENGTH).map((v) => windowHash(v, 0)));
  }

  mayHold(text: string): boolean {
    if (text.length < MIN_SECRET_LENGTH) return false;
    let hash = windowHash(text, 0);
    for (let i = 0; ; i++) {
      if (this.#prefixes.has(hash)) return true;
      if (i + MIN_SECRET_LENGTH >= text.length) return false;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(i), HASH_TOP), HASH_BASE) + text.charCodeAt(i + MIN_SECRET_LENGTH)) | 0;
    }
  }
}
