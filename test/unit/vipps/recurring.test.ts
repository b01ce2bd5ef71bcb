import { describe, expect, it } from 'vitest';
import { ForceAcceptSchema, validateCreateCharge, validateDraftAgreement } from '../../../shared/vipps/recurring';

// Recurring API v3 rules (reference §6): charges ≥ 100 øre, description 1–45, due YYYY-MM-DD at
// least a day ahead in test, retryDays 0–14, orderId 1–50 of letters, digits and "-".
const NOW = Date.parse('2030-01-15T10:00:00Z');
const charge = (over: Record<string, unknown> = {}) => ({ amount: 100, transactionType: 'DIRECT_CAPTURE', description: 'Monthly box', due: '2030-01-16', retryDays: 0, ...over });
const agreement = (over: Record<string, unknown> = {}, pricing: Record<string, unknown> = { amount: 100 }) => ({
  pricing: { currency: 'NOK', ...pricing },
  interval: { unit: 'MONTH', count: 1 },
  merchantAgreementUrl: 'https://example.com/agreement',
  merchantRedirectUrl: 'https://example.com/back',
  productName: 'Box',
  ...over,
});

function names(result: { ok: boolean; issues?: Array<{ name: string }> }): string[] {
  return result.ok ? [] : (result.issues ?? []).map((i) => i.name);
}
function reason(result: { ok: boolean; issues?: Array<{ reason: string }> }): string {
  return result.ok ? '' : (result.issues?.[0]?.reason ?? '');
}

describe('validateCreateCharge', () => {
  it('refuses a due date that does not exist on the calendar (30 February), which Date.parse would roll over', () => {
    const r = validateCreateCharge(charge({ due: '2030-02-30' }), { now: NOW });
    expect(names(r)).toEqual(['due']);
    expect(reason(r)).toMatch(/2030-02-30 is not a real calendar date/);
    expect(names(validateCreateCharge(charge({ due: '2030-04-31' }), { now: NOW }))).toEqual(['due']);
    expect(names(validateCreateCharge(charge({ due: '2030-13-01' }), { now: NOW }))).toEqual(['due']);
  });

  it('accepts 29 February in a leap year and refuses it in another', () => {
    expect(validateCreateCharge(charge({ due: '2032-02-29' }), { now: NOW }).ok).toBe(true);
    expect(names(validateCreateCharge(charge({ due: '2031-02-29' }), { now: NOW }))).toEqual(['due']);
  });

  it('wants the due date at least one whole day after today (UTC) by default, and as many as asked', () => {
    expect(validateCreateCharge(charge({ due: '2030-01-16' }), { now: NOW }).ok).toBe(true);
    const today = validateCreateCharge(charge({ due: '2030-01-15' }), { now: NOW });
    expect(names(today)).toEqual(['due']);
    expect(reason(today)).toBe('due must be at least 1 day(s) after today.');
    // Production asks for two days.
    expect(names(validateCreateCharge(charge({ due: '2030-01-16' }), { now: NOW, minDaysAhead: 2 }))).toEqual(['due']);
    expect(validateCreateCharge(charge({ due: '2030-01-17' }), { now: NOW, minDaysAhead: 2 }).ok).toBe(true);
    // Late in the day counts as the same day: today is the UTC date, not now.
    expect(validateCreateCharge(charge({ due: '2030-01-16' }), { now: Date.parse('2030-01-15T23:59:00Z') }).ok).toBe(true);
  });

  it('reads the clock when no time is given', () => {
    expect(names(validateCreateCharge(charge({ due: '2000-01-01' })))).toEqual(['due']);
    expect(validateCreateCharge(charge({ due: '2999-01-01' })).ok).toBe(true);
  });

  it('wants due written YYYY-MM-DD', () => {
    expect(reason(validateCreateCharge(charge({ due: '16.01.2030' }), { now: NOW }))).toBe('due must be a date written YYYY-MM-DD.');
    expect(names(validateCreateCharge(charge({ due: '2030-01-16T00:00:00Z' }), { now: NOW }))).toEqual(['due']);
  });

  it('keeps amount ≥ 100 øre, description 1–45 characters and retryDays 0–14', () => {
    const ok = (over: Record<string, unknown>) => validateCreateCharge(charge(over), { now: NOW }).ok;
    expect(ok({ amount: 100 })).toBe(true);
    expect(reason(validateCreateCharge(charge({ amount: 99 }), { now: NOW }))).toBe('amount must be at least 100 øre.');
    expect(ok({ description: 'x' })).toBe(true);
    expect(ok({ description: '' })).toBe(false);
    expect(ok({ description: 'x'.repeat(45) })).toBe(true);
    expect(ok({ description: 'x'.repeat(46) })).toBe(false);
    expect(ok({ retryDays: 14 })).toBe(true);
    expect(ok({ retryDays: 15 })).toBe(false);
    expect(ok({ retryDays: -1 })).toBe(false);
    expect(ok({ transactionType: 'RESERVE_CAPTURE' })).toBe(true);
    expect(ok({ transactionType: 'CAPTURE' })).toBe(false);
  });

  it('keeps a charge orderId to 1–50 letters, digits and "-", and externalId to 1–64 characters', () => {
    const ok = (over: Record<string, unknown>) => validateCreateCharge(charge(over), { now: NOW }).ok;
    expect(ok({ orderId: 'a'.repeat(50) })).toBe(true);
    expect(ok({ orderId: 'a'.repeat(51) })).toBe(false);
    expect(reason(validateCreateCharge(charge({ orderId: 'a_b' }), { now: NOW }))).toMatch(/orderId must be 1 to 50/);
    expect(ok({ externalId: 'e'.repeat(64) })).toBe(true);
    expect(ok({ externalId: 'e'.repeat(65) })).toBe(false);
    expect(ok({ externalId: '' })).toBe(false);
  });
});

describe('validateDraftAgreement', () => {
  it('accepts a LEGACY agreement with an amount, in NOK only', () => {
    expect(validateDraftAgreement(agreement()).ok).toBe(true);
    expect(validateDraftAgreement(agreement({}, { type: 'LEGACY', amount: 100 })).ok).toBe(true);
    const dkk = validateDraftAgreement({ ...agreement(), pricing: { currency: 'DKK', amount: 100 } });
    expect(reason(dkk)).toBe('Recurring agreements are in NOK only.');
    expect(reason(validateDraftAgreement(agreement({}, { amount: 99 })))).toBe('amount must be at least 100 øre.');
  });

  it('wants an amount for LEGACY pricing (the default) and a suggestedMaxAmount of 100–2000000 for VARIABLE', () => {
    const legacy = validateDraftAgreement(agreement({}, {}));
    expect(names(legacy)).toEqual(['pricing.amount']);
    expect(reason(legacy)).toMatch(/LEGACY pricing needs an amount/);
    expect(names(validateDraftAgreement(agreement({}, { type: 'LEGACY' })))).toEqual(['pricing.amount']);
    const variable = validateDraftAgreement(agreement({}, { type: 'VARIABLE' }));
    expect(names(variable)).toEqual(['pricing.suggestedMaxAmount']);
    expect(reason(variable)).toMatch(/VARIABLE pricing needs a suggestedMaxAmount/);
    expect(validateDraftAgreement(agreement({}, { type: 'VARIABLE', suggestedMaxAmount: 100 })).ok).toBe(true);
    expect(validateDraftAgreement(agreement({}, { type: 'VARIABLE', suggestedMaxAmount: 2_000_000 })).ok).toBe(true);
    expect(validateDraftAgreement(agreement({}, { type: 'VARIABLE', suggestedMaxAmount: 99 })).ok).toBe(false);
    expect(validateDraftAgreement(agreement({}, { type: 'VARIABLE', suggestedMaxAmount: 2_000_001 })).ok).toBe(false);
  });

  it('keeps the interval count 1–31 in YEAR, MONTH, WEEK or DAY', () => {
    const interval = (unit: string, count: number) => validateDraftAgreement(agreement({ interval: { unit, count } })).ok;
    expect(interval('DAY', 1)).toBe(true);
    expect(interval('DAY', 31)).toBe(true);
    expect(interval('WEEK', 0)).toBe(false);
    expect(interval('WEEK', 32)).toBe(false);
    expect(interval('YEAR', 1)).toBe(true);
    expect(interval('HOUR', 1)).toBe(false);
  });

  it('wants merchantAgreementUrl https:// and both URLs at most 1024 characters', () => {
    const http = validateDraftAgreement(agreement({ merchantAgreementUrl: 'http://example.com/agreement' }));
    expect(names(http)).toEqual(['merchantAgreementUrl']);
    expect(reason(http)).toBe('merchantAgreementUrl must be an https:// URL.');
    expect(validateDraftAgreement(agreement({ merchantAgreementUrl: 'HTTPS://example.com/a' })).ok).toBe(true);
    expect(names(validateDraftAgreement(agreement({ merchantAgreementUrl: 'see https://example.com' })))).toEqual(['merchantAgreementUrl']);
    const long = `https://example.com/${'a'.repeat(1024 - 20)}`;
    expect(long).toHaveLength(1024);
    expect(validateDraftAgreement(agreement({ merchantAgreementUrl: long, merchantRedirectUrl: long })).ok).toBe(true);
    const tooLong = validateDraftAgreement(agreement({ merchantRedirectUrl: `${long}a` }));
    expect(names(tooLong)).toEqual(['merchantRedirectUrl']);
    expect(reason(tooLong)).toBe('URLs may be at most 1024 characters long.');
  });

  it('keeps productName ≤ 45, productDescription ≤ 100, phoneNumber ≤ 15 and countryCode NO', () => {
    const ok = (over: Record<string, unknown>) => validateDraftAgreement(agreement(over)).ok;
    expect(ok({ productName: 'p'.repeat(45) })).toBe(true);
    expect(ok({ productName: 'p'.repeat(46) })).toBe(false);
    expect(ok({ productDescription: 'd'.repeat(100) })).toBe(true);
    expect(ok({ productDescription: 'd'.repeat(101) })).toBe(false);
    expect(ok({ phoneNumber: '4'.repeat(15) })).toBe(true);
    expect(ok({ phoneNumber: '4'.repeat(16) })).toBe(false);
    expect(ok({ countryCode: 'NO' })).toBe(true);
    expect(ok({ countryCode: 'SE' })).toBe(false);
    expect(ok({ externalId: '' })).toBe(false);
  });

  it('checks an initial charge: amount from 0, a known transaction type and a valid orderId', () => {
    const initial = (over: Record<string, unknown>) =>
      validateDraftAgreement(agreement({ initialCharge: { amount: 0, description: 'First', transactionType: 'DIRECT_CAPTURE', ...over } }));
    expect(initial({}).ok).toBe(true);
    expect(initial({ amount: -1 }).ok).toBe(false);
    expect(initial({ transactionType: 'SALE' }).ok).toBe(false);
    expect(reason(initial({ orderId: 'has space' }))).toMatch(/orderId must be 1 to 50/);
  });
});

describe('force accept (test helper)', () => {
  it('needs the phone number of the test user', () => {
    expect(ForceAcceptSchema.safeParse({ phoneNumber: '4791234567' }).success).toBe(true);
    expect(ForceAcceptSchema.safeParse({ phoneNumber: '' }).success).toBe(false);
    const missing = ForceAcceptSchema.safeParse({});
    expect(missing.success ? '' : missing.error.issues[0]?.message).toMatch(/phoneNumber is required/);
  });
});
