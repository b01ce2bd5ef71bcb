import { AppSettingsSchema, type ActiveEnvironment, type AppSettings } from '../../shared/contract';
import type { Handlers } from './dispatch';
import { APP } from './app-info';
import { openDocument, type StoreFactory } from './store/document-store';
import type { NoticeBoard } from './store/notices';

export interface AppHandlerDeps {
  host: 'electron' | 'browser' | 'cli' | 'test';
  dataDir: string;
  storeFactory: StoreFactory;
  notices: NoticeBoard;
  activeEnvironment: () => ActiveEnvironment;
  nativeFileDialog: boolean;
}

const DEFAULT_SETTINGS: AppSettings = { theme: 'system', compactSteps: false };

export function createAppHandlers(
  deps: AppHandlerDeps,
): Pick<Handlers, 'getAppInfo' | 'getStatus' | 'getSettings' | 'updateSettings' | 'dismissNotice'> {
  const settings = openDocument({
    factory: deps.storeFactory,
    dir: deps.dataDir,
    name: 'settings',
    label: 'app settings',
    schema: AppSettingsSchema,
    version: 1,
    defaults: () => ({ ...DEFAULT_SETTINGS }),
    notices: deps.notices,
  });
  return {
    getAppInfo: async () => ({
      name: APP.productName,
      version: APP.version,
      host: deps.host,
      dataDir: deps.dataDir,
      platform: process.platform,
      nativeFileDialog: deps.nativeFileDialog,
    }),
    getStatus: async () => ({ environment: deps.activeEnvironment(), notices: deps.notices.list() }),
    getSettings: async () => settings.read(),
    updateSettings: async (change) =>
      settings.update((current) => ({ ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) })),
    dismissNotice: async ({ id }) => ({ dismissed: deps.notices.dismiss(id) }),
  };
}
