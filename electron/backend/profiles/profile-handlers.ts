import type { Handlers } from '../dispatch';
import { fail } from '../failure';
import type { TokenManager } from '../engine/token-manager';
import type { SecretVault } from '../vault/secret-vault';
import type { ProfileService } from './profile-service';

type ProfileMethods =
  | 'listProfiles'
  | 'createProfile'
  | 'updateProfile'
  | 'deleteProfile'
  | 'setActiveProfile'
  | 'setProfileSecret'
  | 'deleteProfileSecret'
  | 'setProfileVariableSecret'
  | 'deleteProfileVariableSecret'
  | 'getKeychainStatus'
  | 'useMemoryKeychain'
  | 'getTokenInfo'
  | 'fetchToken'
  | 'revealToken';

export function createProfileHandlers(deps: { profiles: ProfileService; vault: SecretVault; tokens: TokenManager }): Pick<Handlers, ProfileMethods> {
  const { profiles, vault, tokens } = deps;
  const profileIdOr = (id: string | undefined) => profiles.get(id ?? profiles.active().id).id;
  return {
    listProfiles: () => profiles.list(),
    createProfile: ({ secrets, ...draft }) => profiles.create(draft, secrets),
    updateProfile: ({ id, changes }) => profiles.update(id, changes),
    deleteProfile: ({ id }) => profiles.remove(id),
    setActiveProfile: ({ id }) => profiles.setActive(id),
    setProfileSecret: async ({ id, field, value }) => ({ field, state: await profiles.setSecret(id, field, value) }),
    deleteProfileSecret: async ({ id, field }) => ({ field, state: await profiles.deleteSecret(id, field) }),
    setProfileVariableSecret: async ({ id, name, value }) => ({ name, state: await profiles.setVariableSecret(id, name, value) }),
    deleteProfileVariableSecret: async ({ id, name }) => ({ name, state: await profiles.deleteVariableSecret(id, name) }),
    getKeychainStatus: ({ recheck }) => vault.status(recheck === true),
    useMemoryKeychain: () => vault.useMemory(),
    getTokenInfo: async ({ profileId }) => tokens.info(profileIdOr(profileId)),
    fetchToken: async ({ profileId }) => {
      const id = profileIdOr(profileId);
      await tokens.get(id, true);
      return tokens.info(id);
    },
    revealToken: async ({ profileId }) => {
      const id = profileIdOr(profileId);
      const token = tokens.cached(id);
      if (!token) fail('NOT_FOUND', 'There is no access token for this profile yet. Fetch one first (send the token request or any request that needs it).');
      return { accessToken: token.value, info: tokens.info(id) };
    },
  };
}
