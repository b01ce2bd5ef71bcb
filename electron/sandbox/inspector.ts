import type { IncomingMessage } from 'node:http';
import { FaultUpdateSchema, type FaultConfig, type FaultUpdate } from './config';
import type { Reply } from './context';
import type { RequestLogEntry } from './request-log';
import type { SandboxSnapshot, SnapshotPage } from './snapshot';
import type { WebhookDelivery, WebhookRegistration } from './webhook-delivery';
import { handleTimeControl, type TimeControl } from './control-api';
import { quote } from './text';
import type { StoredImage } from './state';

export const INSPECTOR_PREFIX = '/__sandbox';

/** The in-process control surface; the HTTP routes below are a thin layer over it. */
export interface SandboxControl extends TimeControl {
  inspect(page?: SnapshotPage): SandboxSnapshot;
  requestLog(limit?: number): RequestLogEntry[];
  webhookDeliveries(limit?: number): WebhookDelivery[];
  /** Registrations without their secrets. */
  webhooks(): Array<Omit<WebhookRegistration, 'secret'>>;
  reset(): void;
  setFaults(update: FaultUpdate): FaultConfig;
  image(imageId: string, msn?: string): StoredImage | null;
  describe(): unknown;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function json(status: number, body: unknown): Reply {
  return { status, body, contentType: 'application/json' };
}

function refuse(status: number, code: string, message: string): Reply {
  return json(status, { error: code, message });
}

const LANDING_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Vipps sandbox</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Vipps sandbox</h1>
<p>This page stands in for the Vipps MobilePay landing page and app. Nothing is paid here.</p>
<p>A simulated customer answers each payment and agreement as the sandbox's test rules say (approve,
unless a magic amount or a test phone number says otherwise). With the customer set to manual, approve
with the test endpoint (force approve / force accept) from the explorer.</p></body></html>`;

export function isInspectorPath(path: string): boolean {
  return path.length >= INSPECTOR_PREFIX.length && path.slice(0, INSPECTOR_PREFIX.length).toLowerCase() === INSPECTOR_PREFIX;
}

/**
 * Read-only views and a few controls under /__sandbox. Only loopback Host names are served
 * (DNS rebinding), and writes need a JSON content type, which a web page cannot send to
 * another origin without a preflight this server never approves.
 */
export function handleInspector(control: SandboxControl, req: IncomingMessage, path: string, query: string, bodyText: string | null): Reply {
  if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return refuse(403, 'forbidden-host', 'The sandbox inspector answers loopback host names only.');
  const method = req.method ?? 'GET';
  const rest = path.slice(INSPECTOR_PREFIX.length).replace(/\/$/, '');
  const lower = rest.toLowerCase();
  const params = new URLSearchParams(query);
  const isWrite = method === 'POST' || method === 'PUT';
  if (isWrite && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return refuse(415, 'json-required', 'Send control requests with Content-Type: application/json.');
  }
  if (method === 'GET' && lower === '') return json(200, control.describe());
  if (method === 'GET' && lower === '/state') {
    const offset = Number(params.get('offset') ?? '0');
    const limit = Number(params.get('limit') ?? '200');
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return refuse(400, 'bad-page', 'offset must be a whole number from 0, and limit one from 1 to 1000.');
    }
    return json(200, control.inspect({ offset, limit }));
  }
  if (method === 'GET' && lower === '/webhooks') return json(200, { webhooks: control.webhooks(), deliveries: control.webhookDeliveries() });
  if (method === 'GET' && lower === '/log') {
    const limit = Number(params.get('limit') ?? '');
    return json(200, { entries: control.requestLog(Number.isInteger(limit) && limit > 0 ? limit : undefined) });
  }
  if (method === 'POST' && lower === '/reset') {
    control.reset();
    return json(200, { reset: true });
  }
  if (method === 'GET' && lower === '/faults') return json(200, control.inspect().faults);
  if (method === 'PUT' && lower === '/faults') {
    let input: unknown;
    try {
      input = JSON.parse(bodyText ?? '');
    } catch {
      return refuse(400, 'invalid-json', 'The body must be a JSON object of fault settings.');
    }
    const parsed = FaultUpdateSchema.safeParse(input);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return refuse(400, 'invalid-faults', `Fault settings not accepted: ${where}`);
    }
    return json(200, control.setFaults(parsed.data));
  }
  if (method === 'GET' && lower.startsWith('/images/')) {
    let imageId: string;
    try {
      imageId = decodeURIComponent(rest.slice('/images/'.length));
    } catch {
      return refuse(400, 'bad-path', 'The image id in the path is not valid percent-encoding.');
    }
    const image = control.image(imageId, params.get('msn') ?? undefined);
    if (!image) return refuse(404, 'not-found', `No image ${quote(imageId)} is stored (or several sales units have one: add ?msn=).`);
    return { status: 200, raw: image.bytes, contentType: image.contentType, headers: { 'cache-control': 'no-store' } };
  }
  const timed = handleTimeControl(control, req, method, lower, bodyText);
  if (timed) return timed;
  if (method === 'GET' && lower === '/landing') return { status: 200, raw: LANDING_HTML, contentType: 'text/html; charset=utf-8' };
  return refuse(404, 'not-found', `No sandbox control route ${quote(method, 20)} ${quote(path)}.`);
}
