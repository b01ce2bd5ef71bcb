import { z } from 'zod';
import { PAYMENT_APIS } from '../quickstart/payment-apis';
import { STEP_IDS } from '../quickstart/steps';
import { REQUEST_KEYS } from '../quickstart/templates';
import { method } from './define';
import { HttpMethodSchema } from './requests';

export const StepIdSchema = z.enum(STEP_IDS);
export const PaymentApiSchema = z.enum(PAYMENT_APIS);
export const RequestKeySchema = z.enum(REQUEST_KEYS);

/** not-run → sent (request on its way) → passed (2xx) | failed (anything else, or no answer). */
export const StepStateSchema = z.enum(['not-run', 'sent', 'passed', 'failed']);
export type StepState = z.infer<typeof StepStateSchema>;

export const StepRecordSchema = z.object({
  state: StepStateSchema,
  /** HTTP status of the last answer. */
  status: z.number().int().min(100).max(599).optional(),
  /** ISO time of the last change. */
  at: z.string().optional(),
  /** Why it failed when no answer came (timeout, cancelled, …), in the user's words. */
  note: z.string().max(500).optional(),
  /** The history entry of the last answer (redacted as the history is): the step's last response. */
  historyId: z.string().max(100).optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

const idValue = z.string().min(1).max(128);

/** The ids of the order the quick start is building; none of them is a secret. */
export const QuickStartOrderSchema = z.object({
  orderId: idValue,
  imageId: idValue,
  idempotencyKey: z.string().min(1).max(50),
  createdAt: z.string(),
  /** Recurring only: the agreement the first charge belongs to. */
  agreementId: idValue.optional(),
  chargeId: idValue.optional(),
  /** Set once the image step passed, so the category can name it. */
  uploadedImageId: idValue.optional(),
});
export type QuickStartOrder = z.infer<typeof QuickStartOrderSchema>;

/**
 * A step's request as the user edited it. Bodies never hold keys (the engine adds them), and the
 * image's base64 is a `{{imageSrc}}` variable, so these stay small.
 */
export const SavedRequestSchema = z.object({
  method: HttpMethodSchema,
  url: z.string().max(8_192),
  headers: z
    .array(z.object({ name: z.string().max(256), value: z.string().max(16_384), enabled: z.boolean().default(true) }))
    .max(200),
  body: z.string().max(512 * 1024),
});
export type SavedRequest = z.infer<typeof SavedRequestSchema>;

const stepRecords = z.object(Object.fromEntries(STEP_IDS.map((id) => [id, StepRecordSchema])) as Record<(typeof STEP_IDS)[number], typeof StepRecordSchema>);

export const QuickStartStateSchema = z.object({
  paymentApi: PaymentApiSchema,
  order: QuickStartOrderSchema,
  steps: stepRecords,
  edits: z.partialRecord(RequestKeySchema, SavedRequestSchema),
  currentStep: StepIdSchema,
  updatedAt: z.string(),
});
export type QuickStartState = z.infer<typeof QuickStartStateSchema>;

export const StepOutcomeSchema = z.discriminatedUnion('kind', [
  /** The request is on its way; left standing if the app stops before an answer. */
  z.object({ kind: z.literal('sent') }),
  z.object({ kind: z.literal('answered'), status: z.number().int().min(100).max(599) }),
  /** No HTTP answer: timeout, network, TLS, cancelled, or stopped before sending. */
  z.object({ kind: z.literal('no-answer'), cancelled: z.boolean().default(false), message: z.string().max(500) }),
  /** Steps without a request (setup) are marked done by the user. */
  z.object({ kind: z.literal('done') }),
]);
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;

export const ExtractedValuesSchema = QuickStartOrderSchema.pick({ orderId: true, agreementId: true, chargeId: true, uploadedImageId: true }).partial();
export type ExtractedValues = z.infer<typeof ExtractedValuesSchema>;

export const quickstartContract = {
  getQuickStart: method({
    summary: 'The guided quick start as the user left it: the order’s ids, each step’s last result and the edited requests.',
    input: z.object({}).strict(),
    output: QuickStartStateSchema,
  }),
  saveQuickStart: method({
    summary: 'Remember the step on screen and the user’s edits to step requests (null puts a request back to its template).',
    input: z
      .object({
        currentStep: StepIdSchema.optional(),
        edits: z.partialRecord(RequestKeySchema, SavedRequestSchema.nullable()).optional(),
      })
      .strict(),
    output: QuickStartStateSchema,
  }),
  recordQuickStartStep: method({
    summary: 'Record what happened when a step was sent, and the ids its answer handed on to later steps.',
    input: z.object({ stepId: StepIdSchema, outcome: StepOutcomeSchema, extracted: ExtractedValuesSchema.optional() }).strict(),
    output: QuickStartStateSchema,
  }),
  newQuickStartOrder: method({
    summary: 'Start a new order: fresh orderId, imageId and Idempotency-Key, and the order’s steps back to "not run".',
    input: z.object({ paymentApi: PaymentApiSchema.optional() }).strict(),
    output: QuickStartStateSchema,
  }),
  newQuickStartImageId: method({
    summary: 'Pick a new imageId for the current order, because images cannot be overwritten.',
    input: z.object({}).strict(),
    output: QuickStartStateSchema,
  }),
  resetQuickStart: method({
    summary: 'Forget the quick start’s progress and edits and begin again with a new order.',
    input: z.object({}).strict(),
    output: QuickStartStateSchema,
  }),
};
