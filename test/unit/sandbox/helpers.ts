import { deflateSync } from 'node:zlib';
import { pngChunk as chunk } from '../vipps/image-bytes';
import { startSandbox, DEMO_SALES_UNIT, type RunningSandbox, type SandboxOptions } from '../../../electron/sandbox';
import type { SalesUnit } from '../../../electron/sandbox/config';

export const START = Date.parse('2030-01-15T10:00:00Z');

export interface Harness {
  sandbox: RunningSandbox;
  clock: { now: number };
  url(path: string): string;
  token(unit?: SalesUnit): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is (for malformed JSON); wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  unit?: SalesUnit;
  /** false: no Authorization header at all. */
  auth?: boolean;
  omitHeaders?: string[];
}

/**
 * Response bodies are probed field by field in assertions; a precise type per endpoint would
 * only restate what the assertions check.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

export interface CallResult {
  status: number;
  contentType: string;
  text: string;
  json: LooseJson;
  headers: Headers;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const clock = { now: START };
  // Existing suites drive approval themselves (force approve); the customer tests opt in to 'auto'.
  const sandbox = await startSandbox({ now: () => clock.now, ...options, config: { customer: 'manual', ...options.config } });
  const tokens = new Map<string, string>();
  const url = (path: string) => `${sandbox.baseUrl}${path}`;

  async function token(unit: SalesUnit = DEMO_SALES_UNIT): Promise<string> {
    const cached = tokens.get(unit.clientId);
    if (cached) return cached;
    const res = await fetch(url('/accesstoken/get'), {
      method: 'POST',
      headers: { client_id: unit.clientId, client_secret: unit.clientSecret, 'Ocp-Apim-Subscription-Key': unit.subscriptionKey },
    });
    const body = (await res.json()) as { access_token: string };
    tokens.set(unit.clientId, body.access_token);
    return body.access_token;
  }

  async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const unit = options.unit ?? DEMO_SALES_UNIT;
    const headers: Record<string, string> = {
      'Ocp-Apim-Subscription-Key': unit.subscriptionKey,
      'Merchant-Serial-Number': unit.msn,
    };
    if (options.auth !== false) headers.Authorization = `Bearer ${await token(unit)}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, options.headers);
    for (const name of options.omitHeaders ?? []) delete headers[name];
    const res = await fetch(url(path), { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json, headers: res.headers };
  }

  return { sandbox, clock, url, token, call, close: () => sandbox.close() };
}

export const SECOND_UNIT: SalesUnit = {
  name: 'Second test unit',
  clientId: 'c2d3e4f5-0000-4000-8000-000000000002',
  clientSecret: 'second-unit-secret-value',
  subscriptionKey: '0000000000000000000000000000beef',
  msn: '654321',
};

export function validReceipt(): LooseJson {
  return {
    orderLines: [
      { name: 'Socks', id: 'socks_1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500 },
    ],
    bottomLine: { currency: 'NOK' },
  };
}

let counter = 0;
/** A fresh id per call so tests never collide on write-once data. */
export function freshId(prefix = 'order'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A real, decodable greyscale PNG of the given size. */
export function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The JPEG header and the upload body are the image rules' own builders (one copy).
export { imageBody, makeJpegHeader } from '../vipps/image-bytes';

export { DEMO_SALES_UNIT };
