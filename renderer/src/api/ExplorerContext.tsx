import { createContext, useContext, type ReactNode } from 'react';
import type { ExplorerApi } from '../../../shared/contract';

const ExplorerContext = createContext<ExplorerApi | null>(null);

export function ExplorerProvider({ api, children }: { api: ExplorerApi; children: ReactNode }) {
  return <ExplorerContext.Provider value={api}>{children}</ExplorerContext.Provider>;
}

/** The typed backend client; components receive it from context so tests can pass a fake host. */
export function useExplorer(): ExplorerApi {
  const api = useContext(ExplorerContext);
  if (!api) throw new Error('useExplorer must be used inside <ExplorerProvider>.');
  return api;
}
