/**
 * The web-platform globals that both Node (18+) and browsers provide, declared for the
 * shared-only typecheck (tsconfig.shared.json), which has neither DOM nor Node types. Keep this
 * list short: anything here must exist, with this shape, on both sides.
 */
declare global {
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  function btoa(data: string): string;
  class URL {
    constructor(url: string, base?: string | URL);
    readonly href: string;
    readonly protocol: string;
    readonly host: string;
    readonly hostname: string;
    readonly pathname: string;
    readonly search: string;
    readonly origin: string;
  }
  var crypto: { randomUUID(): string; getRandomValues<T extends ArrayBufferView>(array: T): T };
}
export {};
