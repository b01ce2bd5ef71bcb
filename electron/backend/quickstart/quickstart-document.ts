import { randomBytes } from 'node:crypto';
import { QuickStartStateSchema, type QuickStartState } from '../../../shared/contract/quickstart';
import { initialQuickStart } from '../../../shared/quickstart/progress';
import { newOrderIds, RANDOM_BYTES_PER_ORDER, type OrderIds } from '../../../shared/quickstart/new-order';
import { openDocument, type DocumentStore, type StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';

export function freshOrderIds(now: Date): OrderIds {
  return newOrderIds(now, new Uint8Array(randomBytes(RANDOM_BYTES_PER_ORDER)));
}

/** quickstart.json: the guided walk-through's progress. It holds ids and edited bodies, never a key. */
export function openQuickStartDocument(options: {
  factory: StoreFactory;
  dir: string;
  notices: NoticeBoard;
  now?: () => Date;
}): DocumentStore<QuickStartState> {
  const now = options.now ?? (() => new Date());
  return openDocument<QuickStartState>({
    factory: options.factory,
    dir: options.dir,
    name: 'quickstart',
    label: 'quick-start progress',
    schema: QuickStartStateSchema,
    version: 1,
    defaults: () => {
      const at = now();
      return initialQuickStart(freshOrderIds(at), at.toISOString());
    },
    notices: options.notices,
    now,
  });
}
