import { z } from 'zod';
import { EnvironmentKindSchema } from '../../../shared/contract/app';
import { AllowedHostsSchema, MsnSchema, ProfileVariableNameSchema, ProfileVariablesSchema, SystemHeadersSchema, type SystemHeaders } from '../../../shared/contract/profiles';
import { hasUserinfo, redactUserinfo, USERINFO_PLACEHOLDER } from '../../../shared/url-userinfo';
import { APP } from '../app-info';
import { openDocument, type DocumentStore, type StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';

export const SANDBOX_PROFILE_ID = 'sandbox';

/** What profiles.json holds: everything about a profile except its keys, which live in the keychain. */
export const StoredProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  environment: EnvironmentKindSchema,
  customBaseUrl: z.string().optional(),
  msn: MsnSchema,
  system: SystemHeadersSchema,
  variables: ProfileVariablesSchema,
  /** Names of the secret variables; their values live in the keychain. Files written before they existed have none. */
  secretVariables: z.array(ProfileVariableNameSchema).default([]),
  /** Where each secret may go besides the profile's host; host names only. Older files have none. */
  allowedHosts: AllowedHostsSchema.default({ keys: {}, variables: {} }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SalesUnitProfile = z.infer<typeof StoredProfileSchema>;

export const ProfilesDocumentSchema = z.object({
  profiles: z.array(StoredProfileSchema),
  activeProfileId: z.string(),
});
export type ProfilesDocument = z.infer<typeof ProfilesDocumentSchema>;

/** The Vipps-System-* defaults identify this app to Vipps support; 30 characters is the tightest limit. */
export function defaultSystemHeaders(): SystemHeaders {
  const version = APP.version.slice(0, 30);
  return { name: 'vipps-explorer', version, pluginName: 'vipps-explorer', pluginVersion: version };
}

export function builtInSandboxProfile(msn: string, now: Date): SalesUnitProfile {
  const time = now.toISOString();
  return {
    id: SANDBOX_PROFILE_ID,
    name: 'Sandbox',
    environment: 'sandbox',
    msn,
    system: defaultSystemHeaders(),
    variables: {},
    secretVariables: [],
    allowedHosts: { keys: {}, variables: {} },
    createdAt: time,
    updatedAt: time,
  };
}

export function openProfilesDocument(options: {
  factory: StoreFactory;
  dir: string;
  notices: NoticeBoard;
  sandboxMsn: string;
}): DocumentStore<ProfilesDocument> {
  const store = openDocument<ProfilesDocument>({
    factory: options.factory,
    dir: options.dir,
    name: 'profiles',
    label: 'saved profiles',
    schema: ProfilesDocumentSchema,
    version: 1,
    defaults: () => ({ profiles: [builtInSandboxProfile(options.sandboxMsn, new Date())], activeProfileId: SANDBOX_PROFILE_ID }),
    notices: options.notices,
  });
  // The built-in profile must always exist, and it follows the sandbox's demo unit even if an
  // older file recorded another MSN for it.
  store.update((doc) => {
    const builtIn = doc.profiles.find((p) => p.id === SANDBOX_PROFILE_ID);
    const profiles = (
      builtIn
        ? doc.profiles.map((p) => (p.id === SANDBOX_PROFILE_ID ? { ...p, environment: 'sandbox' as const, msn: options.sandboxMsn } : p))
        : [builtInSandboxProfile(options.sandboxMsn, new Date()), ...doc.profiles]
    ).map((p) => withoutUserinfo(p, options.notices));
    const activeProfileId = profiles.some((p) => p.id === doc.activeProfileId) ? doc.activeProfileId : SANDBOX_PROFILE_ID;
    return { profiles, activeProfileId };
  });
  return store;
}

/**
 * Older versions accepted `https://user:password@host` as a custom base URL and kept it in this
 * file in plain text. The user name and password are taken out (this rewrites the file), and
 * the user is told to put keys where they belong.
 */
function withoutUserinfo(profile: SalesUnitProfile, notices: NoticeBoard): SalesUnitProfile {
  if (!profile.customBaseUrl || !hasUserinfo(profile.customBaseUrl)) return profile;
  let cleaned: string;
  try {
    const url = new URL(profile.customBaseUrl);
    url.username = '';
    url.password = '';
    cleaned = url.href.replace(/\/+$/, '');
  } catch {
    cleaned = redactUserinfo(profile.customBaseUrl).replace(`${USERINFO_PLACEHOLDER}@`, '');
  }
  notices.add(
    'warning',
    `The base URL of profile "${profile.name}" carried a user name and password. They were removed from the saved profile, which is now ${cleaned}. Enter the profile's keys in its key fields instead (they are kept in the OS keychain).`,
  );
  return { ...profile, customBaseUrl: cleaned };
}
