import { fillTemplate, lookupVariable, type VariableScopes } from '../../../shared/variables';
import type { ScopeAccess, VariableScope } from './hooks';

/** The environment's keys a script may not change: they follow from the profile. */
const PROFILE_OWNED: ReadonlySet<string> = new Set(['baseUrl', 'msn']);
const NONE: ReadonlySet<string> = new Set();

/**
 * One scope's values. Every request of a run gets its own collection and environment scopes, and
 * most only read them through toObject: the Map is made on the first read or write of one key.
 */
class MapScope implements VariableScope {
  #initial: Readonly<Record<string, string>> | undefined;
  #values: Map<string, string> | undefined;
  readonly #onSet: ((key: string, value: string | undefined) => void) | undefined;
  readonly #readOnly: ReadonlySet<string>;

  constructor(values: Readonly<Record<string, string>> = {}, onSet?: (key: string, value: string | undefined) => void, readOnly: ReadonlySet<string> = NONE) {
    this.#initial = values;
    this.#onSet = onSet;
    this.#readOnly = readOnly;
  }

  get values(): Map<string, string> {
    if (!this.#values) {
      this.#values = new Map(Object.entries(this.#initial ?? {}));
      this.#initial = undefined;
    }
    return this.#values;
  }

  get(key: string) {
    return this.values.get(key);
  }
  has(key: string) {
    return this.values.has(key);
  }
  set(key: string, value: string) {
    if (this.#readOnly.has(key)) return;
    this.values.set(key, String(value));
    this.#onSet?.(key, String(value));
  }
  unset(key: string) {
    if (this.#readOnly.has(key)) return;
    this.values.delete(key);
    this.#onSet?.(key, undefined);
  }
  toObject(): Record<string, string> {
    return this.#values ? Object.fromEntries(this.#values) : { ...this.#initial };
  }
}

/**
 * A run-wide scope as one request sees it: that request hears of every set (to name what flowed
 * on, and to learn a key or token as a secret), and no other request does. Wrapping the shared
 * scope itself instead stacked one more wrapper per request, so a long run's sets got slower and
 * kept every earlier request's bookkeeping alive.
 */
class TrackedScope implements VariableScope {
  readonly #inner: VariableScope;
  readonly #onSet: (key: string, value: string) => void;

  constructor(inner: VariableScope, onSet: (key: string, value: string) => void) {
    this.#inner = inner;
    this.#onSet = onSet;
  }

  get(key: string) {
    return this.#inner.get(key);
  }
  has(key: string) {
    return this.#inner.has(key);
  }
  set(key: string, value: string) {
    this.#onSet(key, value);
    this.#inner.set(key, value);
  }
  unset(key: string) {
    this.#inner.unset(key);
  }
  toObject() {
    return this.#inner.toObject();
  }
}

/**
 * The variables of one run, by precedence: the run's overrides (CLI --env-var) > values set
 * during the run (extractions, scripts) and the iteration's data row > the request's folders'
 * and collection's variables > the profile's > globals. Dynamic `{{$guid}}` values come last.
 */
export class RunScopes {
  readonly overrides: Readonly<Record<string, string>>;
  readonly run = new MapScope();
  readonly globals: MapScope;
  /** Collection-scope values set during the run, on top of the files' values for every later request. */
  readonly collectionChanges = new Map<string, string | undefined>();
  iterationData: Readonly<Record<string, string>> = {};

  constructor(overrides: Record<string, string>, globals: Map<string, string>) {
    this.overrides = overrides;
    this.globals = new MapScope(Object.fromEntries(globals), (key, value) => {
      if (value === undefined) globals.delete(key);
      else globals.set(key, value);
    });
  }

  /**
   * The scopes one request sees, given its merged collection and folder variables and its
   * profile's. `onSet` hears of every value set into the run, collection or globals scope
   * through them (the environment's sets are not tracked).
   */
  forRequest(collection: Record<string, string>, profile: Readonly<Record<string, string>>, onSet?: (key: string, value: string) => void): RequestScopes {
    const merged = { ...collection };
    for (const [key, value] of this.collectionChanges) {
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    return new RequestScopes(this, merged, profile, onSet);
  }
}

export class RequestScopes implements ScopeAccess {
  readonly run: VariableScope;
  readonly collection: VariableScope;
  readonly environment: VariableScope;
  readonly globals: VariableScope;
  readonly #scopes: RunScopes;

  constructor(scopes: RunScopes, collection: Record<string, string>, profile: Readonly<Record<string, string>>, onSet?: (key: string, value: string) => void) {
    this.#scopes = scopes;
    const own = new MapScope(collection, (key, value) => scopes.collectionChanges.set(key, value));
    this.run = onSet ? new TrackedScope(scopes.run, onSet) : scopes.run;
    this.globals = onSet ? new TrackedScope(scopes.globals, onSet) : scopes.globals;
    this.collection = onSet ? new TrackedScope(own, onSet) : own;
    // baseUrl and msn follow from the profile; a script may not point a run at another host through them.
    this.environment = new MapScope(profile, undefined, PROFILE_OWNED);
  }

  /** The layers as the engine fills them (it adds the chosen profile's own variables itself). */
  engineScopes(): Omit<VariableScopes, 'profile'> {
    return {
      run: { ...this.#scopes.iterationData, ...this.run.toObject(), ...this.#scopes.overrides },
      collection: this.collection.toObject(),
      globals: this.globals.toObject(),
    };
  }

  #all(): VariableScopes {
    return { ...this.engineScopes(), profile: this.environment.toObject() };
  }

  resolve(key: string): string | undefined {
    return lookupVariable(key, this.#all())?.value;
  }

  fill(text: string): string {
    return fillTemplate(text, this.#all()).text;
  }
}
