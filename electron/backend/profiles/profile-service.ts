import { vippsProfileVariables } from '../interop/vipps-profile-variables';
import { randomUUID } from 'node:crypto';
import type { ActiveEnvironment } from '../../../shared/contract/app';
import {
  secretFields,
  type ProfileDraft,
  type ProfileView,
  type SecretField,
  type SecretState,
} from '../../../shared/contract/profiles';
import { hasUserinfo, USERINFO_REFUSED } from '../../../shared/url-userinfo';
import { ExplorerFailure, fail } from '../failure';
import type { DocumentStore } from '../store/document-store';
import type { SecretValues, SecretVault } from '../vault/secret-vault';
import { defaultSystemHeaders, SANDBOX_PROFILE_ID, type ProfilesDocument, type SalesUnitProfile } from './profile-document';
import { normalizeAllowedHosts, renameVariableHosts } from './profile-allowed-hosts';
import { ProfileSecretVariables } from './profile-secret-variables';

export const ENVIRONMENT_BASE_URLS = {
  test: 'https://apitest.vipps.no',
  production: 'https://api.vipps.no',
} as const;

export interface ProfileServiceDeps {
  store: DocumentStore<ProfilesDocument>;
  vault: SecretVault;
  /** The embedded sandbox's base URL, known only once it listens (its port is chosen freely). */
  sandboxBaseUrl: () => string | undefined;
  /** A token fetched with old keys or for another host must not be used again. */
  onCredentialsChanged?: (profileId: string) => void;
  /** Stand-ins for the real Vipps hosts, so tests can play "production" on a local server. */
  environmentBaseUrls?: Partial<Record<keyof typeof ENVIRONMENT_BASE_URLS, string>>;
  /** Keys could not be stored because the OS keychain cannot be used (the message says what to do). */
  onKeychainUnavailable?: (message: string) => void;
  now?: () => Date;
}

/** Profiles: one sales unit in one environment each, one of them active. */
export class ProfileService {
  readonly #deps: ProfileServiceDeps;
  readonly #secretVariables: ProfileSecretVariables;

  constructor(deps: ProfileServiceDeps) {
    this.#deps = deps;
    this.#secretVariables = new ProfileSecretVariables(deps.vault);
  }

  get(id: string): SalesUnitProfile {
    const profile = this.#deps.store.read().profiles.find((p) => p.id === id);
    if (!profile) fail('NOT_FOUND', 'That profile no longer exists. Pick another profile in the environment menu.');
    return profile;
  }

  active(): SalesUnitProfile {
    return this.get(this.#deps.store.read().activeProfileId);
  }

  baseUrlOf(profile: SalesUnitProfile): string {
    switch (profile.environment) {
      case 'sandbox':
        return this.#deps.sandboxBaseUrl() ?? '';
      case 'test':
      case 'production':
        return this.#deps.environmentBaseUrls?.[profile.environment] ?? ENVIRONMENT_BASE_URLS[profile.environment];
      case 'custom':
        return (profile.customBaseUrl ?? '').replace(/\/+$/, '');
    }
  }

  /** Requests fill `{{baseUrl}}`, `{{msn}}` and the profile's own variables from here; keys never. */
  variablesOf(profile: SalesUnitProfile): Record<string, string> {
    // Vipps' own Postman files name the same values differently (base_url, merchantSerialNumber…); the profile answers to both.
    const baseUrl = this.baseUrlOf(profile);
    return { ...vippsProfileVariables(profile, baseUrl), ...profile.variables, baseUrl, msn: profile.msn };
  }

  secretsOf(profile: SalesUnitProfile): Promise<SecretValues> {
    return this.#deps.vault.getAll(profile.id);
  }

  /** The values of the profile's secret variables, read from the keychain, for the engine to fill and to redact. */
  secretVariablesOf(profile: SalesUnitProfile): Promise<Record<string, string>> {
    if (profile.secretVariables.length === 0) return Promise.resolve({});
    return this.#secretVariables.values(profile.id, profile.secretVariables);
  }

  activeEnvironment(): ActiveEnvironment {
    const profile = this.active();
    return { profileId: profile.id, profileName: profile.name, kind: profile.environment, baseUrl: this.baseUrlOf(profile) || 'embedded sandbox (not running)' };
  }

  async list(): Promise<{ profiles: ProfileView[]; activeProfileId: string }> {
    const doc = this.#deps.store.read();
    const profiles: ProfileView[] = [];
    for (const profile of doc.profiles) profiles.push(await this.view(profile));
    return { profiles, activeProfileId: doc.activeProfileId };
  }

  async view(profile: SalesUnitProfile): Promise<ProfileView> {
    const { createdAt: _created, updatedAt: _updated, secretVariables, ...rest } = profile;
    return {
      ...rest,
      baseUrl: this.baseUrlOf(profile),
      builtIn: profile.id === SANDBOX_PROFILE_ID,
      active: this.#deps.store.read().activeProfileId === profile.id,
      secrets: await this.#deps.vault.describe(profile.id),
      secretVariables: await this.#secretVariables.describe(profile.id, secretVariables),
    };
  }

  async create(draft: ProfileDraft, secrets: SecretValues = {}): Promise<ProfileView> {
    checkBaseUrl(draft.environment, draft.customBaseUrl);
    const wanted = secretFields.filter((field) => secrets[field] !== undefined);
    const variablePlan = this.#secretVariables.plan('', [], (draft.secretVariables ?? []).map(({ name, value }) => ({ name, ...(value !== undefined ? { value } : {}) })), Object.keys(draft.variables ?? {}));
    if (wanted.length > 0 || variablePlan.names.length > 0) {
      // Refuse before anything is saved, so a failed keychain leaves no half-made profile.
      const status = await this.#deps.vault.status();
      if (status.state === 'unavailable') {
        this.#deps.onKeychainUnavailable?.(status.message);
        fail('KEYCHAIN_UNAVAILABLE', status.message);
      }
    }
    const time = this.#now().toISOString();
    const profile: SalesUnitProfile = {
      id: randomUUID(),
      name: draft.name,
      environment: draft.environment,
      ...(draft.environment === 'custom' ? { customBaseUrl: draft.customBaseUrl } : {}),
      msn: draft.msn,
      system: { ...defaultSystemHeaders(), ...draft.system },
      variables: draft.variables ?? {},
      secretVariables: variablePlan.names,
      allowedHosts: normalizeAllowedHosts(draft.allowedHosts ?? { keys: {}, variables: {} }, variablePlan.names),
      createdAt: time,
      updatedAt: time,
    };
    this.#deps.store.update((doc) => ({ ...doc, profiles: [...doc.profiles, profile] }));
    try {
      for (const field of wanted) await this.#deps.vault.set(profile.id, field, secrets[field]!);
      for (const change of draft.secretVariables ?? []) if (change.value !== undefined) await this.#secretVariables.set(profile.id, change.name, change.value);
    } catch (error) {
      await this.#deps.vault.removeAll(profile.id).catch(() => undefined);
      await this.#secretVariables.removeAll(profile.id, profile.secretVariables).catch(() => undefined);
      this.#deps.store.update((doc) => ({ ...doc, profiles: doc.profiles.filter((p) => p.id !== profile.id) }));
      throw error;
    }
    return this.view(profile);
  }

  async update(id: string, changes: Partial<ProfileDraft>): Promise<ProfileView> {
    const current = this.get(id);
    if (id === SANDBOX_PROFILE_ID && ((changes.environment && changes.environment !== 'sandbox') || (changes.msn && changes.msn !== current.msn))) {
      fail('CONFLICT', 'The built-in Sandbox profile always points at the embedded sandbox’s demo sales unit. Create a new profile for another environment or MSN.');
    }
    const environment = changes.environment ?? current.environment;
    const customBaseUrl = environment === 'custom' ? (changes.customBaseUrl ?? current.customBaseUrl) : undefined;
    checkBaseUrl(environment, customBaseUrl);
    const variables = changes.variables ?? current.variables;
    const variablePlan = changes.secretVariables
      ? this.#secretVariables.plan(id, current.secretVariables, changes.secretVariables, Object.keys(variables))
      : this.#secretVariables.plan(id, current.secretVariables, current.secretVariables.filter((name) => !Object.hasOwn(variables, name)).map((name) => ({ name })), []);
    const next: SalesUnitProfile = {
      ...current,
      name: changes.name ?? current.name,
      environment,
      msn: changes.msn ?? current.msn,
      system: { ...current.system, ...changes.system },
      variables,
      secretVariables: variablePlan.names,
      allowedHosts: normalizeAllowedHosts(
        changes.allowedHosts ?? renameVariableHosts(current.allowedHosts, (changes.secretVariables ?? []).flatMap((c) => (c.previousName !== undefined ? [{ from: c.previousName, to: c.name }] : []))),
        variablePlan.names,
      ),
      updatedAt: this.#now().toISOString(),
    };
    if (customBaseUrl) next.customBaseUrl = customBaseUrl;
    else delete next.customBaseUrl;
    await this.#keychainWrite(variablePlan.write());
    this.#deps.store.update((doc) => ({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? next : p)) }));
    await variablePlan.removeStale();
    if (this.baseUrlOf(next) !== this.baseUrlOf(current) || next.msn !== current.msn) this.#deps.onCredentialsChanged?.(id);
    return this.view(next);
  }

  async remove(id: string): Promise<{ deleted: boolean; activeProfileId: string }> {
    if (id === SANDBOX_PROFILE_ID) fail('CONFLICT', 'The built-in Sandbox profile cannot be deleted; it is what the app uses before you have keys.');
    const profile = this.get(id);
    // Keys first: a profile whose keys could not be removed stays listed, so the user can retry.
    await this.#deps.vault.removeAll(id);
    await this.#secretVariables.removeAll(id, profile.secretVariables);
    const doc = this.#deps.store.update((current) => {
      const profiles = current.profiles.filter((p) => p.id !== id);
      return { profiles, activeProfileId: current.activeProfileId === id ? SANDBOX_PROFILE_ID : current.activeProfileId };
    });
    this.#deps.onCredentialsChanged?.(id);
    return { deleted: true, activeProfileId: doc.activeProfileId };
  }

  async setActive(id: string): Promise<ProfileView> {
    const profile = this.get(id);
    this.#deps.store.update((doc) => ({ ...doc, activeProfileId: id }));
    return this.view(profile);
  }

  async setSecret(id: string, field: SecretField, value: string): Promise<SecretState> {
    this.get(id);
    const state = await this.#keychainWrite(this.#deps.vault.set(id, field, value));
    this.#deps.onCredentialsChanged?.(id);
    return state;
  }

  async deleteSecret(id: string, field: SecretField): Promise<SecretState> {
    this.get(id);
    const state = await this.#deps.vault.remove(id, field);
    this.#deps.onCredentialsChanged?.(id);
    return state;
  }

  /** Stores one secret variable's value; a plain variable of the same name stops being plain. */
  async setVariableSecret(id: string, name: string, value: string): Promise<SecretState> {
    this.get(id);
    const state = await this.#keychainWrite(this.#secretVariables.set(id, name, value));
    this.#deps.store.update((doc) => ({
      ...doc,
      profiles: doc.profiles.map((p) => {
        if (p.id !== id) return p;
        const { [name]: _plain, ...variables } = p.variables;
        return { ...p, variables, secretVariables: p.secretVariables.includes(name) ? p.secretVariables : [...p.secretVariables, name], updatedAt: this.#now().toISOString() };
      }),
    }));
    return state;
  }

  async deleteVariableSecret(id: string, name: string): Promise<SecretState> {
    this.get(id);
    const state = await this.#secretVariables.remove(id, name);
    this.#deps.store.update((doc) => ({
      ...doc,
      profiles: doc.profiles.map((p) => {
        if (p.id !== id) return p;
        const { [name]: _hosts, ...variables } = p.allowedHosts.variables;
        return { ...p, secretVariables: p.secretVariables.filter((n) => n !== name), allowedHosts: { ...p.allowedHosts, variables }, updatedAt: this.#now().toISOString() };
      }),
    }));
    return state;
  }

  /** A keychain write; when the keychain cannot be used, the user hears why before the error travels on. */
  #keychainWrite<T>(write: Promise<T>): Promise<T> {
    return write.catch((error: unknown) => {
      if (error instanceof ExplorerFailure && error.code === 'KEYCHAIN_UNAVAILABLE') this.#deps.onKeychainUnavailable?.(error.message);
      throw error;
    });
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }
}

function checkBaseUrl(environment: ProfileDraft['environment'], customBaseUrl: string | undefined): void {
  if (environment === 'custom' && !customBaseUrl) {
    fail('INVALID_INPUT', 'A custom environment needs a base URL, for example https://apitest.vipps.no or http://localhost:8080.');
  }
  if (customBaseUrl && hasUserinfo(customBaseUrl)) fail('INVALID_INPUT', USERINFO_REFUSED);
}
