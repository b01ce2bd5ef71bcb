export type StatusTone = 'ok' | 'info' | 'warning' | 'error';

export interface StatusMeaning {
  /** The reason phrase, used when the server sends none (HTTP/2 has no reason phrases). */
  phrase: string;
  /** What the status means for the person who sent the request, in our words. */
  meaning: string;
  tone: StatusTone;
}

const MEANINGS: Record<number, StatusMeaning> = {
  200: { phrase: 'OK', meaning: 'The request worked.', tone: 'ok' },
  201: { phrase: 'Created', meaning: 'The request worked and something new was stored.', tone: 'ok' },
  202: { phrase: 'Accepted', meaning: 'The request was taken in; the work finishes later.', tone: 'ok' },
  204: { phrase: 'No Content', meaning: 'The request worked; there is no body to show.', tone: 'ok' },
  301: { phrase: 'Moved Permanently', meaning: 'The address has moved for good: use the new one from the Location header.', tone: 'info' },
  302: { phrase: 'Found', meaning: 'The answer is at another address (see the Location header).', tone: 'info' },
  304: { phrase: 'Not Modified', meaning: 'Nothing changed since the copy you already have.', tone: 'info' },
  307: { phrase: 'Temporary Redirect', meaning: 'Send the same request to the address in the Location header.', tone: 'info' },
  308: { phrase: 'Permanent Redirect', meaning: 'The address has moved for good: send the same request to the new one.', tone: 'info' },
  400: { phrase: 'Bad Request', meaning: 'The server rejected the request: see the fields below.', tone: 'error' },
  401: {
    phrase: 'Unauthorized',
    meaning: 'The keys or the access token were not accepted: check the keys in the profile; the token may have expired.',
    tone: 'error',
  },
  403: {
    phrase: 'Forbidden',
    meaning: 'The keys were recognised but may not do this: check that the sales unit (Merchant-Serial-Number) has access to this API.',
    tone: 'error',
  },
  404: { phrase: 'Not Found', meaning: 'Nothing was found at this address: check the URL and the order id or reference in it.', tone: 'error' },
  405: { phrase: 'Method Not Allowed', meaning: 'This address does not take this method: check GET, POST, PUT…', tone: 'error' },
  409: { phrase: 'Conflict', meaning: 'Conflict: the request clashes with what the server already has, for example something that may only be sent once.', tone: 'error' },
  415: { phrase: 'Unsupported Media Type', meaning: 'The server does not take this kind of body: send JSON with Content-Type: application/json.', tone: 'error' },
  422: { phrase: 'Unprocessable Content', meaning: 'The JSON was read, but some values were not accepted: see the fields below.', tone: 'error' },
  429: { phrase: 'Too Many Requests', meaning: 'Too many requests in a short time: wait a little and send again.', tone: 'warning' },
  500: { phrase: 'Internal Server Error', meaning: 'Something broke on the server side, not in your request: try again in a moment.', tone: 'error' },
  502: { phrase: 'Bad Gateway', meaning: 'A gateway in front of the API got no usable answer: try again in a moment.', tone: 'error' },
  503: { phrase: 'Service Unavailable', meaning: 'The service is down or overloaded: try again later.', tone: 'error' },
  504: { phrase: 'Gateway Timeout', meaning: 'A gateway in front of the API gave up waiting: try again in a moment.', tone: 'error' },
};

export function statusMeaning(status: number): StatusMeaning {
  const known = MEANINGS[status];
  if (known) return known;
  if (status >= 200 && status < 300) return { phrase: 'Success', meaning: 'The request worked.', tone: 'ok' };
  if (status >= 300 && status < 400) return { phrase: 'Redirect', meaning: 'The answer points to another address.', tone: 'info' };
  if (status >= 400 && status < 500) return { phrase: 'Client Error', meaning: 'The server did not accept the request: read the body for the reason.', tone: 'error' };
  if (status >= 500) return { phrase: 'Server Error', meaning: 'Something went wrong on the server side: try again later.', tone: 'error' };
  return { phrase: 'Informational', meaning: 'An interim answer; the final one should follow.', tone: 'info' };
}
