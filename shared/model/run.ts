import { z } from 'zod';
import { ExplorerErrorSchema } from '../errors';
import { HttpMethodSchema } from '../contract/requests';
import { CollectionIdSchema, ItemPathSchema } from './collection';

/**
 * A run of one request, a folder or a whole collection, and the typed events it emits. The UI's
 * runner view and the command line's reporters are two views of the same events; neither holds
 * the loop.
 */

export const RunOptionsSchema = z.object({
  /** A known collection (the built-in quick start included)… */
  collectionId: CollectionIdSchema.optional(),
  /** …or a collection folder on disk that need not be opened first (the CLI's `run collection PATH`). */
  directory: z.string().min(1).max(4_096).optional(),
  /** A folder or a request inside the collection; empty runs the whole collection. */
  path: ItemPathSchema.default(''),
  /**
   * A run order of its own (Postman's runner order, newman's repeated --folder): these requests
   * and folders, in this order, each folder with what it holds. The collection is not changed.
   * Used instead of `path`.
   */
  order: z.array(ItemPathSchema).min(1).max(10_000).optional(),
  /** The profile (environment) to send with; the active one when left out. */
  profileId: z.string().min(1).max(200).optional(),
  iterations: z.number().int().min(1).max(10_000).default(1),
  delayMs: z.number().int().min(0).max(600_000).default(0),
  stopOnFailure: z.boolean().default(false),
  /** Values that win over every other scope for this run (the CLI's --env-var). */
  variables: z.record(z.string(), z.string()).default({}),
  /** One row of values per iteration (the CLI's --iteration-data); row i is used by iteration i (cycling). */
  iterationData: z.array(z.record(z.string(), z.string())).max(100_000).optional(),
  /** Overrides every request's own timeout for this run. */
  requestTimeoutMs: z.number().int().min(1).max(600_000).optional(),
  /** Leave the run out of the history (the CLI's default). */
  recordHistory: z.boolean().default(true),
  /** A confirmed production run; without it a production run stops before its first change. */
  confirmProduction: z.boolean().default(false),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;
export type RunOptionsInput = z.input<typeof RunOptionsSchema>;

export const AssertionResultSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  /** Why it failed, in words. */
  message: z.string().optional(),
  skipped: z.boolean().default(false),
});
export type AssertionResult = z.infer<typeof AssertionResultSchema>;

export const ForeignScriptRequestSchema = z.object({
  method: z.string(),
  /** Redacted as the result's own URL. */
  url: z.string(),
  host: z.string(),
  status: z.number().int().optional(),
  /** Not sent because it would have carried a secret to a host the secret may not go to. */
  refused: z.boolean(),
  /** Why it got no answer, redacted. */
  error: z.string().optional(),
});
export type ForeignScriptRequest = z.infer<typeof ForeignScriptRequestSchema>;

export const RunRequestResultSchema = z.object({
  iteration: z.number().int(),
  /** Position in the run's sequence (0-based, per iteration). */
  index: z.number().int(),
  path: ItemPathSchema,
  name: z.string(),
  method: HttpMethodSchema,
  /** The URL as sent, with secrets and userinfo redacted. */
  url: z.string(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  timeMs: z.number(),
  size: z.number(),
  assertions: z.array(AssertionResultSchema),
  /** No answer (timeout, network, unresolved variable, script error…). */
  error: ExplorerErrorSchema.optional(),
  /** Names of the variables this request set for the ones after it (values may be secret). */
  setVariables: z.array(z.string()),
  /** A pre-request script skipped it: nothing was sent. */
  skipped: z.boolean().default(false),
  historyId: z.string().optional(),
  /** A known Vipps mistake this answer shows (a wrong token URL, keys in the body…), with the one thing to change. */
  hint: z.object({ title: z.string(), fix: z.string() }).optional(),
  /**
   * The requests its scripts sent with pm.sendRequest to a host other than the profile's, refused
   * ones included, so a run's report shows where a script reached out to. Absent when none.
   */
  foreignScriptRequests: z.array(ForeignScriptRequestSchema).optional(),
  /** True when the request got an answer, it was 2xx/3xx or had tests, and every assertion passed. */
  passed: z.boolean(),
});
export type RunRequestResult = z.infer<typeof RunRequestResultSchema>;

export const RunSummarySchema = z.object({
  runId: z.string(),
  collectionId: CollectionIdSchema,
  path: ItemPathSchema,
  name: z.string(),
  profileId: z.string(),
  iterations: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** How the run ended: all items ran, it stopped on a failure, or the user cancelled it. */
  outcome: z.enum(['running', 'completed', 'stopped-on-failure', 'cancelled']),
  requests: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
  assertions: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
  totalTimeMs: z.number(),
  results: z.array(RunRequestResultSchema),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** One line a script wrote with console.log / info / warn / error. */
export const ConsoleLineSchema = z.object({ level: z.enum(['log', 'info', 'warn', 'error']), message: z.string() });
export type ConsoleLine = z.infer<typeof ConsoleLineSchema>;
export type ConsoleLevel = ConsoleLine['level'];

export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-started'),
    runId: z.string(),
    collectionId: CollectionIdSchema,
    name: z.string(),
    profileId: z.string(),
    /** Requests per iteration. */
    total: z.number().int(),
    iterations: z.number().int(),
  }),
  z.object({
    type: z.literal('request-started'),
    runId: z.string(),
    iteration: z.number().int(),
    index: z.number().int(),
    path: ItemPathSchema,
    name: z.string(),
    method: HttpMethodSchema,
  }),
  z.object({ type: z.literal('request-finished'), runId: z.string(), result: RunRequestResultSchema }),
  /** A script's console output, redacted. */
  z.object({ type: z.literal('console'), runId: z.string(), ...ConsoleLineSchema.shape }),
  z.object({ type: z.literal('run-finished'), runId: z.string(), summary: RunSummarySchema }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
