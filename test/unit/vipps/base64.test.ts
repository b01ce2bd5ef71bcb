import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../shared/vipps/base64';

// Images reach the OM API as standard base64 (RFC 4648 §4); the decoder must agree with Node's
// Buffer on every valid text and refuse what Buffer would silently skip.
const bytes = (text: string) => {
  const r = decodeBase64(text);
  return r.ok ? Array.from(r.bytes) : r.reason;
};

describe('decodeBase64', () => {
  it('decodes the whole alphabet, +, / and all 256 byte values like Buffer does', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = Buffer.from(all).toString('base64');
    expect(bytes(text)).toEqual(Array.from(all));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    expect(bytes(alphabet)).toEqual(Array.from(Buffer.from(alphabet, 'base64')));
  });

  it('decodes one and two bytes, with or without their padding', () => {
    expect(bytes('/w==')).toEqual([255]);
    expect(bytes('/w')).toEqual([255]);
    expect(bytes('//8=')).toEqual([255, 255]);
    expect(bytes('//8')).toEqual([255, 255]);
    expect(bytes('')).toEqual([]);
  });

  it('tolerates spaces, tabs and line breaks inside and after the text', () => {
    expect(bytes('AQID\r\nBAUG\n')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bytes('AQ ID\tBA UG')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bytes('/w==\r\n \t')).toEqual([255]);
  });

  it('refuses more than two padding characters, padding in the middle, and characters outside the alphabet, saying where', () => {
    expect(bytes('AA===')).toBe('"=" at position 3 is not a base64 character.');
    expect(bytes('AA==AAAA')).toBe('"=" at position 3 is not a base64 character.');
    expect(bytes('AB-_')).toBe('"-" at position 3 is not a base64 character.');
    expect(bytes('ABCé')).toBe('"é" at position 4 is not a base64 character.');
    expect(bytes('AB\u0100C')).toBe('"\u0100" at position 3 is not a base64 character.');
    expect(bytes('AB\u007fC')).toBe('"\u007f" at position 3 is not a base64 character.');
    expect(bytes('AB\vC')).toMatch(/at position 3 is not a base64 character/);
  });

  it('refuses a text whose length no encoder produces (one symbol over a block)', () => {
    expect(bytes('AAAAB')).toBe('The base64 text is cut short (its length is not possible).');
    expect(bytes('A')).toBe('The base64 text is cut short (its length is not possible).');
    expect(bytes('AAAAB=')).toBe('The base64 text is cut short (its length is not possible).');
  });
});

describe('encodeBase64', () => {
  it('writes standard base64 with padding for every remainder', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const data = new Uint8Array(length).map((_, i) => 250 - i * 37);
      expect(encodeBase64(data), `length ${length}`).toBe(Buffer.from(data).toString('base64'));
    }
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });
});
