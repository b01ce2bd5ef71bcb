import { z } from 'zod';
import {
  CollectionIdSchema,
  CollectionSummarySchema,
  CollectionTreeSchema,
  ContainerSettingsSchema,
  ItemPathSchema,
  TreeNodeSchema,
} from '../model/collection';
import { ApiRequestSchema } from '../model/request';
import { method } from './define';

const itemRef = { collectionId: CollectionIdSchema, path: ItemPathSchema };
/** A name as the user typed it; the backend derives a safe file or folder name from it. */
const itemName = z.string().trim().min(1).max(256);

export const SearchHitSchema = z.object({
  collectionId: CollectionIdSchema,
  collectionName: z.string(),
  path: ItemPathSchema,
  name: z.string(),
  method: z.string(),
  url: z.string(),
  /** Where the text was found, and a short excerpt around it. */
  field: z.enum(['name', 'url', 'body', 'description', 'headers', 'params']),
  excerpt: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Where a request saved into a collection comes from. */
export const SaveSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), request: ApiRequestSchema }),
  z.object({ kind: z.literal('history'), historyId: z.string().min(1) }),
  /** A request of another collection, the built-in quick start included. */
  z.object({ kind: z.literal('item'), collectionId: CollectionIdSchema, path: ItemPathSchema }),
]);

export const collectionsContract = {
  listCollections: method({
    summary: 'The collections the app knows: the built-in quick start, those in the data folder and folders the user opened.',
    input: z.object({}).strict(),
    output: z.object({ collections: z.array(CollectionSummarySchema) }),
  }),
  getCollectionTree: method({
    summary: 'A collection’s folders and requests in order, with every file that could not be read.',
    input: z.object({ collectionId: CollectionIdSchema }).strict(),
    output: CollectionTreeSchema,
  }),
  createCollection: method({
    summary: 'Make a new, empty collection in the data folder, or in a folder the user chose.',
    input: z.object({ name: itemName, directory: z.string().max(4_096).optional() }).strict(),
    output: CollectionSummarySchema,
  }),
  openCollectionFolder: method({
    summary: 'Open a folder on disk (for example one inside the user’s own git repo) as a collection.',
    input: z.object({ directory: z.string().min(1).max(4_096) }).strict(),
    output: CollectionSummarySchema,
  }),
  closeCollection: method({
    summary: 'Forget an opened folder; its files stay where they are.',
    input: z.object({ collectionId: CollectionIdSchema }).strict(),
    output: z.object({ closed: z.boolean() }),
  }),
  copyCollection: method({
    summary: 'Copy a collection (the built-in quick start included: "Save as my collection") into a new, ordinary one.',
    input: z.object({ collectionId: CollectionIdSchema, name: itemName, directory: z.string().max(4_096).optional() }).strict(),
    output: CollectionSummarySchema,
  }),
  getContainerSettings: method({
    summary: 'The name, description, variables, auth and scripts of a collection (path "") or a folder. Secret values come back empty.',
    input: z.object(itemRef).strict(),
    output: ContainerSettingsSchema,
  }),
  saveContainerSettings: method({
    summary: 'Save a collection’s or folder’s settings; values of secret variables go to the keychain, never to the file.',
    input: z.object({ ...itemRef, settings: ContainerSettingsSchema }).strict(),
    output: ContainerSettingsSchema,
  }),
  getRequest: method({
    summary: 'One saved request.',
    input: z.object(itemRef).strict(),
    output: z.object({ request: ApiRequestSchema }),
  }),
  saveRequest: method({
    summary: 'Overwrite a saved request; only its own file changes.',
    input: z.object({ ...itemRef, request: ApiRequestSchema }).strict(),
    output: z.object({ path: ItemPathSchema }),
  }),
  createItem: method({
    summary: 'Add a new request or folder inside a folder (parentPath "" is the collection itself), at the end or at a position.',
    input: z
      .object({
        collectionId: CollectionIdSchema,
        parentPath: ItemPathSchema,
        item: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('request'), source: SaveSourceSchema, name: itemName.optional() }),
          z.object({ kind: z.literal('folder'), name: itemName }),
        ]),
        index: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.object({ path: ItemPathSchema, node: TreeNodeSchema }),
  }),
  renameItem: method({
    summary: 'Rename a request or folder (its file or folder name follows).',
    input: z.object({ ...itemRef, name: itemName }).strict(),
    output: z.object({ path: ItemPathSchema }),
  }),
  duplicateItem: method({
    summary: 'Copy a request or folder next to the original.',
    input: z.object(itemRef).strict(),
    output: z.object({ path: ItemPathSchema }),
  }),
  moveItem: method({
    summary: 'Move or reorder a request or folder, within a collection or into another one.',
    input: z
      .object({
        ...itemRef,
        toCollectionId: CollectionIdSchema,
        toParentPath: ItemPathSchema,
        /** Position among the new parent's children; the end when left out. */
        index: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.object({ path: ItemPathSchema }),
  }),
  deleteItem: method({
    summary: 'Delete a request or folder; it can be brought back with undoDelete until the app stops.',
    input: z.object(itemRef).strict(),
    output: z.object({ undoToken: z.string() }),
  }),
  undoDelete: method({
    summary: 'Bring back a deleted request or folder where it was.',
    input: z.object({ undoToken: z.string().min(1) }).strict(),
    output: z.object({ path: ItemPathSchema }),
  }),
  searchCollections: method({
    summary: 'Find requests by name, URL, body, headers, params or description.',
    input: z.object({ query: z.string().min(1).max(500), collectionId: CollectionIdSchema.optional(), limit: z.number().int().min(1).max(1_000).default(200) }).strict(),
    output: z.object({ hits: z.array(SearchHitSchema), truncated: z.boolean() }),
  }),
};
