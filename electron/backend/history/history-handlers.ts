import type { Handlers } from '../dispatch';
import { fail } from '../failure';
import type { HistoryStore } from './history-store';

export function createHistoryHandlers(history: HistoryStore): Pick<Handlers, 'listHistory' | 'getHistoryEntry' | 'deleteHistoryEntry' | 'clearHistory'> {
  return {
    listHistory: async (query) => history.list(query),
    getHistoryEntry: async ({ id }) => history.get(id) ?? fail('NOT_FOUND', 'That history entry no longer exists; older entries are dropped when the history is full.'),
    deleteHistoryEntry: async ({ id }) => ({ deleted: history.remove(id) }),
    clearHistory: async () => ({ removed: history.clear() }),
  };
}
