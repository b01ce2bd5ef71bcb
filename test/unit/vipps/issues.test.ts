import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, validateWith } from '../../../shared/vipps/issues';
import { applyLenientTypes, type LenientRule } from '../../../shared/vipps/lenient';

// Our own sentence for each kind of schema failure, named by its JSON path.
const say = (schema: z.ZodType, input: unknown) => {
  const r = validateWith(schema, input);
  return r.ok ? null : r.issues[0]!.reason;
};

describe('formatPath', () => {
  it('writes JSON paths with dots for fields and brackets for indexes, after a prefix', () => {
    expect(formatPath(['orderLines', 0, 'unitInfo', 'quantity'])).toBe('orderLines[0].unitInfo.quantity');
    expect(formatPath([0, 'name'])).toBe('[0].name');
    expect(formatPath(['bottomLine'], 'receipt')).toBe('receipt.bottomLine');
    expect(formatPath([2], 'receipt.orderLines')).toBe('receipt.orderLines[2]');
    expect(formatPath([])).toBe('');
  });
});

describe('validateWith', () => {
  it('names the root "$" without a prefix, and the prefix itself with one', () => {
    expect(validateWith(z.string(), 1)).toEqual({ ok: false, issues: [{ name: '$', reason: 'Expected text in double quotes, got a whole number.' }] });
    expect(validateWith(z.string(), 1, 'receipt')).toEqual({ ok: false, issues: [{ name: 'receipt', reason: 'Expected text in double quotes, got a whole number.' }] });
    expect(validateWith(z.object({ a: z.string() }), { a: 1 }, 'x')).toMatchObject({ ok: false, issues: [{ name: 'x.a' }] });
    expect(validateWith(z.string(), 'ok')).toEqual({ ok: true, value: 'ok' });
  });

  it('says what was expected and what came, in words', () => {
    expect(say(z.object({ a: z.string() }), {})).toBe('This field is required but missing.');
    expect(say(z.number(), 'x')).toBe('Expected a number, got text.');
    expect(say(z.int(), 1.5)).toBe('Expected a whole number, got a decimal number.');
    expect(say(z.boolean(), null)).toBe('Expected true or false, got null.');
    expect(say(z.object({}), [])).toBe('Expected an object in braces, got a list.');
    expect(say(z.array(z.string()), {})).toBe('Expected a list in brackets, got an object.');
    expect(say(z.string(), true)).toBe('Expected text in double quotes, got boolean.');
    expect(say(z.bigint(), 1)).toBe('Expected bigint, got a whole number.');
  });

  it('says how long or how many, with the right plural and bound', () => {
    expect(say(z.string().min(1), '')).toBe('Must be at least 1 character long.');
    expect(say(z.string().min(3), 'a')).toBe('Must be at least 3 characters long.');
    expect(say(z.array(z.string()).min(1), [])).toBe('Must hold at least 1 item.');
    expect(say(z.array(z.string()).min(2), [])).toBe('Must hold at least 2 items.');
    expect(say(z.number().min(5), 4)).toBe('Must be at least 5.');
    expect(say(z.number().gt(5), 5)).toBe('Must be greater than 5.');
    expect(say(z.string().max(2), 'abc')).toBe('Must be at most 2 characters long.');
    expect(say(z.array(z.string()).max(1), ['a', 'b'])).toBe('Must hold at most 1 items.');
    expect(say(z.number().max(5), 6)).toBe('Must be at most 5.');
    expect(say(z.number().lt(5), 5)).toBe('Must be less than 5.');
  });

  it('names formats, allowed values and unknown fields', () => {
    expect(say(z.string().regex(/^a+$/), 'b')).toBe('Does not match the allowed format /^a+$/.');
    expect(say(z.email(), 'nope')).toBe('Is not a valid email.');
    expect(say(z.literal('base64'), 'url')).toBe('Must be "base64".');
    expect(say(z.enum(['A', 'B']), 'C')).toBe('Must be one of "A", "B" (spelled exactly so).');
    expect(say(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toBe('Unknown field(s): b, c.');
    expect(say(z.string().refine(() => false), 'x')).toBe('Is not valid here.');
  });

  it('passes on the sentence of a record key’s own rule', () => {
    const record = z.record(z.string().max(3, { error: 'Keys may be at most 3 characters.' }), z.string());
    expect(validateWith(record, { abcd: 'x' }, 'metadata')).toEqual({ ok: false, issues: [{ name: 'metadata.abcd', reason: 'Keys may be at most 3 characters.' }] });
  });
});

describe('applyLenientTypes', () => {
  const rules: LenientRule[] = [
    { path: ['reference'], wants: 'string' },
    { path: ['customer', 'phoneNumber'], wants: 'string' },
    { path: ['interval', 'count'], wants: 'integer' },
  ];

  it('turns a number sent for a string into its digits as written, keeping every digit of a long one', () => {
    const text = '{"reference": 1234567890123456789, "customer": {"phoneNumber": 4791234567}}';
    const value = JSON.parse(text) as Record<string, unknown>;
    const notes = applyLenientTypes(text, value, rules);
    expect(value).toEqual({ reference: '1234567890123456789', customer: { phoneNumber: '4791234567' } });
    expect(notes).toEqual([
      { name: 'reference', note: 'reference was sent as a JSON number; the spec asks for a string. The sandbox read it as "1234567890123456789", as the real service does.' },
      { name: 'customer.phoneNumber', note: 'customer.phoneNumber was sent as a JSON number; the spec asks for a string. The sandbox read it as "4791234567", as the real service does.' },
    ]);
  });

  it('leaves a number with decimals or an exponent alone', () => {
    for (const raw of ['12.5', '1e3', '-7.0']) {
      const text = `{"reference": ${raw}}`;
      const value = JSON.parse(text) as Record<string, unknown>;
      expect(applyLenientTypes(text, value, rules), raw).toEqual([]);
      expect(typeof value.reference).toBe('number');
    }
    const negative = JSON.parse('{"reference": -42}') as Record<string, unknown>;
    expect(applyLenientTypes('{"reference": -42}', negative, rules)).toHaveLength(1);
    expect(negative.reference).toBe('-42');
  });

  it('falls back to the parsed number when the text does not hold it', () => {
    const value = { reference: 77 };
    expect(applyLenientTypes('', value, rules)).toHaveLength(1);
    expect(value.reference).toBe('77');
  });

  it('turns digits sent as a string for an integer into the number, up to 15 digits, spaces trimmed', () => {
    const value = { interval: { count: ' 12 ' } };
    expect(applyLenientTypes('', value, rules)).toEqual([
      { name: 'interval.count', note: 'interval.count was sent as the string " 12 "; the spec asks for an integer. The sandbox read it as 12, as the real service does.' },
    ]);
    expect(value.interval.count).toBe(12);
    const fifteen = { interval: { count: '123456789012345' } };
    applyLenientTypes('', fifteen, rules);
    expect(fifteen.interval.count).toBe(123456789012345);
    for (const count of ['1234567890123456', '1.5', 'twelve', '']) {
      const kept = { interval: { count } };
      expect(applyLenientTypes('', kept, rules), count).toEqual([]);
      expect(kept.interval.count).toBe(count);
    }
  });

  it('leaves values of the right type, missing members and non-objects alone', () => {
    const right = { reference: 'ref-1', interval: { count: 3 } };
    expect(applyLenientTypes('', right, rules)).toEqual([]);
    expect(right).toEqual({ reference: 'ref-1', interval: { count: 3 } });
    expect(applyLenientTypes('', { customer: null }, rules)).toEqual([]);
    expect(applyLenientTypes('', { customer: 'x' }, rules)).toEqual([]);
    expect(applyLenientTypes('5', 5, rules)).toEqual([]);
    expect(applyLenientTypes('null', null, rules)).toEqual([]);
  });
});
