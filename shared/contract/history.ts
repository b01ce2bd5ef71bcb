import { z } from 'zod';
import { method } from './define';
import { HeaderLineSchema, TimingsSchema } from './requests';
import { ErrorCodeSchema } from '../errors';

/** Stored with every secret replaced by a visible placeholder such as «redacted:client_secret». */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  profileId: z.string(),
  profileName: z.string(),
  runId: z.string().optional(),
  label: z.string().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(HeaderLineSchema),
    body: z.string(),
    bodyTruncated: z.boolean(),
  }),
  response: z
    .object({
      status: z.number(),
      statusText: z.string(),
      headers: z.array(HeaderLineSchema),
      body: z.string(),
      bodyTruncated: z.boolean(),
      size: z.number(),
    })
    .optional(),
  /** Set when no response came back (timeout, cancelled, TLS, network). */
  error: z.object({ code: ErrorCodeSchema, message: z.string() }).optional(),
  timings: TimingsSchema.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistorySummarySchema = z.object({
  id: z.string(),
  time: z.string(),
  method: z.string(),
  url: z.string(),
  label: z.string().optional(),
  status: z.number().optional(),
  errorCode: ErrorCodeSchema.optional(),
  totalMs: z.number().optional(),
  size: z.number().optional(),
  profileName: z.string(),
});
export type HistorySummary = z.infer<typeof HistorySummarySchema>;

export const StatusFilterSchema = z.union([z.number().int().min(100).max(599), z.enum(['1xx', '2xx', '3xx', '4xx', '5xx', 'error'])]);

export const historyContract = {
  listHistory: method({
    summary: 'Past requests, newest first, optionally filtered by text, method or status.',
    input: z
      .object({
        /** Matched case-insensitively against the URL, label, headers and bodies. */
        text: z.string().max(500).optional(),
        method: z.string().max(10).optional(),
        status: StatusFilterSchema.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(HistorySummarySchema), total: z.number() }),
  }),
  getHistoryEntry: method({
    summary: 'One past request and its response, as recorded (secrets redacted).',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: HistoryEntrySchema,
  }),
  deleteHistoryEntry: method({
    summary: 'Remove one entry from the history.',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  clearHistory: method({
    summary: 'Remove every entry from the history.',
    input: z.object({}).strict(),
    output: z.object({ removed: z.number() }),
  }),
};
