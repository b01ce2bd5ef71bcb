import { z } from 'zod';
import { CollectionIdSchema, ItemPathSchema } from '../model/collection';
import { ApiRequestSchema } from '../model/request';
import { method } from './define';

/**
 * Where a request tab came from, so Ctrl/Cmd+S knows where to save it and a reopened app can
 * find it again. A tab opened from the history or a run result is a new, unsaved request.
 */
export const TabOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new') }),
  z.object({ kind: z.literal('item'), collectionId: CollectionIdSchema, path: ItemPathSchema }),
]);
export type TabOrigin = z.infer<typeof TabOriginSchema>;

export const OpenTabSchema = z.object({
  id: z.string().min(1).max(100),
  origin: TabOriginSchema,
  /**
   * The request as edited. Left out for a saved request without unsaved changes, which is read
   * again from its collection (so a `git pull` shows up). Secret values never live here: they
   * are `{{variables}}` whose values stay in the keychain.
   */
  draft: ApiRequestSchema.optional(),
  /** The title shown while a saved request is being read. */
  title: z.string().max(256).default(''),
});
export type OpenTab = z.infer<typeof OpenTabSchema>;

export const MAX_OPEN_TABS = 40;

export const WorkspaceStateSchema = z.object({
  tabs: z.array(OpenTabSchema).max(MAX_OPEN_TABS),
  activeTabId: z.string().max(100).nullable(),
  /** Share of the request pane when request and response are stacked (0.2–0.8). */
  stackedSplit: z.number().min(0.15).max(0.85).default(0.5),
  /** Share of the request pane when they sit side by side. */
  sideSplit: z.number().min(0.15).max(0.85).default(0.5),
});
export type WorkspaceState = z.infer<typeof WorkspaceStateSchema>;

/**
 * The quick start's last answer per request, as history entries (so they are redacted as the
 * history is), for the order they belong to. A new order starts with none.
 */
export const QuickStartAnswersSchema = z.object({
  orderId: z.string().max(128).nullable(),
  answers: z.record(z.string().max(64), z.string().max(100)),
});
export type QuickStartAnswers = z.infer<typeof QuickStartAnswersSchema>;

export const workspaceContract = {
  getWorkspace: method({
    summary: 'The request tabs that were open, which one was in front, and the pane sizes.',
    input: z.object({}).strict(),
    output: WorkspaceStateSchema,
  }),
  saveWorkspace: method({
    summary: 'Remember the open request tabs (with unsaved edits) and the pane sizes for the next start.',
    input: WorkspaceStateSchema.strict(),
    output: z.object({ saved: z.boolean() }),
  }),
  getQuickStartAnswers: method({
    summary: 'The history entries of the quick start’s last answers, per request, for the current order.',
    input: z.object({}).strict(),
    output: QuickStartAnswersSchema,
  }),
  rememberQuickStartAnswer: method({
    summary: 'Remember which history entry holds a quick-start request’s last answer, so it shows again after a restart.',
    input: z.object({ orderId: z.string().min(1).max(128), requestKey: z.string().min(1).max(64), historyId: z.string().min(1).max(100) }).strict(),
    output: QuickStartAnswersSchema,
  }),
};
