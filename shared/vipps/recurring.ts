import { z } from 'zod';
import { validateWith, type ValidationIssue, type ValidationResult } from './issues';
import { RECURRING_ORDER_ID_PATTERN } from './patterns';

export const INTERVAL_UNITS = ['YEAR', 'MONTH', 'WEEK', 'DAY'] as const;
export const TRANSACTION_TYPES = ['DIRECT_CAPTURE', 'RESERVE_CAPTURE'] as const;

const url1024 = z.string().max(1024, { error: 'URLs may be at most 1024 characters long.' });
const externalId = z.string().min(1).max(64);

export const DraftAgreementSchema = z.object({
  pricing: z.object({
    type: z.enum(['LEGACY', 'VARIABLE']).optional(),
    currency: z.literal('NOK', { error: 'Recurring agreements are in NOK only.' }),
    amount: z.int().min(100, { error: 'amount must be at least 100 øre.' }).optional(),
    suggestedMaxAmount: z.int().min(100).max(2_000_000).optional(),
  }),
  interval: z.object({
    unit: z.enum(INTERVAL_UNITS),
    count: z.int().min(1).max(31),
  }),
  merchantAgreementUrl: url1024,
  merchantRedirectUrl: url1024,
  productName: z.string().max(45),
  productDescription: z.string().max(100).optional(),
  phoneNumber: z.string().max(15).optional(),
  initialCharge: z
    .object({
      amount: z.int().min(0),
      description: z.string(),
      transactionType: z.enum(TRANSACTION_TYPES),
      orderId: z.string().regex(RECURRING_ORDER_ID_PATTERN, { error: 'orderId must be 1 to 50 characters of letters, digits and "-".' }).optional(),
      externalId: externalId.optional(),
    })
    .optional(),
  campaign: z.record(z.string(), z.unknown()).optional(),
  scope: z.string().optional(),
  skipLandingPage: z.boolean().optional(),
  isApp: z.boolean().optional(),
  externalId: externalId.optional(),
  countryCode: z.literal('NO').optional(),
});

export type DraftAgreement = z.infer<typeof DraftAgreementSchema>;

export function validateDraftAgreement(input: unknown): ValidationResult<DraftAgreement> {
  const schema = validateWith(DraftAgreementSchema, input);
  if (!schema.ok) return schema;
  const issues: ValidationIssue[] = [];
  const pricing = schema.value.pricing;
  if ((pricing.type ?? 'LEGACY') === 'LEGACY' && pricing.amount === undefined) {
    issues.push({ name: 'pricing.amount', reason: 'LEGACY pricing needs an amount (at least 100 øre).' });
  }
  if (pricing.type === 'VARIABLE' && pricing.suggestedMaxAmount === undefined) {
    issues.push({ name: 'pricing.suggestedMaxAmount', reason: 'VARIABLE pricing needs a suggestedMaxAmount (100 to 2000000).' });
  }
  if (!/^https:\/\//i.test(schema.value.merchantAgreementUrl)) {
    issues.push({ name: 'merchantAgreementUrl', reason: 'merchantAgreementUrl must be an https:// URL.' });
  }
  return issues.length === 0 ? schema : { ok: false, issues };
}

export const CreateChargeSchema = z.object({
  amount: z.int().min(100, { error: 'amount must be at least 100 øre.' }),
  transactionType: z.enum(TRANSACTION_TYPES),
  description: z.string().min(1).max(45),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'due must be a date written YYYY-MM-DD.' }),
  retryDays: z.int().min(0).max(14),
  orderId: z.string().regex(RECURRING_ORDER_ID_PATTERN, { error: 'orderId must be 1 to 50 characters of letters, digits and "-".' }).optional(),
  externalId: externalId.optional(),
});

export type CreateCharge = z.infer<typeof CreateChargeSchema>;

/** A charge's due date must lie at least `minDaysAhead` whole days after today (UTC). */
export function validateCreateCharge(
  input: unknown,
  options: { now?: number; minDaysAhead?: number } = {},
): ValidationResult<CreateCharge> {
  const schema = validateWith(CreateChargeSchema, input);
  if (!schema.ok) return schema;
  const due = Date.parse(`${schema.value.due}T00:00:00Z`);
  const today = new Date(options.now ?? Date.now());
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const minDays = options.minDaysAhead ?? 1;
  // Date.parse rolls an impossible day over ("2030-02-30" becomes 2 March), so the parsed date
  // written back must be the very text given.
  if (Number.isNaN(due) || new Date(due).toISOString().slice(0, 10) !== schema.value.due) {
    return { ok: false, issues: [{ name: 'due', reason: `due ${schema.value.due} is not a real calendar date: check the day and month.` }] };
  }
  if ((due - todayUtc) / 86_400_000 < minDays) {
    return { ok: false, issues: [{ name: 'due', reason: `due must be at least ${minDays} day(s) after today.` }] };
  }
  return schema;
}

export const ForceAcceptSchema = z.object({
  phoneNumber: z.string({ error: 'phoneNumber is required: the test user who accepts the agreement.' }).min(1),
});
