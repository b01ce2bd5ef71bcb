import { describe, expect, it } from 'vitest';
import { placeholder, Redactor, type KnownSecret } from '../../../electron/backend/history/redactor';
import { RunSecrets } from '../../../electron/backend/runner/run-secrets';

// With many secrets (a run that learns a token per request) the redactor first checks whether a
// text can hold any of them at all; what it then replaces must be exactly what a pass per secret gives.

/** The plain way: every secret and its URL-encoded form, longest first, each replaced everywhere. */
function reference(secrets: KnownSecret[], text: string): string {
  const variants = secrets.filter((s) => s.value.length >= 4).flatMap((s) => (encodeURIComponent(s.value) !== s.value ? [s, { label: s.label, value: encodeURIComponent(s.value) }] : [s]));
  variants.sort((a, b) => b.value.length - a.value.length);
  let result = text;
  for (const { label, value } of variants) result = result.split(value).join(placeholder(label));
  return result;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
    return (state >>> 8) / 16_777_216;
  };
}

describe('a redactor holding many secrets', () => {
  const random = seeded(17);
  const pick = (chars: string, length: number) => Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('');
  const secrets: KnownSecret[] = Array.from({ length: 80 }, (_, i) => ({ label: `s${i % 3}`, value: i % 10 === 0 ? `tok/${pick('ab+= ', 6)}` : i % 10 === 5 ? pick('QRSTUVWXYZ', 4) : `eyJ${pick('abcdef0123', 4 + (i % 9))}` }));
  // The shortest secrets (4 characters) fill the text's last window: each must be seen there too.
  const redactor = new Redactor(secrets);

  it('replaces a secret wherever it sits: the start, the end, whole text, next to another, URL-encoded', () => {
    for (const [i, secret] of secrets.entries()) {
      const other = secrets[(i + 7) % secrets.length]!.value;
      for (const text of [secret.value, `${secret.value} tail`, `head ${secret.value}`, `x${secret.value}${other}y`, `?q=${encodeURIComponent(secret.value)}`]) {
        expect(redactor.byValue(text), text).toBe(reference(secrets, text));
        expect(redactor.byValue(text)).not.toContain(secret.value);
      }
    }
  });

  it('gives what a pass per secret gives for texts with and without secrets, short ones included', () => {
    for (let n = 0; n < 3_000; n++) {
      const parts = Array.from({ length: Math.floor(random() * 5) }, () => (random() < 0.3 ? secrets[Math.floor(random() * secrets.length)]!.value : pick('eyJabcdef0123 /+%', Math.floor(random() * 12))));
      const text = parts.join('');
      expect(redactor.byValue(text), text).toBe(reference(secrets, text));
    }
    for (const text of ['', 'e', 'ey', 'eyJ', 'eyJa']) expect(redactor.byValue(text)).toBe(reference(secrets, text));
  });

  it('redacts a token learned late in a run from everything after it, and the early ones still', () => {
    const run = new RunSecrets([{ label: 'client_secret', value: 'csecret-0123456789' }]);
    const early = 'eyJearly-token-000000';
    run.learnFromResponse(JSON.stringify({ access_token: early }));
    for (let i = 0; i < 60; i++) run.learnFromResponse(JSON.stringify({ access_token: `eyJmid-token-${String(i).padStart(6, '0')}` }));
    expect(run.redact(`GET /x?t=${early}`)).toBe(`GET /x?t=${placeholder('access_token')}`);
    const late = 'eyJlate-token-999999';
    expect(run.redact(`seen ${late}`)).toBe(`seen ${late}`);
    run.learnFromResponse(JSON.stringify({ access_token: late }));
    expect(run.redact(`seen ${late}`)).toBe(`seen ${placeholder('access_token')}`);
    expect(run.redact('csecret-0123456789 at the end')).toBe(`${placeholder('client_secret')} at the end`);
  });
});
