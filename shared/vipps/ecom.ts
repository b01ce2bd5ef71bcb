import { z } from 'zod';
import { isAbsoluteUri } from './category';
import { validateWith, type ValidationIssue, type ValidationResult } from './issues';
import { ECOM_ORDER_ID_PATTERN } from './patterns';

const url255 = z.string().max(255, { error: 'URLs may be at most 255 characters long.' });

export const InitiatePaymentSchema = z.object({
  customerInfo: z.object({
    mobileNumber: z
      .string({ error: 'mobileNumber is text of 8 digits, without +47 or spaces.' })
      .regex(/^\d{8}$/, { error: 'mobileNumber must be 8 digits, without +47, 0047 or spaces.' })
      .optional(),
  }),
  merchantInfo: z.object({
    merchantSerialNumber: z
      .string({ error: 'merchantSerialNumber is text ("123456"), not a number.' })
      .regex(/^\d{5,6}$/, { error: 'merchantSerialNumber must be 5 or 6 digits.' }),
    callbackPrefix: url255,
    fallBack: z.string({ error: 'fallBack is required (note the capital B): where the user returns after paying.' }).max(255),
    authToken: z.string().max(255).optional(),
    consentRemovalPrefix: url255.optional(),
    isApp: z.boolean().optional(),
    paymentType: z.enum(['eComm Regular Payment', 'eComm Express Payment']).optional(),
    shippingDetailsPrefix: url255.optional(),
    staticShippingDetails: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
  transaction: z.object({
    amount: z
      .int({ error: 'amount is a whole number of øre: 499.00 NOK is written 49900.' })
      .min(100, { error: 'amount must be at least 100 øre (1 NOK).' }),
    orderId: z.string().regex(ECOM_ORDER_ID_PATTERN, { error: 'orderId must be 1 to 50 characters of letters, digits and "-".' }),
    transactionText: z.string().max(100, { error: 'transactionText may be at most 100 characters long.' }),
    skipLandingPage: z.boolean().optional(),
    scope: z.string().optional(),
    additionalData: z.record(z.string(), z.unknown()).optional(),
    useExplicitCheckoutFlow: z.boolean().optional(),
  }),
});

export type InitiatePaymentCommand = z.infer<typeof InitiatePaymentSchema>;

function isHttps(value: string): boolean {
  return /^https:\/\//i.test(value) && isAbsoluteUri(value);
}

function ruleIssues(body: InitiatePaymentCommand): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const info = body.merchantInfo;
  if (!isHttps(info.callbackPrefix)) {
    issues.push({ name: 'merchantInfo.callbackPrefix', reason: 'callbackPrefix must be an https:// URL.' });
  }
  const appScheme = isAbsoluteUri(info.fallBack) && !/^https?:/i.test(info.fallBack);
  if (!isHttps(info.fallBack) && !appScheme) {
    issues.push({ name: 'merchantInfo.fallBack', reason: 'fallBack must be an https:// URL or an app scheme such as myapp://.' });
  }
  if (info.paymentType === 'eComm Express Payment' && !info.consentRemovalPrefix) {
    issues.push({ name: 'merchantInfo.consentRemovalPrefix', reason: 'Express payments need a consentRemovalPrefix.' });
  }
  return issues;
}

export function validateInitiatePayment(input: unknown): ValidationResult<InitiatePaymentCommand> {
  const schema = validateWith(InitiatePaymentSchema, input);
  if (!schema.ok) return schema;
  const issues = ruleIssues(schema.value);
  return issues.length === 0 ? schema : { ok: false, issues };
}

export const EcomForceApproveSchema = z.object({
  customerPhoneNumber: z.string().regex(/^\d{8}$/, { error: 'customerPhoneNumber must be 8 digits.' }).optional(),
  token: z.string().optional(),
});
