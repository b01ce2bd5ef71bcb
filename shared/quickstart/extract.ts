import { parseJsonOrNull } from '../json';
import type { ExtractedValues } from '../contract/quickstart';
import type { RequestKey } from './templates';

function field(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;
}

/**
 * The ids a successful answer hands on to later steps. The payment's own id becomes the
 * Order Management orderId: ePayment's reference, eCom's orderId or Recurring's chargeId.
 */
export function extractValues(key: RequestKey, status: number, bodyText: string | null): ExtractedValues {
  if (status < 200 || status >= 300 || !bodyText) return {};
  const body = parseJsonOrNull(bodyText);
  if (body === null) return {};
  const values: ExtractedValues = {};
  const put = (name: keyof ExtractedValues, value: string | undefined) => {
    if (value !== undefined) values[name] = value;
  };
  switch (key) {
    case 'payment.epayment':
    case 'payment.epayment-receipt':
      put('orderId', field(body, 'reference'));
      break;
    case 'payment.ecom':
      put('orderId', field(body, 'orderId'));
      break;
    case 'payment.recurring':
      put('agreementId', field(body, 'agreementId'));
      put('chargeId', field(body, 'chargeId'));
      put('orderId', field(body, 'chargeId'));
      break;
    case 'image':
      put('uploadedImageId', field(body, 'imageId'));
      break;
    default:
      break;
  }
  return values;
}
