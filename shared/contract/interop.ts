import { z } from 'zod';
import { CollectionIdSchema, ItemPathSchema } from '../model/collection';
import { ApiRequestSchema } from '../model/request';
import { method } from './define';

/** Bringing requests in (Postman, curl, OpenAPI) and out (Postman, curl, code). */

export const importFormats = ['postman-collection', 'postman-environment', 'curl', 'openapi'] as const;
export const ImportFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

export const ImportSourceSchema = z.discriminatedUnion('kind', [
  /** Pasted text or a file the UI read (drag-and-drop, the file picker). */
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(20 * 1024 * 1024), fileName: z.string().max(512).optional() }),
  /** A file on disk, read by the backend (so an OpenAPI file's relative references can be followed). */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4_096) }),
  /** Requests the UI already holds, e.g. pasted curl commands after their fixes were applied. */
  z.object({ kind: z.literal('requests'), requests: z.array(ApiRequestSchema).min(1).max(1_000), name: z.string().max(256).optional() }),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const ImportTargetSchema = z.discriminatedUnion('kind', [
  /** A new collection in the data folder, or in a folder the user chose. */
  z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(256).optional(), directory: z.string().max(4_096).optional() }),
  /** Into a folder of a collection that exists ('' is the collection itself). */
  z.object({ kind: z.literal('existing'), collectionId: CollectionIdSchema, parentPath: ItemPathSchema.default('') }),
]);

export const DefectSchema = z.object({
  kind: z.enum(['trailing-comma', 'bearer-scheme', 'placeholder', 'order-id-mismatch', 'fixed-host', 'json-as-form']),
  message: z.string(),
  /** The one-click fix: the whole request once this defect is fixed. */
  fix: z.object({ label: z.string(), request: ApiRequestSchema }),
});

export const ImportedItemSchema = z.object({
  /** Folder names and the request name, joined by " / ". */
  location: z.string(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  /** What could not be brought over, in words. */
  notes: z.array(z.string()),
  /** curl only: mistakes found in the command, each with its fix. */
  defects: z.array(DefectSchema).default([]),
  /** curl only: the request as read, so the UI can apply fixes and import the result. */
  request: ApiRequestSchema.optional(),
});

/** Where one variable of an imported environment (or a literal key of a request) went. */
export const VariablePlacementSchema = z.object({
  key: z.string(),
  destination: z.enum(['collection-file', 'keychain', 'profile', 'left-out']),
  /** Why it went there, in words. */
  reason: z.string(),
});
export type VariablePlacement = z.infer<typeof VariablePlacementSchema>;

export const ImportPreviewSchema = z.object({
  format: ImportFormatSchema,
  name: z.string(),
  requestCount: z.number().int(),
  folderCount: z.number().int(),
  items: z.array(ImportedItemSchema),
  notes: z.array(z.string()),
  /** For an environment: what would go where (nothing is stored by a preview). */
  variables: z.array(VariablePlacementSchema),
  /** The `{{names}}` the requests use that nothing defines: not the collection, not the active profile, not a script. */
  undefinedVariables: z.array(z.string()).default([]),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = ImportPreviewSchema.extend({
  collectionId: CollectionIdSchema,
  collectionName: z.string(),
  /** The collection was made by this import. */
  created: z.boolean(),
  /** Where the imported items landed inside the collection. */
  parentPath: ItemPathSchema,
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

const importOptions = {
  source: ImportSourceSchema,
  /** Leave out to detect the format from the content. */
  format: ImportFormatSchema.optional(),
  /**
   * The user agreed that values that look like keys (client_id, client_secret, subscription
   * key, tokens, passwords) are stored in the OS keychain. Without it they are left out.
   */
  storeKeys: z.boolean().default(false),
  /** Vipps' own key headers give way to the profile's Vipps auth (keys from the keychain at send time). */
  vippsAuth: z.boolean().default(true),
};

export const snippetTargetNames = ['curl', 'node-fetch', 'node-axios', 'python-requests', 'csharp-httpclient', 'java-httpclient', 'php-curl', 'go-native'] as const;
export const SnippetTargetSchema = z.enum(snippetTargetNames);
export type SnippetTargetName = z.infer<typeof SnippetTargetSchema>;

const requestRef = z.union([
  z.object({ collectionId: CollectionIdSchema, path: ItemPathSchema }).strict(),
  /** A request that is not saved (yet), e.g. the one open in the editor. */
  z.object({ request: ApiRequestSchema, collectionId: CollectionIdSchema.optional(), path: ItemPathSchema.optional() }).strict(),
]);

export const interopContract = {
  previewImport: method({
    summary: 'Read a Postman collection or environment, curl commands or an OpenAPI file and say what an import would bring in, without storing anything.',
    input: z.object(importOptions).strict(),
    output: ImportPreviewSchema,
  }),
  importInto: method({
    summary: 'Import into a new collection or a folder of an existing one; reports per request what was left out and where each variable went.',
    input: z.object({ ...importOptions, target: ImportTargetSchema }).strict(),
    output: ImportResultSchema,
  }),
  exportPostman: method({
    summary: 'A collection or one of its folders as Postman Collection v2.1; secrets are variables, never values.',
    input: z.object({ collectionId: CollectionIdSchema, path: ItemPathSchema.default('') }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  }),
  exportPostmanEnvironment: method({
    summary: 'A profile as a Postman environment, with the variable names Vipps’ collections use; keys are left empty.',
    input: z.object({ profileId: z.string().min(1).max(200).optional() }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  }),
  exportCurl: method({
    summary: 'A request as a curl command; keys and the token are shell variables.',
    input: requestRef,
    output: z.object({ text: z.string(), shellVariables: z.array(z.string()) }),
  }),
  getSnippet: method({
    summary: 'Code that sends a request (curl, Node, Python, C#, Java, PHP, Go); keys and the token are environment lookups unless the token is asked for.',
    input: z.object({ target: SnippetTargetSchema, ref: requestRef, includeToken: z.boolean().default(false) }).strict(),
    output: z.object({ target: SnippetTargetSchema, label: z.string(), code: z.string(), environment: z.array(z.string()) }),
  }),
};
