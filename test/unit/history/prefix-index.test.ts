import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, PrefixIndex } from '../../../electron/backend/history/prefix-index';

describe('the prefix index: can any of many values occur in a text?', () => {
  const index = new PrefixIndex(['eyJhbGci', 'QRST', 'tok/a+b=', 'xyz']);

  it('says no for a text holding none of them', () => {
    expect(index.mayHold('GET /epayment/v1/payments/acme-1 answered 200')).toBe(false);
    expect(index.mayHold('eyJ QRS to/k QRSU')).toBe(false);
  });

  it('says yes wherever a value starts: first, in the middle, in the very last window', () => {
    expect(index.mayHold('eyJhbGciOiJSUzI1NiJ9 and more')).toBe(true);
    expect(index.mayHold('Bearer eyJhbGciOi')).toBe(true);
    expect(index.mayHold('the key ends the text: QRST')).toBe(true);
    expect(index.mayHold('..tok/a+b=..')).toBe(true);
  });

  it('looks at a text exactly one window long, and not at a shorter one', () => {
    expect(MIN_SECRET_LENGTH).toBe(4);
    expect(index.mayHold('QRST')).toBe(true);
    expect(index.mayHold('QRSU')).toBe(false);
    expect(index.mayHold('QRS')).toBe(false);
    expect(index.mayHold('')).toBe(false);
  });

  it('matches the first window of each value only as a whole window', () => {
    // Every 4-character slice of a longer value, but not its first, is not a start.
    expect(index.mayHold('JhbG hbGc bGci')).toBe(false);
    expect(index.mayHold('eyJh')).toBe(true);
  });

  it('does not index values too short to be keys', () => {
    expect(index.mayHold('xyz xyz xyz')).toBe(false);
  });

  it('rolls the window over characters beyond ASCII and over long texts alike', () => {
    const keys = new PrefixIndex(['ÆØÅæøå-key', 'Ωmega']);
    expect(keys.mayHold('prefix ÆØÅæ')).toBe(true);
    expect(keys.mayHold(`${'a'.repeat(5_000)}Ωmeg${'b'.repeat(5_000)}`)).toBe(true);
    expect(keys.mayHold(`${'a'.repeat(5_000)}Ωme${'b'.repeat(5_000)}`)).toBe(false);
  });
});
