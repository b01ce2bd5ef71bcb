import { z } from 'zod';
import { ContainerSettingsSchema, VariableSchema, type ContainerSettings } from '../model/collection';
import { ApiRequestSchema, type ApiRequest } from '../model/request';

/**
 * A collection held in memory: what every importer (Postman, OpenAPI, curl) produces and what
 * the Postman exporter reads. The backend writes it to disk as an ordinary collection folder,
 * so the importers stay pure and never touch files.
 */
export interface PortableRequest {
  kind: 'request';
  request: ApiRequest;
  /** What could not be brought over, in words, for this request. */
  notes: string[];
}

export interface PortableFolder {
  kind: 'folder';
  settings: ContainerSettings;
  items: PortableItem[];
  notes: string[];
}

export type PortableItem = PortableRequest | PortableFolder;

export interface PortableCollection {
  settings: ContainerSettings;
  items: PortableItem[];
  /** Notes about the collection itself (its auth, its variables…). */
  notes: string[];
}

export const PortableRequestSchema = z.object({ kind: z.literal('request'), request: ApiRequestSchema, notes: z.array(z.string()) });
export const PortableFolderSchema: z.ZodType<PortableFolder> = z.object({
  kind: z.literal('folder'),
  settings: ContainerSettingsSchema,
  notes: z.array(z.string()),
  get items() {
    return z.array(PortableItemSchema);
  },
});
export const PortableItemSchema: z.ZodType<PortableItem> = z.union([PortableRequestSchema, PortableFolderSchema]);
export const PortableCollectionSchema = z.object({
  settings: ContainerSettingsSchema,
  items: z.array(PortableItemSchema),
  notes: z.array(z.string()),
});

/** An environment or globals file: a named list of variables. */
export const PortableEnvironmentSchema = z.object({
  name: z.string(),
  scope: z.enum(['environment', 'globals']),
  variables: z.array(VariableSchema),
});
export type PortableEnvironment = z.infer<typeof PortableEnvironmentSchema>;

export function countRequests(items: readonly PortableItem[]): number {
  return items.reduce((n, item) => n + (item.kind === 'request' ? 1 : countRequests(item.items)), 0);
}

/** Every request with the folder names leading to it, in order. */
export function* walkRequests(items: readonly PortableItem[], folders: string[] = []): Generator<{ folders: string[]; item: PortableRequest }> {
  for (const item of items) {
    if (item.kind === 'request') yield { folders, item };
    else yield* walkRequests(item.items, [...folders, item.settings.name]);
  }
}
