import { QuickStartAnswersSchema, WorkspaceStateSchema, type QuickStartAnswers, type WorkspaceState } from '../../../shared/contract/workspace';
import type { Handlers } from '../dispatch';
import { openDocument, type StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';

export interface WorkspaceHandlerDeps {
  storeFactory: StoreFactory;
  dataDir: string;
  notices: NoticeBoard;
}

const EMPTY: WorkspaceState = { tabs: [], activeTabId: null, stackedSplit: 0.5, sideSplit: 0.5 };

/** workspace.json: the open request tabs and pane sizes, so the workspace looks the same after a restart. */
export function createWorkspaceHandlers(deps: WorkspaceHandlerDeps): Pick<Handlers, 'getWorkspace' | 'saveWorkspace' | 'getQuickStartAnswers' | 'rememberQuickStartAnswer'> {
  const doc = openDocument<WorkspaceState>({
    factory: deps.storeFactory,
    dir: deps.dataDir,
    name: 'workspace',
    label: 'open request tabs',
    schema: WorkspaceStateSchema,
    version: 1,
    defaults: () => ({ ...EMPTY, tabs: [] }),
    notices: deps.notices,
  });
  const answers = openDocument<QuickStartAnswers>({
    factory: deps.storeFactory,
    dir: deps.dataDir,
    name: 'quickstart-answers',
    label: 'quick-start answers',
    schema: QuickStartAnswersSchema,
    version: 1,
    defaults: () => ({ orderId: null, answers: {} }),
    notices: deps.notices,
  });
  return {
    getQuickStartAnswers: async () => answers.read(),
    rememberQuickStartAnswer: async ({ orderId, requestKey, historyId }) =>
      answers.update((current) => ({ orderId, answers: { ...(current.orderId === orderId ? current.answers : {}), [requestKey]: historyId } })),
    getWorkspace: async () => doc.read(),
    saveWorkspace: async (next) => {
      // A tab that points at a missing active id would leave the workspace blank after a restart.
      const activeTabId = next.tabs.some((tab) => tab.id === next.activeTabId) ? next.activeTabId : (next.tabs[0]?.id ?? null);
      doc.write({ ...next, activeTabId });
      return { saved: true };
    },
  };
}
