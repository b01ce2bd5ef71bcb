import { parseJsonStrict } from '../json';
import { fillTemplate } from '../variables';
import { validateCategory } from '../vipps/category';
import { validateInitiatePayment } from '../vipps/ecom';
import { validateCreatePayment } from '../vipps/epayment';
import { validateImageUpload } from '../vipps/image';
import type { RuleIssue, ValidationIssue } from '../vipps/issues';
import { validateReceipt } from '../vipps/receipt';
import { validateDraftAgreement } from '../vipps/recurring';
import type { RequestKey } from './templates';

export type { RuleIssue };

export interface RuleContext {
  /** Run and profile values (`orderId`, `imageId`, `msn`, …) used to fill `{{…}}` before checking. */
  variables: Readonly<Record<string, string>>;
  /** The picked image as base64, which `{{imageSrc}}` stands for; null when none is picked. */
  imageBase64?: string | null;
  /** The imageId uploaded for this order, if the image step passed. */
  uploadedImageId?: string | null;
}

function fillStrings(value: unknown, variables: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return value.includes('{{') ? fillTemplate(value, { run: variables }).text : value;
  if (Array.isArray(value)) return value.map((item) => fillStrings(item, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillStrings(v, variables)]));
  }
  return value;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function issuesOf(result: { ok: true } | { ok: false; issues: ValidationIssue[] }): ValidationIssue[] {
  return result.ok ? [] : result.issues;
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !/^https:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

const IMAGE_PLACEHOLDER = '{{imageSrc}}';

function imageIssues(raw: unknown, filled: unknown, context: RuleContext): ValidationIssue[] {
  const rawSrc = asObject(raw)?.src;
  const body = asObject(filled);
  if (rawSrc === IMAGE_PLACEHOLDER) {
    if (!context.imageBase64) return [{ name: 'src', reason: 'Pick an image first: {{imageSrc}} is filled with the picked file when the request is sent.' }];
    if (body) body.src = context.imageBase64;
  }
  return issuesOf(validateImageUpload(body ?? filled));
}

function categoryIssues(filled: unknown, context: RuleContext): ValidationIssue[] {
  const issues = [...issuesOf(validateCategory(filled))];
  const body = asObject(filled);
  if (!body) return issues;
  const named = new Set(issues.map((i) => i.name));
  if (!named.has('orderDetailsUrl') && !isHttpsUrl(body.orderDetailsUrl)) {
    issues.push({ name: 'orderDetailsUrl', reason: 'Use an https:// address: the customer opens it from the Vipps app in the phone’s browser.' });
  }
  const imageId = body.imageId;
  if (typeof imageId === 'string' && !named.has('imageId') && imageId !== context.uploadedImageId) {
    issues.push({
      name: 'imageId',
      reason: `No image "${imageId}" has been uploaded in this run. Upload it in step 4 first, or remove imageId to set the category without a picture.`,
    });
  }
  return issues;
}

function ecomIssues(filled: unknown, context: RuleContext): ValidationIssue[] {
  const issues = [...issuesOf(validateInitiatePayment(filled))];
  const msn = asObject(asObject(filled)?.merchantInfo)?.merchantSerialNumber;
  const profileMsn = context.variables.msn;
  if (typeof msn === 'string' && profileMsn && msn !== profileMsn && !issues.some((i) => i.name === 'merchantInfo.merchantSerialNumber')) {
    issues.push({
      name: 'merchantInfo.merchantSerialNumber',
      reason: `The body names MSN ${msn}, but the profile (and so the Merchant-Serial-Number header and the keys) is MSN ${profileMsn}. They must be the same sales unit: write "{{msn}}".`,
    });
  }
  return issues;
}

/**
 * The checks that run before a step is sent, built on the shared Vipps rules so the editor
 * catches what the API would refuse. `body` is the editor's text or its parsed JSON.
 */
export function checkStepBody(key: RequestKey, body: unknown, context: RuleContext): RuleIssue[] {
  let raw = body;
  if (typeof body === 'string') {
    if (body.trim() === '') return key === 'token' || key === 'readback' ? [] : [{ name: 'body', reason: 'This request needs a JSON body.' }];
    const parsed = parseJsonStrict(body);
    if (!parsed.ok) return [{ name: 'body', reason: parsed.error.message }];
    raw = parsed.value;
  }
  const filled = fillStrings(raw, context.variables);
  switch (key) {
    case 'token':
    case 'readback':
      return raw === undefined || raw === null || raw === '' ? [] : [{ name: 'body', reason: 'This call takes no body; leave it empty.' }];
    case 'payment.epayment':
    case 'payment.epayment-receipt':
      return issuesOf(validateCreatePayment(filled));
    case 'payment.ecom':
      return ecomIssues(filled, context);
    case 'payment.recurring':
      return issuesOf(validateDraftAgreement(filled));
    case 'image':
      return imageIssues(raw, filled, context);
    case 'category':
      return categoryIssues(filled, context);
    case 'receipt':
      return issuesOf(validateReceipt(filled));
    case 'approve.epayment':
    case 'approve.epayment-receipt':
    case 'approve.ecom':
    case 'approve.recurring':
      return [];
  }
}

/** The editor's `rules` prop for one step. */
export function rulesFor(key: RequestKey, context: RuleContext): (body: unknown) => RuleIssue[] {
  return (body) => checkStepBody(key, body, context);
}
