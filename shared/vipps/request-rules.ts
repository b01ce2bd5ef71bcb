import { parseJsonStrict } from '../json';
import { validateCategory } from './category';
import { validateInitiatePayment } from './ecom';
import { validateCreatePayment } from './epayment';
import { validateImageUpload } from './image';
import type { RuleIssue, ValidationResult } from './issues';
import { orderCallOf } from './order-ids';
import { checkOmOrderId, checkPaymentType } from './patterns';
import { validateReceipt } from './receipt';
import { validateCreateCharge, validateDraftAgreement } from './recurring';

/**
 * Every rule we know for one request, chosen by what it calls: the "check only" action, the CLI's
 * `--dry-run` and the production guard all ask here, so they cannot disagree. Requests we have no
 * rules for pass (an empty list): the check is about Vipps' rules, not a verdict on any HTTP call.
 */

export interface RuleTarget {
  method: string;
  url: string;
  body: string;
}

export interface RuleCheck {
  /** What was recognised, in words ("an Order Management receipt"); null when no rules apply. */
  operation: string | null;
  issues: RuleIssue[];
}

function pathOf(url: string): string {
  const bare = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return new URL(bare).pathname;
  } catch {
    return bare;
  }
}

function issuesOf(result: ValidationResult<unknown>): RuleIssue[] {
  return result.ok ? [] : result.issues;
}

type BodyRule = (body: unknown) => RuleIssue[];

interface Operation {
  method: string;
  path: RegExp;
  name: string;
  rule: BodyRule;
}

const OPERATIONS: Operation[] = [
  { method: 'POST', path: /\/epayment\/v1\/payments\/?$/, name: 'an ePayment create', rule: (b) => issuesOf(validateCreatePayment(b)) },
  { method: 'POST', path: /\/ecomm\/v2\/payments\/?$/, name: 'an eCom initiate', rule: (b) => issuesOf(validateInitiatePayment(b)) },
  { method: 'POST', path: /\/recurring\/v3\/agreements\/?$/, name: 'a Recurring agreement', rule: (b) => issuesOf(validateDraftAgreement(b)) },
  { method: 'POST', path: /\/recurring\/v3\/agreements\/[^/]+\/charges\/?$/, name: 'a Recurring charge', rule: (b) => issuesOf(validateCreateCharge(b)) },
  { method: 'POST', path: /\/order-management\/v1\/images\/?$/, name: 'an Order Management image', rule: (b) => issuesOf(validateImageUpload(b)) },
];

const OM_NAMES = { category: 'an Order Management category', receipt: 'an Order Management receipt', read: 'an Order Management read-back' } as const;

export function checkRequestRules(target: RuleTarget): RuleCheck {
  const verb = target.method.toUpperCase();
  const path = pathOf(target.url);
  const call = orderCallOf(verb, target.url);
  let operation: string | null = null;
  const issues: RuleIssue[] = [];
  let rule: BodyRule | null = null;
  if (call) {
    operation = OM_NAMES[call.kind];
    for (const issue of [checkPaymentType(call.paymentType), checkOmOrderId(call.orderId)]) if (issue) issues.push(issue);
    if (call.kind === 'category') rule = (b) => issuesOf(validateCategory(b));
    if (call.kind === 'receipt') rule = (b) => issuesOf(validateReceipt(b));
  } else {
    const known = OPERATIONS.find((op) => op.method === verb && op.path.test(path));
    if (known) {
      operation = known.name;
      rule = known.rule;
    }
  }
  if (!rule) {
    if (call?.kind === 'read' && target.body.trim() !== '') issues.push({ name: 'body', reason: 'A read-back takes no body; leave it empty.' });
    return { operation, issues };
  }
  if (target.body.trim() === '') return { operation, issues: [...issues, { name: 'body', reason: 'This request needs a JSON body.' }] };
  const parsed = parseJsonStrict(target.body);
  if (!parsed.ok) return { operation, issues: [...issues, { name: 'body', reason: `The body is not valid JSON: ${parsed.error.message}` }] };
  return { operation, issues: [...issues, ...rule(parsed.value)] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a request does that can never be undone, in a sentence for the confirmation, or null.
 * Receipts are write-once per order, and an image id, once uploaded, can never be given other bytes.
 */
export function irreversibleActOf(target: RuleTarget): string | null {
  const call = orderCallOf(target.method, target.url);
  if (call?.kind === 'receipt') return `A receipt for order "${call.orderId}" can be sent once; it cannot be changed or removed afterwards.`;
  if (target.method.toUpperCase() === 'POST' && /\/order-management\/v1\/images\/?$/.test(pathOf(target.url))) {
    const parsed = parseJsonStrict(target.body);
    const imageId = parsed.ok && isRecord(parsed.value) && typeof parsed.value.imageId === 'string' ? parsed.value.imageId : null;
    return `An image${imageId ? ` with id "${imageId}"` : ''} can be uploaded once; it can never be overwritten or removed, and a mistake needs a new image id.`;
  }
  return null;
}
