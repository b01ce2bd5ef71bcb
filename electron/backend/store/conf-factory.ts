import Conf from 'conf';
import { PRIVATE_FILE_MODE, type StoreFactory } from './document-store';

/** The plain-Node backing for the store (browser host, CLI, tests): same file format as electron-store. */
export const confStoreFactory: StoreFactory = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, projectName: 'vipps-explorer', clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE }) as unknown as ReturnType<StoreFactory>;
