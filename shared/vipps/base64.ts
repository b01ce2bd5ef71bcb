const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Standard base64 (RFC 4648 §4) to bytes, without atob or Buffer so it runs the same in the
 * renderer and in Node. Line breaks are tolerated (base64 tools wrap at 76); padding is optional.
 */
export function decodeBase64(text: string): Base64Result {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let padding = 0;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && padding < 2) {
    end--;
    padding++;
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  let symbols = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    const value = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (value < 0) {
      return { ok: false, reason: `"${text.charAt(i)}" at position ${i + 1} is not a base64 character.` };
    }
    symbols++;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  if (symbols % 4 === 1) return { ok: false, reason: 'The base64 text is cut short (its length is not possible).' };
  return { ok: true, bytes: out.subarray(0, written) };
}

/** Bytes to standard base64 with padding, for tests and for sending images. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63) + ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + '==';
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63) + '=';
  }
  return out;
}
