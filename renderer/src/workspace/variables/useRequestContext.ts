import { useEffect, useMemo, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { TabOrigin } from '../../../../shared/contract/workspace';
import type { ContainerSettings } from '../../../../shared/model/collection';
import type { RequestAuth } from '../../../../shared/model/request';
import { layeredScope, type ScopeLayer, type VariableScope } from './variable-scope';

export interface RequestContext {
  /** Non-secret collection and folder values, innermost winning, as the engine's collection scope. */
  collectionValues: Record<string, string>;
  /** Names of secret variables: their values stay in the keychain and never reach this window. */
  secretNames: ReadonlySet<string>;
  /** The folders' and collection's auth, outermost first, for "inherit". */
  inheritedAuth: RequestAuth[];
  /** The saved request this tab edits: its Send goes through the collection, as a run would. */
  saved: { collectionId: string; path: string } | null;
  scope: VariableScope;
}

/** The folders above an item, outermost first: '' (the collection), 'a', 'a/b'. */
export function containerPaths(itemPath: string): string[] {
  const parts = itemPath.split('/').slice(0, -1);
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/**
 * What a request in a tab inherits: its collection's and folders' variables and auth, and the
 * active environment's values, for sending and for the `{{variable}}` popover.
 */
export function useRequestContext(api: ExplorerApi, origin: TabOrigin, version: number): RequestContext {
  const [chain, setChain] = useState<Array<{ path: string; settings: ContainerSettings }>>([]);
  const [environment, setEnvironment] = useState<ScopeLayer | null>(null);
  const collectionId = origin.kind === 'item' ? origin.collectionId : null;
  const itemPath = origin.kind === 'item' ? origin.path : null;

  useEffect(() => {
    let live = true;
    void api.listProfiles({}).then((answer) => {
      if (!live || !answer.ok) return;
      const active = answer.value.profiles.find((p) => p.id === answer.value.activeProfileId);
      if (!active) return;
      setEnvironment({
        label: `environment “${active.name}”`,
        values: [
          { key: 'baseUrl', value: active.baseUrl },
          { key: 'msn', value: active.msn },
          ...Object.entries(active.variables).map(([key, value]) => ({ key, value })),
          // Only the names: secret values stay in the keychain.
          ...Object.keys(active.secretVariables).map((key) => ({ key, value: '', secret: true })),
        ],
      });
    });
    return () => {
      live = false;
    };
  }, [api, version]);

  useEffect(() => {
    if (collectionId === null || itemPath === null) {
      setChain([]);
      return;
    }
    let live = true;
    void Promise.all(containerPaths(itemPath).map((path) => api.getContainerSettings({ collectionId, path }).then((answer) => (answer.ok ? { path, settings: answer.value } : null)))).then(
      (links) => {
        if (live) setChain(links.filter((link): link is { path: string; settings: ContainerSettings } => link !== null));
      },
    );
    return () => {
      live = false;
    };
  }, [api, collectionId, itemPath, version]);

  return useMemo(() => {
    const collectionValues: Record<string, string> = {};
    const secretNames = new Set<string>();
    for (const link of chain) {
      for (const variable of link.settings.variables) {
        if (!variable.enabled) continue;
        if (variable.secret) secretNames.add(variable.key);
        else collectionValues[variable.key] = variable.value;
      }
    }
    const layers: ScopeLayer[] = [...chain]
      .reverse()
      .map((link) => ({ label: link.path === '' ? `collection “${link.settings.name}”` : `folder “${link.settings.name}”`, values: link.settings.variables }));
    if (environment) layers.push(environment);
    const saved = collectionId !== null && itemPath !== null ? { collectionId, path: itemPath } : null;
    return { collectionValues, secretNames, inheritedAuth: chain.map((link) => link.settings.auth), saved, scope: layeredScope(layers) };
  }, [chain, environment, collectionId, itemPath]);
}
