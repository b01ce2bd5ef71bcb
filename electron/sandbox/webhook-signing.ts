import { createHash, createHmac } from 'node:crypto';

export interface SignedHeaders {
  'x-ms-date': string;
  'x-ms-content-sha256': string;
  authorization: string;
}

/**
 * The signature Vipps MobilePay puts on webhook requests: a SHA-256 of the body in
 * x-ms-content-sha256, and an HMAC-SHA256 (keyed with the webhook's secret) over
 * "POST\n<path and query>\n<x-ms-date>;<host>;<content hash>" in Authorization.
 */
export function signWebhook(input: { secret: string; pathAndQuery: string; host: string; date: string; body: string }): SignedHeaders {
  const contentHash = createHash('sha256').update(input.body, 'utf8').digest('base64');
  const toSign = `POST\n${input.pathAndQuery}\n${input.date};${input.host};${contentHash}`;
  const signature = createHmac('sha256', input.secret).update(toSign, 'utf8').digest('base64');
  return {
    'x-ms-date': input.date,
    'x-ms-content-sha256': contentHash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}
