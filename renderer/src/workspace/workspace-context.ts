import { createContext, useContext } from 'react';
import type { ExplorerApi } from '../../../shared/contract';
import type { useRequestSender } from './request/useRequestSender';
import type { WorkspaceTabs } from './tabs/useWorkspaceTabs';

export type ViewId = 'quickstart' | 'requests' | 'history' | 'runner' | 'environments' | 'sandbox' | 'about';

/** What the runner view starts with when opened from the tree's "Run". */
export interface RunPreset {
  collectionId: string;
  path: string;
  /** Start the run as soon as the runner opens (Run after an import); `at` tells two such asks apart. */
  autostart?: { at: number };
}

export interface Workspace {
  api: ExplorerApi;
  view: ViewId;
  showView(view: ViewId): void;
  tabs: WorkspaceTabs;
  sender: ReturnType<typeof useRequestSender>;
  /** Bumped after anything changes collections, so every list reads them again. */
  collectionsVersion: number;
  collectionsChanged(): void;
  runPreset: RunPreset | null;
  run(preset: RunPreset): void;
  /** Open a collection's (or folder's) settings: variables, auth, description. */
  editSettings(collectionId: string, path: string): void;
  settingsTarget: RunPreset | null;
  /** Open the tree down to an item and select it (after a save). */
  reveal(collectionId: string, path: string): void;
  revealTarget: { collectionId: string; path: string; at: number } | null;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace must be used inside the workspace frame.');
  return workspace;
}

/** The workspace when this component sits inside it; null in a view shown on its own (tests, tools). */
export function useOptionalWorkspace(): Workspace | null {
  return useContext(WorkspaceContext);
}
