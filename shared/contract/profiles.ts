import { z } from 'zod';
import { EnvironmentKindSchema } from './app';
import { hasUserinfo, USERINFO_REFUSED } from '../url-userinfo';
import { method } from './define';

/** The three keys a sales unit is given. They live in the OS keychain, never in a file. */
export const secretFields = ['client_id', 'client_secret', 'subscription_key'] as const;
export const SecretFieldSchema = z.enum(secretFields);
export type SecretField = z.infer<typeof SecretFieldSchema>;

/** What the renderer may know about a stored key: whether it is there and how it ends. */
export const SecretStateSchema = z.object({ set: z.boolean(), last4: z.string().optional() });
export type SecretState = z.infer<typeof SecretStateSchema>;

/** Most Vipps APIs cap each Vipps-System-* header at 30 characters (OM allows 100). */
const systemValue = z.string().trim().min(1).max(30, 'Vipps-System-* values are limited to 30 characters by most Vipps APIs');
export const SystemHeadersSchema = z.object({
  name: systemValue,
  version: systemValue,
  pluginName: systemValue,
  pluginVersion: systemValue,
});
export type SystemHeaders = z.infer<typeof SystemHeadersSchema>;

export const MsnSchema = z.string().trim().regex(/^[0-9]{4,6}$/, 'A Merchant Serial Number is 4 to 6 digits');

const httpBaseUrl = z
  .string()
  .trim()
  .url('Enter a full base URL such as https://apitest.vipps.no')
  .refine((value) => /^https?:\/\//i.test(value), 'The base URL must start with http:// or https://')
  .refine((value) => !hasUserinfo(value), USERINFO_REFUSED);

const variableName = z.string().regex(/^[A-Za-z_][\w.-]*$/, 'Variable names start with a letter or _ and hold letters, digits, _, - or .');
export const ProfileVariablesSchema = z.record(variableName, z.string().max(10_000));
export const ProfileVariableNameSchema = variableName;
const secretVariableValue = z.string().min(1).max(10_000);

/**
 * One secret variable as an update lists it. Its value goes to the keychain; without a value the
 * stored one is kept, or taken over from `previousName` when the variable was renamed (the
 * window never holds the value, so it cannot send it back).
 */
export const SecretVariableChangeSchema = z
  .object({
    name: variableName,
    value: secretVariableValue.optional(),
    previousName: variableName.optional(),
  })
  .strict();
export type SecretVariableChange = z.infer<typeof SecretVariableChangeSchema>;

/** Hosts as the user typed them; the backend stores each in a normal form and refuses what is not a host. */
const allowedHostList = z.array(z.string().trim().min(1).max(300)).max(50);

/**
 * Per secret, the hosts it may be sent to besides the profile's own host (which is always
 * allowed). Only host names are kept here, never a secret; a secret not listed goes to the
 * profile's host only.
 */
export const AllowedHostsSchema = z
  .object({
    keys: z.object({ client_id: allowedHostList.optional(), client_secret: allowedHostList.optional(), subscription_key: allowedHostList.optional() }).strict().default({}),
    variables: z.record(variableName, allowedHostList).default({}),
  })
  .strict();
export type AllowedHosts = z.infer<typeof AllowedHostsSchema>;

export const ProfileDraftSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    environment: EnvironmentKindSchema,
    /** Only for environment "custom". */
    customBaseUrl: httpBaseUrl.optional(),
    msn: MsnSchema,
    system: SystemHeadersSchema.partial().optional(),
    variables: ProfileVariablesSchema.optional(),
    /**
     * Every secret variable the profile keeps after this change; a secret left out is removed from
     * the keychain. Left out entirely, the secret variables stay as they are.
     */
    secretVariables: z.array(SecretVariableChangeSchema).max(200).optional(),
    /** The extra hosts each secret may go to; given, it replaces the stored lists entirely. */
    allowedHosts: AllowedHostsSchema.optional(),
  })
  .strict();
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;

export const SecretValuesSchema = z
  .object({
    client_id: z.string().trim().min(1).max(4096).optional(),
    client_secret: z.string().trim().min(1).max(4096).optional(),
    subscription_key: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();

export const ProfileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: EnvironmentKindSchema,
  /** Where requests go; for the sandbox it is resolved at runtime (its port is chosen freely). */
  baseUrl: z.string(),
  customBaseUrl: z.string().optional(),
  msn: z.string(),
  system: SystemHeadersSchema,
  variables: ProfileVariablesSchema,
  builtIn: z.boolean(),
  active: z.boolean(),
  secrets: z.object({ client_id: SecretStateSchema, client_secret: SecretStateSchema, subscription_key: SecretStateSchema }),
  /** The secret variables by name: whether a value is stored and how it ends, never the value. */
  secretVariables: z.record(z.string(), SecretStateSchema).default({}),
  /** The extra hosts each key and secret variable may go to (the profile's host is always allowed); absent means none. */
  allowedHosts: AllowedHostsSchema.optional(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

export const KeychainStatusSchema = z.object({
  /** "memory": the user chose to keep keys in memory for this run only. */
  state: z.enum(['available', 'unavailable', 'memory']),
  message: z.string(),
});
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

export const TokenInfoSchema = z.object({
  profileId: z.string(),
  state: z.enum(['none', 'valid', 'expired']),
  /** ISO time the token stops working (expires_on). */
  expiresAt: z.string().optional(),
  fetchedAt: z.string().optional(),
  /** When the engine will fetch a new one by itself. */
  renewsAt: z.string().optional(),
  lifetimeSeconds: z.number().optional(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

const profileRef = z.object({ id: z.string().min(1) }).strict();
const optionalProfileRef = z.object({ profileId: z.string().min(1).optional() }).strict();

export const profilesContract = {
  listProfiles: method({
    summary: 'All sales-unit profiles, which one is active, and which keys each has stored (never the keys).',
    input: z.object({}).strict(),
    output: z.object({ profiles: z.array(ProfileViewSchema), activeProfileId: z.string() }),
  }),
  createProfile: method({
    summary: 'Add a profile for one sales unit in one environment, optionally with its keys.',
    input: ProfileDraftSchema.extend({ secrets: SecretValuesSchema.optional() }).strict(),
    output: ProfileViewSchema,
  }),
  updateProfile: method({
    summary: 'Change a profile’s name, environment, MSN, Vipps-System-* values or variables.',
    input: z.object({ id: z.string().min(1), changes: ProfileDraftSchema.partial() }).strict(),
    output: ProfileViewSchema,
  }),
  deleteProfile: method({
    summary: 'Remove a profile and its keys from the keychain.',
    input: profileRef,
    output: z.object({ deleted: z.boolean(), activeProfileId: z.string() }),
  }),
  setActiveProfile: method({
    summary: 'Choose the profile that requests use.',
    input: profileRef,
    output: ProfileViewSchema,
  }),
  setProfileSecret: method({
    summary: 'Store or replace one key of a profile in the OS keychain.',
    input: z.object({ id: z.string().min(1), field: SecretFieldSchema, value: z.string().trim().min(1).max(4096) }).strict(),
    output: z.object({ field: SecretFieldSchema, state: SecretStateSchema }),
  }),
  deleteProfileSecret: method({
    summary: 'Remove one key of a profile from the keychain.',
    input: z.object({ id: z.string().min(1), field: SecretFieldSchema }).strict(),
    output: z.object({ field: SecretFieldSchema, state: SecretStateSchema }),
  }),
  setProfileVariableSecret: method({
    summary: 'Store or replace the value of one secret variable of a profile in the OS keychain (a plain variable of that name becomes secret).',
    input: z.object({ id: z.string().min(1), name: variableName, value: secretVariableValue }).strict(),
    output: z.object({ name: z.string(), state: SecretStateSchema }),
  }),
  deleteProfileVariableSecret: method({
    summary: 'Remove one secret variable of a profile, and its value from the keychain.',
    input: z.object({ id: z.string().min(1), name: variableName }).strict(),
    output: z.object({ name: z.string(), state: SecretStateSchema }),
  }),
  getKeychainStatus: method({
    summary: 'Whether keys can be kept in the OS keychain, and if not, why and what to do.',
    input: z.object({ recheck: z.boolean().optional() }).strict(),
    output: KeychainStatusSchema,
  }),
  useMemoryKeychain: method({
    summary: 'Keep keys in memory for this run only, because the OS keychain cannot be used.',
    input: z.object({}).strict(),
    output: KeychainStatusSchema,
  }),
  getTokenInfo: method({
    summary: 'When the access token of a profile (the active one by default) expires.',
    input: optionalProfileRef,
    output: TokenInfoSchema,
  }),
  fetchToken: method({
    summary: 'Fetch a new access token for a profile now, instead of waiting for the next request.',
    input: optionalProfileRef,
    output: TokenInfoSchema,
  }),
  revealToken: method({
    summary: 'Show the current access token itself, on the user’s explicit request.',
    input: optionalProfileRef,
    output: z.object({ accessToken: z.string(), info: TokenInfoSchema }),
  }),
};
