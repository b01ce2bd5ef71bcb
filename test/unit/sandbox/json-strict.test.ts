import { describe, it, expect } from 'vitest';
import { parseJsonStrict, fixTrailingCommas, findTrailingCommas } from '../../../shared/json';

describe('parseJsonStrict', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJsonStrict('{"a": [1, 2, {"b": null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
  });

  it('names a trailing comma in an object with its line and column', () => {
    const result = parseJsonStrict('{\n  "currency": "NOK",\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'trailing-comma', line: 2, column: 20, offset: 21 });
    expect(result.error.message).toBe('Trailing comma after the last property at line 2, column 20: remove it.');
  });

  it('names a trailing comma in an array as after the last element', () => {
    const result = parseJsonStrict('[1, 2,]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'trailing-comma', line: 1, column: 6 });
    expect(result.error.message).toBe('Trailing comma after the last element at line 1, column 6: remove it.');
  });

  it('reports the first trailing comma and says how many there are', () => {
    const result = parseJsonStrict('[\n  {"a": 1,},\n]');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('after the last property at line 2, column 10');
    expect(result.error.message).toContain('2 trailing commas');
  });

  it('reports other syntax errors with position and no trailing-comma wording', () => {
    const result = parseJsonStrict('{"a": 1 "b": 2}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'syntax', line: 1, column: 9 });
    expect(result.error.message).not.toMatch(/trailing/i);
    expect(result.error.message).toMatch(/comma was expected/);
  });

  it('rejects comments, single quotes and unclosed strings', () => {
    for (const text of ['{"a": 1 /* c */}', "{'a': 1}", '{"a": "x']) {
      const result = parseJsonStrict(text);
      expect(result.ok, text).toBe(false);
    }
  });

  it('calls an empty or blank body empty', () => {
    const result = parseJsonStrict('  \n ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('empty');
  });

  it('counts lines across CRLF line endings', () => {
    const result = parseJsonStrict('{\r\n"a": 1,\r\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'trailing-comma', line: 2, column: 7 });
  });

  it('accepts a leading byte order mark', () => {
    expect(parseJsonStrict('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('fixTrailingCommas', () => {
  it('removes every trailing comma and nothing else', () => {
    const broken = '{\n"lines": [\n{"name": "a,}", "n": 1,},\n],\n"c": "NOK",\n}';
    const fixed = fixTrailingCommas(broken);
    expect(fixed).toBe('{\n"lines": [\n{"name": "a,}", "n": 1}\n],\n"c": "NOK"\n}');
    expect(JSON.parse(fixed)).toEqual({ lines: [{ name: 'a,}', n: 1 }], c: 'NOK' });
  });

  it('leaves valid JSON untouched', () => {
    const text = '{"a": [1, 2], "b": ","}';
    expect(fixTrailingCommas(text)).toBe(text);
    expect(findTrailingCommas(text)).toEqual([]);
  });
});
