import { createContext, useContext } from 'react';
import type { QuickStartState } from '../../../shared/contract/quickstart';
import type { QuickStartModel } from './useQuickStart';

export type LoadedQuickStart = QuickStartModel & { state: QuickStartState };

export const QuickStartContext = createContext<LoadedQuickStart | null>(null);

/** The quick start's model for pages; they render only once its state has loaded. */
export function useQuickStartModel(): LoadedQuickStart {
  const model = useContext(QuickStartContext);
  if (!model) throw new Error('useQuickStartModel must be used inside the quick start view.');
  return model;
}
