import { z } from 'zod';
import { HttpMethodSchema } from '../contract/requests';
import { BinaryBodySchema, MultipartBodySchema } from './body';

/**
 * The one description of a request: in a collection file, in the editor, in the runner, in the
 * history and in every import and export. Wire shapes that must differ (the engine's resolved
 * request, Postman's JSON, a curl line) are converted at the edge, never declared again.
 */

/** A name/value row with the enabled flag Postman, Insomnia and Bruno users expect. */
export const KeyValueSchema = z.object({
  key: z.string().max(1_024),
  value: z.string().max(1024 * 1024),
  enabled: z.boolean().default(true),
  description: z.string().max(10_000).optional(),
});
export type KeyValue = z.infer<typeof KeyValueSchema>;

export { MultipartPartSchema, type MultipartPart } from './body';

export const RequestBodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('json'), text: z.string().max(20 * 1024 * 1024) }),
  z.object({ mode: z.literal('text'), text: z.string().max(20 * 1024 * 1024), contentType: z.string().max(256).optional() }),
  z.object({ mode: z.literal('form-urlencoded'), fields: z.array(KeyValueSchema).max(1_000) }),
  MultipartBodySchema,
  BinaryBodySchema,
]);
export type RequestBody = z.infer<typeof RequestBodySchema>;
export type BodyMode = RequestBody['mode'];

/**
 * Who signs the request. `inherit` takes the folder's, then the collection's; `vipps` is the
 * profile's Vipps auth (access token, subscription key, MSN and Vipps-System headers, added by
 * the engine to the profile's host only). Bearer tokens and passwords are normally written as
 * `{{variables}}` whose values are secret variables kept in the keychain.
 */
export const RequestAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('vipps') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('bearer'), token: z.string().max(16_384) }),
  z.object({ type: z.literal('basic'), username: z.string().max(1_024), password: z.string().max(1_024) }),
]);
export type RequestAuth = z.infer<typeof RequestAuthSchema>;
export type AuthType = RequestAuth['type'];

export const RequestSettingsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(20).default(10),
});
export type RequestSettings = z.infer<typeof RequestSettingsSchema>;

/** Pre-request and test scripts, kept verbatim (Postman's `pm.*` dialect). */
export const ScriptsSchema = z.object({
  preRequest: z.string().max(1024 * 1024).default(''),
  test: z.string().max(1024 * 1024).default(''),
});
export type Scripts = z.infer<typeof ScriptsSchema>;

/**
 * A declarative "set variable X from the response", for flows that need no script.
 * `json` takes a JSONPath-like path (`$.reference`, `$.items[0].id`), `header` a header name,
 * `status` nothing. The value lands in the run's variables, and with `scope: collection` also in
 * the collection's variables for later runs.
 */
export const ExtractionSchema = z.object({
  variable: z.string().min(1).max(256),
  from: z.enum(['json', 'header', 'status']),
  path: z.string().max(1_024).default(''),
  scope: z.enum(['run', 'collection']).default('run'),
  enabled: z.boolean().default(true),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

export const ApiRequestSchema = z.object({
  name: z.string().trim().min(1).max(256),
  method: HttpMethodSchema,
  /** Everything up to the query string; the query lives in `params` so rows can be disabled. */
  url: z.string().max(8_192),
  params: z.array(KeyValueSchema).max(500).default([]),
  headers: z.array(KeyValueSchema).max(500).default([]),
  body: RequestBodySchema.default({ mode: 'none' }),
  auth: RequestAuthSchema.default({ type: 'inherit' }),
  settings: RequestSettingsSchema.default(RequestSettingsSchema.parse({})),
  /** Markdown. */
  description: z.string().max(100_000).default(''),
  scripts: ScriptsSchema.default(ScriptsSchema.parse({})),
  extractions: z.array(ExtractionSchema).max(100).default([]),
});
export type ApiRequest = z.infer<typeof ApiRequestSchema>;
export type ApiRequestInput = z.input<typeof ApiRequestSchema>;

export function newRequest(fields: Partial<ApiRequest> & Pick<ApiRequest, 'name'>): ApiRequest {
  return ApiRequestSchema.parse({ method: 'GET', url: '', ...fields });
}
