import { z } from 'zod';
import { method } from './define';

/** The port the standalone sandbox listens on by default; the view shows the command to start it. */
export const STANDALONE_SANDBOX_COMMAND = 'npm run sandbox -- --port 8787';

// The sandbox's own fault schema lives in electron/sandbox/config.ts, which shared/ may not import;
// these limits mirror it, and the backend checks the update against the sandbox's schema again.
export const SANDBOX_ERROR_STATUSES = [500, 502, 503] as const;
const ErrorStatusSchema = z.union([z.literal(500), z.literal(502), z.literal(503)]);

export const SandboxFaultSettingsSchema = z.object({
  /** Added to every API answer, in milliseconds. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Share of API calls (0–1) answered with errorStatus instead of being handled. */
  errorRate: z.number().min(0).max(1),
  errorStatus: ErrorStatusSchema,
  /** POST /accesstoken/get fails while this is on; tokens already issued keep working. */
  failTokenEndpoint: z.boolean(),
});
export type SandboxFaultSettings = z.infer<typeof SandboxFaultSettingsSchema>;

export const SandboxFaultsSchema = SandboxFaultSettingsSchema.extend({
  /** Overrides per MSN, set in a sandbox config file; the view shows them but edits only the global ones. */
  perSalesUnit: z.record(z.string(), SandboxFaultSettingsSchema.partial()),
  /** True while any fault (global or per unit) changes what the sandbox answers. */
  active: z.boolean(),
});
export type SandboxFaults = z.infer<typeof SandboxFaultsSchema>;

/** The demo unit's keys are published values that open only the local sandbox, so they may be shown. */
export const DemoKeysSchema = z.object({
  name: z.string(),
  msn: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  subscriptionKey: z.string(),
});
export type DemoKeys = z.infer<typeof DemoKeysSchema>;

export const SandboxSettingsSchema = z.object({
  tokenLifetimeSeconds: z.number(),
  badClientCredentialsStatus: z.number(),
  strictBearerCase: z.boolean(),
  unknownImageIdStatus: z.number(),
  checkImageSize: z.boolean(),
  checkImageHeight: z.boolean(),
  maxImageBytes: z.number(),
  minImageHeight: z.number(),
  ecomMalformedJsonStatus: z.number(),
  chargeMinDaysAhead: z.number(),
  requestLogSize: z.number(),
  /** Records kept per sales unit and kind before the oldest are forgotten. */
  retentionPerSalesUnit: z.number(),
  /** true: values the real service tolerates in the wrong JSON type are refused. */
  strictTypes: z.boolean(),
});
export type SandboxSettings = z.infer<typeof SandboxSettingsSchema>;

export const SandboxCountsSchema = z.object({
  images: z.number(),
  orders: z.number(),
  categories: z.number(),
  receipts: z.number(),
  payments: z.number(),
  agreements: z.number(),
  charges: z.number(),
  requestsSeen: z.number(),
});
export type SandboxCounts = z.infer<typeof SandboxCountsSchema>;

export const SandboxOverviewSchema = z.object({
  running: z.boolean(),
  /** null while the sandbox is off; the other fields are then empty. */
  baseUrl: z.string().nullable(),
  startedAt: z.string().nullable(),
  demoKeys: DemoKeysSchema.nullable(),
  /** Other units come from a config file and may be someone's real test keys: name and MSN only. */
  salesUnits: z.array(z.object({ name: z.string(), msn: z.string(), demo: z.boolean() })),
  settings: SandboxSettingsSchema.nullable(),
  faults: SandboxFaultsSchema.nullable(),
  counts: SandboxCountsSchema,
  /** Things the sandbox noticed at start, e.g. saved state it could not read. */
  notices: z.array(z.string()),
});
export type SandboxOverview = z.infer<typeof SandboxOverviewSchema>;

export const SandboxImageSchema = z.object({
  msn: z.string(),
  imageId: z.string(),
  format: z.string(),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  createdAt: z.string(),
});
export type SandboxImage = z.infer<typeof SandboxImageSchema>;

export const SandboxReceiptLineSchema = z.object({
  id: z.string(),
  name: z.string(),
  totalAmount: z.number(),
  totalAmountExcludingTax: z.number(),
  totalTaxAmount: z.number(),
  quantity: z.string().nullable(),
  quantityUnit: z.string().nullable(),
  discount: z.number().nullable(),
  isReturn: z.boolean(),
  isShipping: z.boolean(),
});
export type SandboxReceiptLine = z.infer<typeof SandboxReceiptLineSchema>;

export const SandboxReceiptSchema = z.object({
  /** 'order-management' (sent to the receipts endpoint) or 'epayment' (inside createPayment). */
  source: z.string().nullable(),
  createdAt: z.string().nullable(),
  currency: z.string(),
  receiptNumber: z.string().nullable(),
  lines: z.array(SandboxReceiptLineSchema),
  totals: z.object({
    totalAmount: z.number(),
    totalAmountExcludingTax: z.number(),
    totalTaxAmount: z.number(),
    totalDiscount: z.number(),
    shippingAmount: z.number(),
    tipAmount: z.number(),
    returnedLines: z.number(),
  }),
});
export type SandboxReceipt = z.infer<typeof SandboxReceiptSchema>;

/** One order as Order Management keeps it: its category and receipt, either of which may be missing. */
export const SandboxOrderSchema = z.object({
  msn: z.string(),
  paymentType: z.string(),
  orderId: z.string(),
  category: z
    .object({ category: z.string(), orderDetailsUrl: z.string(), imageId: z.string().nullable(), updatedAt: z.string().nullable() })
    .nullable(),
  receipt: SandboxReceiptSchema.nullable(),
});
export type SandboxOrder = z.infer<typeof SandboxOrderSchema>;

export const SandboxCustomerSchema = z.object({
  act: z.enum(['approve', 'refuse', 'reject', 'ignore']),
  why: z.string(),
  decidedAt: z.string(),
  actedAt: z.string().nullable(),
});
export type SandboxCustomer = z.infer<typeof SandboxCustomerSchema>;

export const SandboxPaymentSchema = z.object({
  api: z.enum(['epayment', 'ecom']),
  msn: z.string(),
  /** The ePayment reference or the eCom orderId. */
  id: z.string(),
  state: z.string(),
  /** Minor units (øre, cents). */
  amount: z.number(),
  currency: z.string(),
  /** Captured and refunded so far, in the same minor units. */
  captured: z.number(),
  refunded: z.number(),
  userFlow: z.string().nullable(),
  createdAt: z.string(),
  /** What the simulated customer decided and when it acted; null with the customer set to manual. */
  customer: SandboxCustomerSchema.nullable(),
});
export type SandboxPayment = z.infer<typeof SandboxPaymentSchema>;

export const SandboxAgreementSchema = z.object({
  msn: z.string(),
  id: z.string(),
  status: z.string(),
  productName: z.string(),
  pricingType: z.string(),
  currency: z.string(),
  /** LEGACY pricing: the fixed amount; VARIABLE: the suggested maximum. Minor units. */
  amount: z.number().nullable(),
  interval: z.object({ unit: z.string(), count: z.number() }),
  created: z.string(),
  initialChargeId: z.string().nullable(),
  customer: SandboxCustomerSchema.nullable(),
});
export type SandboxAgreement = z.infer<typeof SandboxAgreementSchema>;

export const SandboxChargeSchema = z.object({
  msn: z.string(),
  id: z.string(),
  agreementId: z.string(),
  amount: z.number(),
  currency: z.string(),
  description: z.string(),
  due: z.string(),
  status: z.string(),
  type: z.string(),
  transactionType: z.string(),
});
export type SandboxCharge = z.infer<typeof SandboxChargeSchema>;

export const SandboxPageSchema = z.object({
  /** How many of the newest items each list skips. */
  offset: z.number().int().min(0).default(0),
  /** At most this many items per list. */
  limit: z.number().int().min(1).max(500).default(100),
});

export const SandboxStateSchema = z.object({
  page: z.object({ offset: z.number(), limit: z.number() }),
  /** How many of each the sandbox holds in all; the lists hold one page of them. */
  totals: z.object({ orders: z.number(), images: z.number(), payments: z.number(), agreements: z.number(), charges: z.number() }),
  /** Newest first. */
  orders: z.array(SandboxOrderSchema),
  images: z.array(SandboxImageSchema),
  payments: z.array(SandboxPaymentSchema),
  agreements: z.array(SandboxAgreementSchema),
  charges: z.array(SandboxChargeSchema),
});
export type SandboxState = z.infer<typeof SandboxStateSchema>;

/** What the sandbox keeps per request; it never records header values, so no key or token appears. */
export const SandboxLogEntrySchema = z.object({
  seq: z.number(),
  time: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  durationMs: z.number(),
  api: z.string().nullable(),
  msn: z.string().nullable(),
  fault: z.enum(['error', 'latency']).nullable(),
  /** Values accepted leniently (the wrong JSON type, as the real service takes them), each with what the spec asks. */
  notes: z.array(z.string()),
});
export type SandboxLogEntry = z.infer<typeof SandboxLogEntrySchema>;

export const SandboxWebhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  msn: z.string(),
  url: z.string(),
  event: z.string(),
  reference: z.string(),
  createdAt: z.string(),
  /** 'held': the URL is not on this machine, so the sandbox kept the event rather than send it. */
  outcome: z.enum(['pending', 'delivered', 'failed', 'held']),
  heldReason: z.string().optional(),
  attempts: z.array(z.object({ at: z.string(), status: z.number().nullable(), error: z.string().nullable(), durationMs: z.number() })),
});
export type SandboxWebhookDelivery = z.infer<typeof SandboxWebhookDeliverySchema>;

export const SandboxWebhooksSchema = z.object({
  /** Registrations, without their signing secrets. */
  webhooks: z.array(z.object({ id: z.string(), msn: z.string(), url: z.string(), events: z.array(z.string()), createdAt: z.string() })),
  /** Newest first. */
  deliveries: z.array(SandboxWebhookDeliverySchema),
});
export type SandboxWebhooks = z.infer<typeof SandboxWebhooksSchema>;

export const SandboxClockSchema = z.object({
  now: z.string(),
  nowMs: z.number(),
  frozen: z.boolean(),
  /** How far the sandbox's time is ahead of this machine's, in milliseconds. */
  offsetMs: z.number(),
});
export type SandboxClock = z.infer<typeof SandboxClockSchema>;

/** What `sandbox trigger` can make, in the order a payment reaches them. */
export const SANDBOX_TRIGGER_EVENTS = ['created', 'authorized', 'aborted', 'expired', 'terminated', 'cancelled', 'captured', 'refunded'].map((name) => `epayments.payment.${name}.v1`);

export const sandboxContract = {
  getSandboxOverview: method({
    summary: 'Whether the embedded sandbox runs, where, with which demo keys, settings and faults, and how much it holds.',
    input: z.object({}).strict(),
    output: SandboxOverviewSchema,
  }),
  getSandboxState: method({
    summary: 'One page of what the embedded sandbox holds, newest first: orders (category and receipt), images (without their bytes), payments, agreements and charges, with the totals.',
    input: SandboxPageSchema.strict(),
    output: SandboxStateSchema,
  }),
  getSandboxWebhooks: method({
    summary: 'The webhooks registered with the embedded sandbox and its latest deliveries, each with its attempts and outcome.',
    input: z.object({}).strict(),
    output: SandboxWebhooksSchema,
  }),
  getSandboxLog: method({
    summary: 'The requests the embedded sandbox answered, newest first (method, path, status, time; never header values).',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ entries: z.array(SandboxLogEntrySchema), requestsSeen: z.number(), capacity: z.number() }),
  }),
  resetSandbox: method({
    summary: 'Forget every image, order, payment, agreement and charge in the embedded sandbox, and its request log. Faults stay as set.',
    input: z.object({}).strict(),
    output: z.object({ reset: z.literal(true) }),
  }),
  setSandboxFaults: method({
    summary: 'Change the embedded sandbox’s global faults (latency, share of failing calls, their status, a failing token endpoint).',
    input: SandboxFaultSettingsSchema.partial().strict(),
    output: SandboxFaultsSchema,
  }),
  getSandboxClock: method({
    summary: "The embedded sandbox's test clock: its time, whether it is frozen, and how far ahead of this machine it is.",
    input: z.object({}).strict(),
    output: SandboxClockSchema,
  }),
  moveSandboxClock: method({
    summary: 'Advance the test clock (what falls due on the way happens, in order), or freeze or resume it.',
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('advance'), by: z.string().min(1).max(40) }).strict(),
      z.object({ action: z.literal('freeze') }).strict(),
      z.object({ action: z.literal('resume') }).strict(),
    ]),
    output: z.object({ clock: SandboxClockSchema, happened: z.array(z.string()) }),
  }),
  triggerSandboxEvent: method({
    summary: 'Make a payment in the demo sales unit reach the named event, delivering every event on the way, signed, to the registered webhooks.',
    input: z.object({ event: z.string().min(1).max(80) }).strict(),
    output: z.object({ reference: z.string(), events: z.array(z.string()) }),
  }),
  getSandboxImage: method({
    summary: 'One image stored in the embedded sandbox, as base64 (at most 2 MiB), for thumbnails.',
    input: z.object({ imageId: z.string().min(1).max(128), msn: z.string().regex(/^[0-9]{4,6}$/).optional() }).strict(),
    output: z.object({ mime: z.string(), base64: z.string() }),
  }),
};
