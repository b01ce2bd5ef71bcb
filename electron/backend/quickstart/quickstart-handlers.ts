import { randomBytes } from 'node:crypto';
import type { QuickStartState } from '../../../shared/contract/quickstart';
import { newImageId } from '../../../shared/quickstart/new-order';
import { initialQuickStart, recordStep, replaceImageId, startNewOrder } from '../../../shared/quickstart/progress';
import type { Handlers } from '../dispatch';
import type { DocumentStore, StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';
import { freshOrderIds, openQuickStartDocument } from './quickstart-document';

export interface QuickStartHandlerDeps {
  storeFactory: StoreFactory;
  dataDir: string;
  notices: NoticeBoard;
  now?: () => Date;
  /** The quick start's document, shared with its built-in collection; opened here when left out. */
  doc?: DocumentStore<QuickStartState>;
}

type QuickStartMethods = 'getQuickStart' | 'saveQuickStart' | 'recordQuickStartStep' | 'newQuickStartOrder' | 'newQuickStartImageId' | 'resetQuickStart';

/** The quick start's progress store; the transitions themselves live in shared/quickstart/progress. */
export function createQuickStartHandlers(deps: QuickStartHandlerDeps): Pick<Handlers, QuickStartMethods> {
  const now = deps.now ?? (() => new Date());
  const doc = deps.doc ?? openQuickStartDocument({ factory: deps.storeFactory, dir: deps.dataDir, notices: deps.notices, now });
  const change = (next: (current: QuickStartState, at: Date) => QuickStartState) => doc.update((current) => next(current, now()));

  return {
    getQuickStart: async () => doc.read(),
    saveQuickStart: async ({ currentStep, edits }) =>
      change((current, at) => {
        const merged = { ...current.edits };
        for (const [key, value] of Object.entries(edits ?? {}) as Array<[keyof QuickStartState['edits'], QuickStartState['edits'][keyof QuickStartState['edits']] | null]>) {
          if (value === null) delete merged[key];
          else if (value !== undefined) merged[key] = value;
        }
        return { ...current, currentStep: currentStep ?? current.currentStep, edits: merged, updatedAt: at.toISOString() };
      }),
    recordQuickStartStep: async ({ stepId, outcome, extracted }) => change((current, at) => recordStep(current, stepId, outcome, at.toISOString(), extracted)),
    newQuickStartOrder: async ({ paymentApi }) => change((current, at) => startNewOrder(current, freshOrderIds(at), at.toISOString(), paymentApi ?? current.paymentApi)),
    newQuickStartImageId: async () => change((current, at) => replaceImageId(current, newImageId(at, new Uint8Array(randomBytes(4))), at.toISOString())),
    resetQuickStart: async () => change((_current, at) => initialQuickStart(freshOrderIds(at), at.toISOString())),
  };
}
