import { createContext, useContext, type ReactNode } from 'react';
import type { ExplorerApi, ExplorerEvents } from '../../../shared/contract';

const ExplorerContext = createContext<(ExplorerApi & Partial<ExplorerEvents>) | null>(null);

export function ExplorerProvider({ api, children }: { api: ExplorerApi & Partial<ExplorerEvents>; children: ReactNode }) {
  return <ExplorerContext.Provider value={api}>{children}</ExplorerContext.Provider>;
}

/** The typed backend client; components receive it from context so tests can pass a fake host. */
export function useExplorer(): ExplorerApi {
  const api = useContext(ExplorerContext);
  if (!api) throw new Error('useExplorer must be used inside <ExplorerProvider>.');
  return api;
}

/** The client's event subscription (run progress, collection changes). */
export function useExplorerEvents(): ExplorerEvents {
  const api = useContext(ExplorerContext);
  if (!api) throw new Error('useExplorerEvents must be used inside <ExplorerProvider>.');
  const subscribe = api.subscribe;
  if (!subscribe) throw new Error('This host’s client has no event subscription; build it with createExplorerClient().');
  return { subscribe };
}
