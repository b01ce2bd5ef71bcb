import type { ExplorerApi } from '../../shared/contract';
import { ExplorerProvider } from './api/ExplorerContext';
import { WorkspaceFrame } from './workspace/WorkspaceFrame';

export function App({ api }: { api: ExplorerApi }) {
  return (
    <ExplorerProvider api={api}>
      <WorkspaceFrame />
    </ExplorerProvider>
  );
}
