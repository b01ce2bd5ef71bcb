import { z } from 'zod';
import { HttpMethodSchema } from '../contract/requests';
import { RequestAuthSchema, ScriptsSchema } from './request';

/**
 * A variable of a collection, a folder or an environment. A secret one keeps its value in the OS
 * keychain: on disk, in exports and in reports its `value` is always empty.
 */
export const VariableSchema = z.object({
  key: z.string().min(1).max(256),
  value: z.string().max(1024 * 1024).default(''),
  enabled: z.boolean().default(true),
  secret: z.boolean().default(false),
  description: z.string().max(10_000).optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

/**
 * What a collection or a folder carries for the items inside it: variables, auth and scripts
 * they inherit, a Markdown description, and the order of its children (by file or folder name;
 * children missing from the list follow in name order).
 */
export const ContainerSettingsSchema = z.object({
  name: z.string().trim().min(1).max(256),
  description: z.string().max(100_000).default(''),
  variables: z.array(VariableSchema).max(1_000).default([]),
  auth: RequestAuthSchema.default({ type: 'inherit' }),
  scripts: ScriptsSchema.default(ScriptsSchema.parse({})),
  order: z.array(z.string().max(512)).max(100_000).default([]),
});
export type ContainerSettings = z.infer<typeof ContainerSettingsSchema>;
export type CollectionSettings = ContainerSettings;
export type FolderSettings = ContainerSettings;

/** Where an item sits inside its collection: the folder names and file name, joined by `/`. */
export const ItemPathSchema = z
  .string()
  .max(4_096)
  .refine((p) => p === '' || !p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..'), 'An item path is a relative path of folder and file names, without "." or ".." segments');
export type ItemPath = z.infer<typeof ItemPathSchema>;

export const CollectionIdSchema = z.string().min(1).max(200);

/** A file of the collection that could not be read. It is reported and left untouched on disk. */
export const FileProblemSchema = z.object({
  path: ItemPathSchema,
  message: z.string(),
});
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const RequestNodeSchema = z.object({
  kind: z.literal('request'),
  path: ItemPathSchema,
  name: z.string(),
  method: HttpMethodSchema,
  url: z.string(),
});
export type RequestNode = z.infer<typeof RequestNodeSchema>;

export interface FolderNode {
  kind: 'folder';
  path: ItemPath;
  name: string;
  children: TreeNode[];
}
export type TreeNode = RequestNode | FolderNode;

export const FolderNodeSchema: z.ZodType<FolderNode> = z.object({
  kind: z.literal('folder'),
  path: ItemPathSchema,
  name: z.string(),
  get children() {
    return z.array(TreeNodeSchema);
  },
});
export const TreeNodeSchema: z.ZodType<TreeNode> = z.union([RequestNodeSchema, FolderNodeSchema]);

export const CollectionSummarySchema = z.object({
  id: CollectionIdSchema,
  name: z.string(),
  /** The folder on disk; empty for the built-in quick start. */
  location: z.string(),
  builtIn: z.boolean(),
  readOnly: z.boolean(),
  requestCount: z.number().int(),
});
export type CollectionSummary = z.infer<typeof CollectionSummarySchema>;

export const CollectionTreeSchema = CollectionSummarySchema.extend({
  items: z.array(TreeNodeSchema),
  problems: z.array(FileProblemSchema),
});
export type CollectionTree = z.infer<typeof CollectionTreeSchema>;
