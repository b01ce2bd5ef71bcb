import { z } from 'zod';

/**
 * Called only when an amount failed the schema, so a safe integer that gets here is negative
 * (the one rule left after "whole number").
 */
function amountReason(input: unknown): string {
  if (input === undefined) return 'This amount is required but missing.';
  if (typeof input === 'string') {
    return 'Amounts are numbers, not text: write 1000, not "1000" (minor units, 10.00 = 1000).';
  }
  if (typeof input !== 'number') return 'Expected a whole number of minor units (10.00 = 1000).';
  if (!Number.isInteger(input)) {
    return `${input} has decimals: amounts are whole minor units (øre or cents), so 10.50 is written 1050.`;
  }
  if (!Number.isSafeInteger(input)) return 'This amount is too large.';
  return 'Amounts may not be negative: mark returned items with isReturn: true instead.';
}

/** A non-negative integer in minor units (øre/cents), with our own wording for each mistake. */
export function minorUnits() {
  return z.int({ error: (iss) => amountReason(iss.input) }).min(0, {
    error: (iss) => amountReason(iss.input),
  });
}

export function nullableMinorUnits() {
  return minorUnits().nullable().optional();
}
