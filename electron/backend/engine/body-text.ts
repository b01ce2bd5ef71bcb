import type { CollectedBody } from './response-bodies';

const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|problem\+json|graphql|yaml|x-ndjson))/i;
const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-tar|protobuf|x-protobuf)/i;

/**
 * The body as text when it is text: by its Content-Type, or, when that says nothing useful, by
 * whether the bytes are valid UTF-8. Binary bodies are passed on as base64 and recorded by size.
 */
export function describeBody(body: CollectedBody, contentType: string | undefined): { text: string; binary: boolean } {
  const bytes = body.kind === 'memory' ? body.bytes : body.head;
  const type = contentType?.split(';')[0]?.trim() ?? '';
  if (TEXT_TYPES.test(type)) return { text: bytes.toString('utf8'), binary: false };
  if (BINARY_TYPES.test(type)) return { text: '', binary: true };
  try {
    // A cut head may end inside a character; only complete bytes decide.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.kind === 'file' ? bytes.subarray(0, Math.max(0, bytes.length - 4)) : bytes);
    return { text: body.kind === 'file' ? bytes.toString('utf8') : text, binary: false };
  } catch {
    return { text: '', binary: true };
  }
}
