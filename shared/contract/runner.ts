import { z } from 'zod';
import { ExplorerErrorSchema } from '../errors';
import { CollectionIdSchema, ItemPathSchema } from '../model/collection';
import { ApiRequestSchema } from '../model/request';
import { AssertionResultSchema, ConsoleLineSchema, RunEventSchema, RunOptionsSchema, RunSummarySchema } from '../model/run';
import { SendResultSchema } from './requests';
import { method } from './define';

/** One Send of a saved request, as its collection's run would make it. */
export const SavedSendResultSchema = z.object({
  /** The answer, redacted as sendRequest's is; absent when nothing came back (see `error`). */
  result: SendResultSchema.optional(),
  error: ExplorerErrorSchema.optional(),
  /** The test scripts' results (pm.test), and the request's preflight problems. */
  assertions: z.array(AssertionResultSchema),
  /** What the scripts logged, redacted. */
  console: z.array(ConsoleLineSchema),
  /** A pre-request script skipped the request: nothing was sent. */
  skipped: z.boolean(),
  /** Names of the variables the scripts and extractions set. */
  setVariables: z.array(z.string()),
});
export type SavedSendResult = z.infer<typeof SavedSendResultSchema>;

export const runnerContract = {
  startRun: method({
    summary: 'Run a request, a folder or a whole collection in order; progress arrives as `run` events.',
    input: RunOptionsSchema.strict(),
    output: z.object({ runId: z.string() }),
  }),
  cancelRun: method({
    summary: 'Stop a run; the request in flight is cancelled and the run ends as cancelled.',
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  getRun: method({
    summary: 'A run’s summary and per-request results, while it runs or after (the newest runs are kept in memory).',
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: RunSummarySchema,
  }),
  sendSavedRequest: method({
    summary: 'Send one request of a collection as a run would (folder and collection variables with secrets, inherited auth, scripts), with the editor’s unsaved version of it.',
    input: z
      .object({
        collectionId: CollectionIdSchema,
        path: ItemPathSchema,
        request: ApiRequestSchema,
        /** The active profile when left out. */
        profileId: z.string().min(1).max(200).optional(),
        /** Chosen by the caller so cancelRequest can stop it. */
        requestId: z.string().min(1).max(100).optional(),
        confirmProduction: z.boolean().optional(),
      })
      .strict(),
    output: SavedSendResultSchema,
  }),
  listRuns: method({
    summary: 'The runs of this session, newest first.',
    input: z.object({}).strict(),
    output: z.object({ runs: z.array(RunSummarySchema.omit({ results: true })) }),
  }),
};

/**
 * Every event the backend pushes, listed once like the methods. The Electron preload's
 * subscription, the browser host's Server-Sent Events stream and the in-process subscriber are
 * derived from it.
 */
export const contractEvents = {
  run: RunEventSchema,
  /** A collection's files changed (in the app or outside it, e.g. a git pull): read its tree again. */
  collections: z.object({ collectionId: CollectionIdSchema, reason: z.enum(['saved', 'external']) }),
};
export type ContractEvents = typeof contractEvents;
export type EventName = keyof ContractEvents;
export type EventPayload<E extends EventName> = z.output<ContractEvents[E]>;
export const eventNames = Object.keys(contractEvents) as EventName[];
export const EVENTS_PATH = '/events';
export const IPC_EVENT_CHANNEL = 'explorer-event';

/** One pushed event as it travels: the event's name and its payload. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** How a client follows events: one listener per event name, and a function that stops it. */
export interface ExplorerEvents {
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contractEvents, name);
}
