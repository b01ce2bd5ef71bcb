import { createContext, useContext } from 'react';
import { DYNAMIC_VARIABLES, isDynamicVariable } from '../../../../shared/variables';

/** Where a `{{variable}}` gets its value, as the popover names it. */
export interface VariableInfo {
  name: string;
  /** Empty for a secret (its value stays in the keychain) and for dynamic values. */
  value: string;
  secret: boolean;
  /** e.g. `environment “Sandbox”`, `collection “Payments”`, `a new value per send`. */
  source: string;
}

export interface VariableScope {
  lookup(name: string): VariableInfo | null;
}

export interface ScopeLayer {
  label: string;
  values: ReadonlyArray<{ key: string; value: string; secret?: boolean; enabled?: boolean }>;
}

/** Most specific layer first, as the engine resolves them. */
export function layeredScope(layers: readonly ScopeLayer[]): VariableScope {
  return {
    lookup(name) {
      if (isDynamicVariable(name)) return { name, value: '', secret: false, source: DYNAMIC_VARIABLES[name] };
      for (const layer of layers) {
        const hit = layer.values.find((v) => v.key === name && v.enabled !== false);
        if (hit) return { name, value: hit.secret ? '' : hit.value, secret: Boolean(hit.secret), source: layer.label };
      }
      return null;
    },
  };
}

export const EMPTY_SCOPE: VariableScope = layeredScope([]);
export const VariableScopeContext = createContext<VariableScope>(EMPTY_SCOPE);

export function useVariableScope(): VariableScope {
  return useContext(VariableScopeContext);
}
