/**
 * Files written on Windows often start with a byte-order mark, and some tools (PowerShell's
 * Out-File, older Postman exports) write UTF-16. newman reads both, so we decode by the bytes'
 * own evidence before anything parses them. TextDecoder runs in Node and in the renderer alike.
 */
// shared/ is compiled without DOM or Node types; both have TextDecoder with this shape.
declare const TextDecoder: new (label: TextEncodingName) => { decode(bytes: Uint8Array): string };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Which encoding the bytes are in: a BOM decides; without one, NULs in every other byte of a JSON/YAML text give UTF-16 away. */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return 'utf-8';
}

/** The text of a file's bytes, without its byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  // ignoreBOM: false (the default) makes the decoder drop a leading BOM of its own encoding.
  return stripBom(new TextDecoder(sniffEncoding(bytes)).decode(bytes));
}

/** Pasted text, or text another reader decoded as UTF-8, may still carry U+FEFF at its start. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
