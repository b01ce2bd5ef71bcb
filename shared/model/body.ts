import { z } from 'zod';

/**
 * The bodies that are not text: multipart forms with file parts, and raw bytes from a file or
 * inline base64. They are described once here and used both by the request model (in collection
 * files) and by the engine's wire shape, which sends them as bytes read at send time.
 */

export const MultipartPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), key: z.string().max(1_024), value: z.string().max(1024 * 1024), enabled: z.boolean().default(true), contentType: z.string().max(256).optional() }),
  /** A file on the user's disk, read when the request is sent; never copied into the collection. */
  z.object({ kind: z.literal('file'), key: z.string().max(1_024), path: z.string().max(4_096), enabled: z.boolean().default(true), contentType: z.string().max(256).optional() }),
]);
export type MultipartPart = z.infer<typeof MultipartPartSchema>;

export const MultipartBodySchema = z.object({ mode: z.literal('multipart'), parts: z.array(MultipartPartSchema).max(1_000) });
export type MultipartBody = z.infer<typeof MultipartBodySchema>;

/** The whole body from a file on disk (path) or inline bytes (base64), sent as they are. */
export const BinaryBodySchema = z.object({
  mode: z.literal('binary'),
  path: z.string().max(4_096).optional(),
  base64: z.string().max(28 * 1024 * 1024).optional(),
  contentType: z.string().max(256).optional(),
});
export type BinaryBody = z.infer<typeof BinaryBodySchema>;

/** A body the engine builds from parts and files when it sends, instead of a text body. */
export const RequestPayloadSchema = z.discriminatedUnion('mode', [MultipartBodySchema, BinaryBodySchema]);
export type RequestPayload = z.infer<typeof RequestPayloadSchema>;
