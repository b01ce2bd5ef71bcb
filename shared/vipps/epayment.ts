import { z } from 'zod';
import { CURRENCIES, validateReceipt } from './receipt';
import { isAbsoluteUri } from './category';
import { validateWith, type ValidationIssue, type ValidationResult } from './issues';
import { EPAYMENT_REFERENCE_PATTERN } from './patterns';

export const USER_FLOWS = ['PUSH_MESSAGE', 'NATIVE_REDIRECT', 'WEB_REDIRECT', 'QR'] as const;
export const MSISDN_PATTERN = /^\d{10,15}$/;
const EXPIRES_AT_PATTERN = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-](2[0-3]|[01]\d):[0-5]\d)$/;

export const EpaymentAmountSchema = z.object({
  currency: z.enum(CURRENCIES, { error: 'currency must be NOK, DKK or EUR.' }),
  value: z
    .int({ error: 'value is a whole number of minor units: 499.00 NOK is written 49900.' })
    .min(0, { error: 'value may not be negative.' })
    .max(65_000_000, { error: 'value may be at most 65000000 (650 000.00).' }),
});

const CustomerSchema = z.object({
  phoneNumber: z.string().regex(MSISDN_PATTERN, { error: 'phoneNumber is the MSISDN: country code and number, digits only, e.g. 4791234567.' }).optional(),
  personalQr: z.string().min(5).max(255).optional(),
  customerToken: z.string().optional(),
});

export const CreatePaymentSchema = z.object({
  amount: EpaymentAmountSchema,
  customer: CustomerSchema.optional(),
  customerInteraction: z.enum(['CUSTOMER_PRESENT', 'CUSTOMER_NOT_PRESENT']).optional(),
  industryData: z.object({ airlineData: z.record(z.string(), z.unknown()).optional() }).optional(),
  paymentMethod: z.object({ type: z.enum(['WALLET', 'CARD']) }),
  profile: z.object({ scope: z.string().optional() }).optional(),
  reference: z.string().regex(EPAYMENT_REFERENCE_PATTERN, {
    error: 'reference must be 8 to 50 characters of letters, digits and "-".',
  }),
  returnUrl: z.string().optional(),
  userFlow: z.enum(USER_FLOWS),
  expiresAt: z.string().regex(EXPIRES_AT_PATTERN, { error: 'expiresAt must be an RFC 3339 time, e.g. 2030-02-26T17:32:28Z.' }).nullable().optional(),
  qrFormat: z
    .object({
      format: z.enum(['TEXT/TARGETURL', 'IMAGE/SVG+XML', 'IMAGE/PNG']),
      size: z.int().min(100).max(2000).nullable().optional(),
    })
    .nullable()
    .optional(),
  paymentDescription: z.string().min(3).max(100).optional(),
  receipt: z.unknown().optional(),
  metadata: z
    .record(z.string().max(100, { error: 'metadata keys may be at most 100 characters.' }), z.string().max(500, { error: 'metadata values may be at most 500 characters.' }))
    .nullable()
    .optional(),
  receiptUrl: z.string().nullable().optional(),
});

export type CreatePaymentRequest = z.infer<typeof CreatePaymentSchema>;

const MINIMUM_BY_CURRENCY: Record<string, number> = { NOK: 100, DKK: 1, EUR: 1 };

function ruleIssues(body: CreatePaymentRequest, nowMs: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const minimum = MINIMUM_BY_CURRENCY[body.amount.currency] ?? 1;
  if (body.amount.value < minimum) {
    issues.push({ name: 'amount.value', reason: `The amount is too small: the least for ${body.amount.currency} is ${minimum} minor units.` });
  }
  if (body.customer) {
    const given = ['phoneNumber', 'personalQr', 'customerToken'].filter((k) => body.customer?.[k as keyof typeof body.customer] !== undefined);
    if (given.length !== 1) {
      issues.push({ name: 'customer', reason: 'Give exactly one of phoneNumber, personalQr or customerToken.' });
    }
  }
  if (body.userFlow === 'PUSH_MESSAGE' && !body.customer) {
    issues.push({ name: 'customer', reason: 'userFlow PUSH_MESSAGE needs a customer to send the push message to.' });
  }
  if (body.userFlow === 'WEB_REDIRECT' && !body.returnUrl) {
    issues.push({ name: 'returnUrl', reason: 'userFlow WEB_REDIRECT needs a returnUrl to send the user back to.' });
  }
  if (body.returnUrl !== undefined && (!isAbsoluteUri(body.returnUrl) || /^http:/i.test(body.returnUrl))) {
    issues.push({ name: 'returnUrl', reason: 'returnUrl must be an https:// URL or use an app scheme such as myapp://.' });
  }
  if (body.paymentMethod.type === 'CARD' && body.userFlow !== 'WEB_REDIRECT') {
    issues.push({ name: 'paymentMethod.type', reason: 'CARD payments only work with userFlow WEB_REDIRECT.' });
  }
  if (body.receipt !== undefined && body.paymentMethod.type !== 'WALLET') {
    issues.push({ name: 'receipt', reason: 'A receipt can only be attached to WALLET payments.' });
  }
  if (body.metadata && Object.keys(body.metadata).length > 5) {
    issues.push({ name: 'metadata', reason: 'metadata may hold at most 5 key-value pairs.' });
  }
  if (body.expiresAt) {
    if (body.userFlow !== 'PUSH_MESSAGE' && body.userFlow !== 'QR') {
      issues.push({ name: 'expiresAt', reason: 'expiresAt can only be used with userFlow PUSH_MESSAGE or QR.' });
    }
    if (body.receipt === undefined) issues.push({ name: 'receipt', reason: 'A payment with expiresAt must also carry a receipt.' });
    const ahead = Date.parse(body.expiresAt) - nowMs;
    if (!(ahead > 10 * 60_000 && ahead < 28 * 86_400_000)) {
      issues.push({ name: 'expiresAt', reason: 'expiresAt must be more than 10 minutes and less than 28 days ahead.' });
    }
  }
  return issues;
}

/** The ePayment createPayment body, including the embedded OM receipt (checked by the OM rules). */
export function validateCreatePayment(input: unknown, options: { now?: number } = {}): ValidationResult<CreatePaymentRequest> {
  const schema = validateWith(CreatePaymentSchema, input);
  if (!schema.ok) return schema;
  const issues = ruleIssues(schema.value, options.now ?? Date.now());
  if (schema.value.receipt !== undefined) {
    const receipt = validateReceipt(schema.value.receipt, 'receipt');
    if (receipt.ok) schema.value.receipt = receipt.value;
    else issues.push(...receipt.issues);
  }
  return issues.length === 0 ? schema : { ok: false, issues };
}

export const ForceApproveSchema = z.object({
  customer: CustomerSchema.optional(),
  token: z.string().optional(),
});
