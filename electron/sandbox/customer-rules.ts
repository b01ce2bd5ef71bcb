/**
 * What the simulated customer does with a payment or agreement, decided the way the Vipps test
 * environment decides it: Vipps' own magic amounts (in øre) first, so a flow written against the
 * real test environment ends the same way here; then the sandbox's own test phone numbers, for
 * the acts Vipps has no magic amount for; otherwise the customer approves at once.
 */
export type CustomerAct =
  | { act: 'approve'; afterMs: number; failCapture: boolean; why: string }
  /** The card or bank refuses: the payment ends ABORTED. */
  | { act: 'refuse'; why: string }
  /** The customer declines in the app. */
  | { act: 'reject'; why: string }
  /** Nothing happens: the payment or agreement expires when its time runs out. */
  | { act: 'ignore'; why: string };

/** Vipps' magic amounts: each is a refusal the test environment gives for that amount. */
export const MAGIC_REFUSALS: Readonly<Record<number, string>> = Object.freeze({
  151: 'insufficient funds',
  182: 'refused by the card issuer',
  183: 'suspected fraud',
  184: 'withdrawal limit exceeded',
  186: 'expired card',
  187: 'invalid card',
  197: '3-D Secure denied',
  202: 'strong customer authentication required',
});
/** The test environment leaves this amount's result unknown for an hour. */
export const MAGIC_UNKNOWN = 201;
/** Refund amounts the test environment refuses, with its reasons. */
export const MAGIC_REFUND_REFUSALS: Readonly<Record<number, string>> = Object.freeze({
  123: 'the payment cannot be refunded',
  124: 'the refund period has expired',
});

export const APPROVE_DELAY_MS = 30_000;

/** The sandbox's test phone numbers (national form; +47 or 47 in front is the same number). */
export const TEST_PHONE_NUMBERS: Readonly<Record<string, { act: CustomerAct['act']; failCapture?: boolean; afterMs?: number; why: string }>> = Object.freeze({
  '99000001': { act: 'reject', why: 'test number 99000001 declines in the app' },
  '99000002': { act: 'ignore', why: 'test number 99000002 never answers, so the payment or agreement expires' },
  '99000003': { act: 'approve', afterMs: APPROVE_DELAY_MS, why: 'test number 99000003 approves after 30 seconds' },
  '99000004': { act: 'approve', failCapture: true, why: 'test number 99000004 approves, and the capture is refused' },
});

/** The national number: digits only, without a leading 47 or 0047 on a 10- or 12-digit number. */
export function nationalNumber(phone: string | null | undefined): string | null {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 12 && digits.startsWith('0047')) return digits.slice(4);
  if (digits.length === 10 && digits.startsWith('47')) return digits.slice(2);
  return digits.length > 0 ? digits : null;
}

export function customerActFor(input: { amount: number; phoneNumber?: string | null }): CustomerAct {
  const refusal = MAGIC_REFUSALS[input.amount];
  if (refusal !== undefined) return { act: 'refuse', why: `amount ${input.amount}: ${refusal}` };
  if (input.amount === MAGIC_UNKNOWN) return { act: 'ignore', why: `amount ${MAGIC_UNKNOWN}: the result stays unknown for an hour` };
  const national = nationalNumber(input.phoneNumber);
  const rule = national === null ? undefined : TEST_PHONE_NUMBERS[national];
  if (!rule) return { act: 'approve', afterMs: 0, failCapture: false, why: 'the customer approves at once' };
  if (rule.act === 'approve') return { act: 'approve', afterMs: rule.afterMs ?? 0, failCapture: rule.failCapture === true, why: rule.why };
  return { act: rule.act, why: rule.why };
}
