import { ExplorerFailure } from '../failure';

/** Why our own AbortController fired; anything else that aborts a request is the caller leaving. */
export type AbortReason = 'timeout' | 'cancelled';

const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (check the computer’s clock)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed, so nobody vouches for it',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that this computer does not trust',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate was issued for a different host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate was issued by an authority this computer does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate was issued by an authority this computer does not know',
  CERT_REVOKED: 'its certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate signature is invalid',
};

function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_CANCELED' && code !== 'ERR_BAD_RESPONSE' && code !== 'ERR_NETWORK') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns a failed exchange into an error value that says what went wrong and what to try. */
export function transportFailure(error: unknown, host: string, abortReason: AbortReason | undefined, timeoutMs: number): ExplorerFailure {
  if (error instanceof ExplorerFailure) return error;
  if (abortReason === 'timeout') {
    return new ExplorerFailure('TIMEOUT', `${host} did not answer within ${timeoutMs / 1000} s. Check the URL and your network, or raise the timeout in the request options.`);
  }
  if (abortReason === 'cancelled') return new ExplorerFailure('CANCELLED', 'The request was cancelled before it finished.');
  const code = errorCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code && TLS_REASONS[code]) {
    return new ExplorerFailure('TLS', `The secure connection to ${host} was refused because ${TLS_REASONS[code]} (${code}). Check the URL; if it is right, the server's certificate needs fixing.`);
  }
  if ((code && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO')) || /\b(ssl|tls)\b/i.test(message)) {
    return new ExplorerFailure('TLS', `The secure connection to ${host} failed (${code ?? message}). Check that the URL uses the right scheme (http or https) and port.`);
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ExplorerFailure('NETWORK', `The host name ${host} could not be found. Check the URL for typos and that you are online.`);
    case 'ECONNREFUSED':
      return new ExplorerFailure('NETWORK', `${host} refused the connection. Check the host and port, and that the server is running.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new ExplorerFailure('NETWORK', `${host} closed the connection before answering. Try again; if it keeps happening, check proxies or firewalls in between.`);
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return new ExplorerFailure('TIMEOUT', `The connection to ${host} timed out. Check your network or raise the timeout in the request options.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ExplorerFailure('NETWORK', `${host} cannot be reached from this computer. Check your network connection and proxy settings.`);
    default:
      return new ExplorerFailure('NETWORK', `The request to ${host} failed (${code ?? message}). Check the URL and your network, then try again.`);
  }
}
