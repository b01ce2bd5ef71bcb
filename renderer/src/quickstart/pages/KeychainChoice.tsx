import { useCallback, useEffect, useState } from 'react';
import type { KeychainStatus } from '../../../../shared/contract/profiles';
import { useExplorer } from '../../api/ExplorerContext';

/**
 * Where keys go, read once per form that takes keys. When the OS keychain cannot be used the
 * user is told why before typing, and may choose to keep keys in memory for this run; nothing
 * is kept in memory without that explicit choice.
 */
export function useKeychainStatus(enabled = true) {
  const api = useExplorer();
  const [status, setStatus] = useState<KeychainStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = useCallback(
    async (recheck = false) => {
      const answer = await api.getKeychainStatus(recheck ? { recheck } : {});
      if (answer.ok) {
        setStatus(answer.value);
        setError(null);
      } else setError(answer.error.message);
      return answer.ok ? answer.value : null;
    },
    [api],
  );
  // The built-in Sandbox needs no keys, so its page does not make the keychain answer at all.
  useEffect(() => {
    if (enabled) void read();
  }, [read, enabled]);

  /** The user's consent: keys typed from now on live in this process only, until the app quits. */
  const keepInMemory = useCallback(async (): Promise<boolean> => {
    const answer = await api.useMemoryKeychain({});
    if (!answer.ok) {
      setError(answer.error.message);
      return false;
    }
    setStatus(answer.value);
    setError(null);
    return true;
  }, [api]);

  return { status, error, read, keepInMemory };
}

export type KeychainState = ReturnType<typeof useKeychainStatus>;

/** The reason the keychain cannot be used, with the two ways on: fix it and check again, or keep keys in memory. */
export function KeychainChoice({ keychain, pendingKeys = 0, onKeptInMemory }: { keychain: KeychainState; pendingKeys?: number; onKeptInMemory?(): void }) {
  const { status, error } = keychain;
  if (error) return <p role="alert" className="qs-error">{error}</p>;
  if (!status || status.state === 'available') return null;
  if (status.state === 'memory') {
    return (
      <p className="qs-callout qs-callout-warning" role="status" data-testid="keychain-choice">
        Keys are kept in memory for this run only: they are forgotten when Vipps Explorer quits.
      </p>
    );
  }
  return (
    <div className="qs-callout qs-callout-error" role="alert" data-testid="keychain-choice">
      <p>
        <strong>Keys cannot be saved in the OS keychain.</strong> {status.message}
      </p>
      <div className="qs-keychain-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={async () => {
            if (await keychain.keepInMemory()) onKeptInMemory?.();
          }}
        >
          {pendingKeys > 0 ? `Keep keys in memory for this run and save the ${pendingKeys === 1 ? 'typed key' : `${pendingKeys} typed keys`}` : 'Keep keys in memory for this run'}
        </button>
        <button type="button" className="button-quiet" onClick={() => void keychain.read(true)}>
          Check the keychain again
        </button>
      </div>
    </div>
  );
}
