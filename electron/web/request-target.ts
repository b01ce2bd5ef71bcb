/**
 * Reading the request line of a request anyone on this machine may send. Nothing here throws:
 * a target that cannot be read is `undefined`, which the server answers with a 4xx.
 */

/**
 * The path of an origin-form target (`/a/b?c`), taken as plain text: never handed to a URL
 * parser, which reads `//a:99999/` as a host with an invalid port and throws. Anything not
 * starting with `/` (`*`, an absolute URL) is no path this host serves.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/')) return undefined;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The method name in `/rpc/<name>`; a name that is not valid percent-encoding is no method. */
export function rpcMethodName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

export type RpcInput = { ok: true; value: unknown } | { ok: false; message: string };

/** The body is `{ "input": … }`; an empty body means no input. */
export function rpcInput(body: Buffer): RpcInput {
  if (body.length === 0) return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'The RPC body was not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'The RPC body must be a JSON object of the form {"input": …}.' };
  }
  return { ok: true, value: (parsed as { input?: unknown }).input };
}
