import type { ComponentType } from 'react';
import type { CollectionSummary } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';

/**
 * Places where other parts of the app add their buttons without editing the workspace: the
 * import/export/snippet dialogs (renderer/src/interop) push their components here once, at
 * start-up, from their own module.
 */
export interface RequestActionProps {
  request: ApiRequest;
}
export const requestActions: Array<ComponentType<RequestActionProps>> = [];

export interface CollectionsHeaderActionProps {
  collections: readonly CollectionSummary[];
  /** Read the collections again (after an import, say). */
  refresh(): void;
  /** Show a collection's request in a tab. */
  openItem(collectionId: string, path: string): void;
}
export const collectionsHeaderActions: Array<ComponentType<CollectionsHeaderActionProps>> = [];
