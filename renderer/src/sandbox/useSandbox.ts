import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../shared/contract';
import type { SandboxFaults, SandboxOverview, SandboxState, SandboxWebhooks } from '../../../shared/contract/sandbox';
import type { ExplorerError } from '../../../shared/errors';

/** Items per list on one page of the contents. */
export const SANDBOX_PAGE_SIZE = 100;

export interface SandboxModel {
  overview: SandboxOverview | null;
  state: SandboxState | null;
  webhooks: SandboxWebhooks | null;
  /** How many of the newest items the contents skip. */
  offset: number;
  showPage(offset: number): void;
  /** The last failed load, in the backend's words. */
  error: ExplorerError | null;
  loading: boolean;
  refresh(): Promise<void>;
  /** Takes the faults the backend answered with, so the banner follows without a reload. */
  faultsChanged(faults: SandboxFaults): void;
}

/** Loads the sandbox's overview and contents together, and again whenever asked. */
export function useSandbox(api: ExplorerApi): SandboxModel {
  const [overview, setOverview] = useState<SandboxOverview | null>(null);
  const [state, setState] = useState<SandboxState | null>(null);
  const [webhooks, setWebhooks] = useState<SandboxWebhooks | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<ExplorerError | null>(null);
  const [loading, setLoading] = useState(true);
  const mounted = useRef(true);
  // Answers can come back out of order when refreshes overlap; only the newest one is shown.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    const over = await api.getSandboxOverview({});
    const running = over.ok && over.value.running;
    const contents = running ? await api.getSandboxState({ offset, limit: SANDBOX_PAGE_SIZE }) : null;
    const hooks = running ? await api.getSandboxWebhooks({}) : null;
    if (!mounted.current || mine !== generation.current) return;
    setLoading(false);
    if (!over.ok) {
      setError(over.error);
      return;
    }
    setOverview(over.value);
    if (contents && !contents.ok) {
      setError(contents.error);
      return;
    }
    setError(null);
    setState(contents ? contents.value : null);
    setWebhooks(hooks && hooks.ok ? hooks.value : null);
  }, [api, offset]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const faultsChanged = useCallback((faults: SandboxFaults) => {
    setOverview((current) => (current ? { ...current, faults } : current));
  }, []);

  return { overview, state, webhooks, offset, showPage: setOffset, error, loading, refresh, faultsChanged };
}
