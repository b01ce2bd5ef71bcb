import { exportCurl } from '../../../shared/interop/curl/export';
import { exportPostmanEnvironment } from '../../../shared/interop/postman/environment';
import { postmanCollectionText } from '../../../shared/interop/postman/export';
import { resolveAuth, toHttpRequest } from '../../../shared/model/convert';
import type { ApiRequest } from '../../../shared/model/request';
import type { ParsedInput } from '../../../shared/contract';
import type { CallContext, Handlers } from '../dispatch';
import { fail } from '../failure';
import type { ProfileService } from '../profiles/profile-service';
import type { TokenManager } from '../engine/token-manager';
import { chainOf, fileNameFor, readPortable, requestAt, type ReadCalls } from './export-service';
import { importInto, previewImport, type CollectionCalls } from './import-service';
import { VIPPS_PROFILE_VARIABLES, vippsProfileVariables } from './vipps-profile-variables';

export interface InteropDeps {
  /** The backend's own handlers: an import or export uses the same collection methods as the UI. */
  handlers: () => CollectionCalls & ReadCalls & Pick<Handlers, 'previewRequest'>;
  profiles: ProfileService;
  tokens: TokenManager;
  /** Runs an import's many writes into one collection as a batch (see CollectionStore.batch). */
  batchWrites?: <T>(collectionId: string, work: () => Promise<T>) => Promise<T>;
}

type InteropMethods = 'previewImport' | 'importInto' | 'exportPostman' | 'exportPostmanEnvironment' | 'exportCurl' | 'getSnippet';

export function createInteropHandlers(deps: InteropDeps): Pick<Handlers, InteropMethods> {
  const resolveRef = async (ref: ParsedInput<'exportCurl'>, ctx: CallContext): Promise<{ request: ApiRequest; collectionId?: string; path?: string }> => {
    if ('request' in ref) return { request: ref.request, ...(ref.collectionId ? { collectionId: ref.collectionId } : {}), ...(ref.path ? { path: ref.path } : {}) };
    return { request: await requestAt(deps.handlers(), ctx, ref.collectionId, ref.path), collectionId: ref.collectionId, path: ref.path };
  };

  /** The names the active profile gives a run: Vipps' own (base_url, keys, MSN, the Sandbox's demo values), its variables and secret variables. */
  const suppliedByActiveProfile = (): string[] => {
    const profile = deps.profiles.active();
    const own = deps.profiles.variablesOf(profile);
    return [...VIPPS_PROFILE_VARIABLES, ...Object.keys(vippsProfileVariables(profile, own.baseUrl ?? '')), ...Object.keys(own), ...profile.secretVariables];
  };

  return {
    previewImport: async (input) => previewImport({ ...input, supplied: suppliedByActiveProfile() }),
    importInto: async (input, ctx) => importInto(deps.handlers(), ctx, { ...input, supplied: suppliedByActiveProfile() }, deps.batchWrites),

    exportPostman: async ({ collectionId, path }, ctx) => {
      const portable = await readPortable(deps.handlers(), ctx, collectionId, path);
      return { fileName: fileNameFor(portable.settings.name, '.postman_collection.json'), text: postmanCollectionText(portable) };
    },

    exportPostmanEnvironment: async ({ profileId }) => {
      const profile = profileId ? deps.profiles.get(profileId) : deps.profiles.active();
      const own = deps.profiles.variablesOf(profile);
      const named = vippsProfileVariables(profile, own.baseUrl ?? '');
      const variables = [
        ...Object.entries({ ...own, ...named }).map(([key, value]) => ({ key, value, enabled: true, secret: false })),
        // Keys stay in the keychain: the names are there for Postman users to fill in.
        ...[...VIPPS_PROFILE_VARIABLES].filter((key) => !(key in named) && !(key in own)).map((key) => ({ key, value: '', enabled: true, secret: true })),
        // Secret variables likewise: their names go out, their values stay in the keychain.
        ...profile.secretVariables.filter((key) => !(key in named) && !(key in own)).map((key) => ({ key, value: '', enabled: true, secret: true })),
      ];
      const text = `${JSON.stringify(exportPostmanEnvironment({ name: profile.name, scope: 'environment', variables }), null, 2)}\n`;
      return { fileName: fileNameFor(profile.name, '.postman_environment.json'), text };
    },

    exportCurl: async (ref, ctx) => {
      const { request } = await resolveRef(ref, ctx);
      return exportCurl(request);
    },

    getSnippet: async ({ target, ref, includeToken }, ctx) => {
      const calls = deps.handlers();
      const { request, collectionId, path } = await resolveRef(ref, ctx);
      const chain = collectionId && path ? await chainOf(calls, ctx, collectionId, path) : [];
      const auth = resolveAuth([...chain.map((c) => c.auth), request.auth]);
      const collection: Record<string, string> = {};
      for (const settings of chain) for (const v of settings.variables) if (v.enabled && !v.secret) collection[v.key] = v.value;
      const preview = await calls.previewRequest({ request: toHttpRequest(request, auth) as never, variables: { collection } }, ctx);
      const profile = deps.profiles.active();
      const token = includeToken ? deps.tokens.cached(profile.id)?.value : undefined;
      // The snippet library is loaded when a snippet is asked for, not at every start (the CLI's `run` never needs it).
      const { renderSnippet } = await import('./snippets');
      try {
        return renderSnippet({ method: preview.method, url: preview.url, headers: preview.headers, body: preview.body }, target, token ? { accessToken: token } : {});
      } catch {
        return fail('INVALID_INPUT', `No code can be written for "${preview.url.slice(0, 200)}": it is not a full URL yet. Start it with {{baseUrl}} or https://, and define the variables it uses.`);
      }
    },
  };
}
