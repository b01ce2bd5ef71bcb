import type { ValidationIssue } from './issues';

// The OM spec writes `^[0-9A-Za-z-_\.]+$`; the same set, written so no engine reads `z-_` as a range.
export const OM_ORDER_ID_PATTERN = /^[0-9A-Za-z_.-]+$/;
export const IMAGE_ID_PATTERN = OM_ORDER_ID_PATTERN;
export const IMAGE_ID_MAX_LENGTH = 128;
export const EPAYMENT_REFERENCE_PATTERN = /^[a-zA-Z0-9-]{8,50}$/;
export const ECOM_ORDER_ID_PATTERN = /^[a-zA-Z0-9-]{1,50}$/;
export const RECURRING_ORDER_ID_PATTERN = /^[a-zA-Z0-9-]{1,50}$/;
export const MSN_PATTERN = /^[0-9]{4,6}$/;

export const OM_PAYMENT_TYPES = ['ecom', 'recurring'] as const;
export type OmPaymentType = (typeof OM_PAYMENT_TYPES)[number];

/**
 * The OM path value changed case between spec versions (`ecom` → `ECOM`) and the Postman
 * collection sends `eCom`; the service accepts all of them, so comparison ignores case.
 */
export function normalisePaymentType(raw: string): OmPaymentType | null {
  const lower = raw.toLowerCase();
  return lower === 'ecom' || lower === 'recurring' ? lower : null;
}

export function checkPaymentType(raw: string): ValidationIssue | null {
  return normalisePaymentType(raw)
    ? null
    : {
        name: 'paymentType',
        reason: `"${raw}" is not a payment type: use ecom (eCom and ePayment payments) or recurring (Recurring charges).`,
      };
}

export function checkOmOrderId(raw: string): ValidationIssue | null {
  return OM_ORDER_ID_PATTERN.test(raw)
    ? null
    : {
        name: 'orderId',
        reason: 'The order id may only contain letters A–Z and a–z, digits, "-", "_" and ".".',
      };
}

export function checkEpaymentReference(raw: string, name = 'reference'): ValidationIssue | null {
  return EPAYMENT_REFERENCE_PATTERN.test(raw)
    ? null
    : {
        name,
        reason: 'The reference must be 8 to 50 characters of letters, digits and "-" (no "_" or ".").',
      };
}

export function checkEcomOrderId(raw: string, name = 'orderId'): ValidationIssue | null {
  return ECOM_ORDER_ID_PATTERN.test(raw)
    ? null
    : { name, reason: 'The eCom order id must be 1 to 50 characters of letters, digits and "-".' };
}

export function checkImageId(raw: string, name = 'imageId'): ValidationIssue | null {
  if (raw.length < 1 || raw.length > IMAGE_ID_MAX_LENGTH) {
    return { name, reason: `The image id must be 1 to ${IMAGE_ID_MAX_LENGTH} characters long.` };
  }
  return IMAGE_ID_PATTERN.test(raw)
    ? null
    : { name, reason: 'The image id may only contain letters, digits, "-", "_" and ".".' };
}
