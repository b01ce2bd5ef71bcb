import { validateCategory } from '../../shared/vipps/category';
import { validateImageUpload } from '../../shared/vipps/image';
import type { ValidationIssue } from '../../shared/vipps/issues';
import { checkOmOrderId, checkPaymentType, normalisePaymentType, type OmPaymentType } from '../../shared/vipps/patterns';
import { validateReceipt } from '../../shared/vipps/receipt';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { uuid } from './ids';
import { parseJsonBody } from './request-body';
import { quote } from './text';
import { key, type SandboxStore } from './state';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** The OM gateway takes JSON only: a text/plain (or missing) content type gets 415 before the body is read. */
function parseOmBody(ctx: RequestContext): ReturnType<typeof parseJsonBody> {
  const type = ctx.headers['content-type'];
  if (typeof type !== 'string' || !JSON_TYPE.test(type)) {
    return {
      ok: false,
      reply: problemReply('om', ctx.path, {
        status: 415,
        title: 'Unsupported Media Type',
        detail: `Send the body as JSON with Content-Type: application/json${typeof type === 'string' ? `; ${quote(type, 60)} is not accepted` : ''}.`,
      }),
    };
  }
  return parseJsonBody(ctx);
}

function omProblem(ctx: RequestContext, status: number, title: string, detail: string, issues?: ValidationIssue[]): Reply {
  return problemReply('om', ctx.path, { status, title, detail, issues });
}

function invalid(ctx: RequestContext, issues: ValidationIssue[]): Reply {
  return problemReply('om', ctx.path, validationProblem(issues));
}

function orderKeyFromPath(ctx: RequestContext): { paymentType: OmPaymentType; orderId: string } | Reply {
  const rawType = ctx.params.paymentType ?? '';
  const orderId = ctx.params.orderId ?? '';
  const issues = [checkPaymentType(rawType), checkOmOrderId(orderId)].filter((i): i is ValidationIssue => i !== null);
  const paymentType = normalisePaymentType(rawType);
  if (issues.length > 0 || !paymentType) return invalid(ctx, issues);
  return { paymentType, orderId };
}

const nowIso = (ctx: RequestContext) => new Date(ctx.deps.now()).toISOString();

export const postImage: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const body = parseOmBody(ctx);
  if (!body.ok) return body.reply;
  const { config } = ctx.deps;
  const result = validateImageUpload(body.value, {
    checkSize: config.checkImageSize,
    checkHeight: config.checkImageHeight,
    maxBytes: config.maxImageBytes,
    minHeight: config.minImageHeight,
  });
  if (!result.ok) return invalid(ctx, result.issues);
  const image = result.value;
  const k = key(unit.msn, image.imageId);
  if (ctx.deps.store.images.has(k)) {
    return omProblem(ctx, 409, 'The image already exists.', `An image with imageId "${image.imageId}" was already uploaded for MSN ${unit.msn}, and images cannot be replaced. Reuse it, or upload under a new imageId.`, [
      { name: 'imageId', reason: 'Already in use; images cannot be overwritten.' },
    ]);
  }
  ctx.deps.store.put('images', k, {
    msn: unit.msn,
    imageId: image.imageId,
    format: image.format,
    contentType: image.contentType,
    size: image.size,
    width: image.width,
    height: image.height,
    bytes: image.bytes,
    createdAt: nowIso(ctx),
  });
  return { status: 200, body: { imageId: image.imageId } };
};

export const putCategory: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const id = orderKeyFromPath(ctx);
  if ('status' in id) return id;
  const body = parseOmBody(ctx);
  if (!body.ok) return body.reply;
  const result = validateCategory(body.value);
  if (!result.ok) return invalid(ctx, result.issues);
  const category = result.value;
  if (category.imageId !== null && !ctx.deps.store.images.has(key(unit.msn, category.imageId))) {
    const status = ctx.deps.config.unknownImageIdStatus;
    return omProblem(ctx, status, 'The image was not found.', `No image with imageId "${category.imageId}" has been uploaded for MSN ${unit.msn}. Upload it with POST /order-management/v1/images first.`, [
      { name: 'imageId', reason: 'No image with this id exists for this sales unit.' },
    ]);
  }
  const order = ctx.deps.store.order(unit.msn, id.paymentType, id.orderId, true);
  order.category = category;
  order.categoryUpdatedAt = nowIso(ctx);
  ctx.deps.store.touch('orders', key(unit.msn, id.paymentType, id.orderId));
  return { status: 200, body: uuid() };
};

/** Also used by ePayment createPayment, whose `receipt` lands in the same store. */
export function receiptExists(store: SandboxStore, msn: string, paymentType: OmPaymentType, orderId: string): boolean {
  return Boolean(store.order(msn, paymentType, orderId)?.receipt);
}

export const postReceipt: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const id = orderKeyFromPath(ctx);
  if ('status' in id) return id;
  const body = parseOmBody(ctx);
  if (!body.ok) return body.reply;
  const result = validateReceipt(body.value);
  if (!result.ok) return invalid(ctx, result.issues);
  if (receiptExists(ctx.deps.store, unit.msn, id.paymentType, id.orderId)) {
    return omProblem(ctx, 409, 'A receipt already exists for this order.', `Order "${id.orderId}" (${id.paymentType}) already has a receipt, and receipts cannot be changed or replaced. To try again, use a new orderId.`);
  }
  const order = ctx.deps.store.order(unit.msn, id.paymentType, id.orderId, true);
  order.receipt = result.value;
  order.receiptCreatedAt = nowIso(ctx);
  order.receiptSource = 'order-management';
  ctx.deps.store.touch('orders', key(unit.msn, id.paymentType, id.orderId));
  return { status: 201, body: uuid() };
};

export const getOrder: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const id = orderKeyFromPath(ctx);
  if ('status' in id) return id;
  const store = ctx.deps.store;
  const k = key(unit.msn, id.paymentType, id.orderId);
  const cached = store.orderBodyCache.get(k);
  if (cached !== undefined) return { status: 200, raw: cached, contentType: 'application/json' };
  const order = store.orders.get(k);
  if (!order || (!order.category && !order.receipt)) {
    return omProblem(ctx, 404, 'Nothing is stored for this order.', `No category or receipt exists for order "${id.orderId}" (${id.paymentType}) under MSN ${unit.msn}. Check the orderId, the paymentType and the sales unit.`);
  }
  // Leave out what is not set, as the spec's optional members are, rather than sending null.
  const raw = JSON.stringify({ ...(order.category ? { category: order.category } : {}), ...(order.receipt ? { receipt: order.receipt } : {}) });
  store.orderBodyCache.set(k, raw);
  return { status: 200, raw, contentType: 'application/json' };
};
