import type { ActiveEnvironment } from '../../shared/contract';
import type { Handlers } from './dispatch';
import type { NoticeBoard } from './store/notices';
import { APP } from './app-info';

export interface AppHandlerDeps {
  host: 'electron' | 'browser' | 'cli' | 'test';
  dataDir: string;
  notices: NoticeBoard;
  activeEnvironment: () => ActiveEnvironment;
}

export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, 'getAppInfo' | 'getStatus' | 'dismissNotice'> {
  return {
    getAppInfo: async () => ({
      name: APP.productName,
      version: APP.version,
      host: deps.host,
      dataDir: deps.dataDir,
      platform: process.platform,
    }),
    getStatus: async () => ({ environment: deps.activeEnvironment(), notices: deps.notices.list() }),
    dismissNotice: async ({ id }) => ({ dismissed: deps.notices.dismiss(id) }),
  };
}
