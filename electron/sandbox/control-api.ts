import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseDuration, type ClockState } from './clock';
import type { SalesUnit } from './config';
import type { Reply } from './context';
import type { AdvanceResult } from './time-passes';
import type { TriggerResult } from './triggers';

/** The test clock and triggers, in process; the HTTP routes below are a thin layer over them. */
export interface TimeControl {
  clock(): ClockState;
  advanceClock(ms: number): AdvanceResult;
  freezeClock(): ClockState;
  resumeClock(): ClockState;
  trigger(msn: string, event: string): TriggerResult;
  salesUnits(): readonly SalesUnit[];
}

function json(status: number, body: unknown): Reply {
  return { status, body, contentType: 'application/json' };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The control API moves time and makes events, so it wants the sandbox's own keys, sent the way
 * the token endpoint takes them (client_id and client_secret headers). It never lives on a Vipps
 * path: everything here is under /__sandbox.
 */
function authenticate(control: TimeControl, req: IncomingMessage): SalesUnit | null {
  const id = req.headers.client_id;
  const secret = req.headers.client_secret;
  if (typeof id !== 'string' || typeof secret !== 'string') return null;
  return control.salesUnits().find((u) => sameText(u.clientId, id) && sameText(u.clientSecret, secret)) ?? null;
}

function readJson(bodyText: string | null): Record<string, unknown> | null {
  if (bodyText === null || bodyText.trim() === '') return {};
  try {
    const value = JSON.parse(bodyText) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const NEEDS_KEYS = json(401, {
  error: 'credentials-required',
  message: "The sandbox's control API needs a sales unit's keys: send the client_id and client_secret headers (the demo unit's are printed when the sandbox starts).",
});

/** /__sandbox/clock and /__sandbox/trigger; null when the path is not one of them. */
export function handleTimeControl(control: TimeControl, req: IncomingMessage, method: string, route: string, bodyText: string | null): Reply | null {
  if (route !== '/clock' && route !== '/trigger') return null;
  const unit = authenticate(control, req);
  if (!unit) return NEEDS_KEYS;
  if (route === '/clock' && method === 'GET') return json(200, control.clock());
  if (method !== 'POST') return json(405, { error: 'method-not-allowed', message: route === '/clock' ? 'GET reads the clock; POST moves it.' : 'POST a trigger.' });
  const body = readJson(bodyText);
  if (!body) return json(400, { error: 'invalid-json', message: 'The body must be a JSON object.' });
  if (route === '/trigger') {
    if (typeof body.event !== 'string') return json(400, { error: 'event-required', message: 'Send {"event": "epayments.payment.captured.v1"}.' });
    const result = control.trigger(unit.msn, body.event);
    return result.ok ? json(201, result) : json(400, { error: 'unknown-event', message: result.reason });
  }
  if (body.freeze === true) return json(200, control.freezeClock());
  if (body.resume === true) return json(200, control.resumeClock());
  if (body.advance !== undefined) {
    const ms = typeof body.advance === 'number' ? body.advance : typeof body.advance === 'string' ? parseDuration(body.advance) : null;
    if (ms === null) return json(400, { error: 'bad-duration', message: 'advance is a duration such as "90s", "15m", "2h", "1d", or a number of milliseconds.' });
    try {
      return json(200, control.advanceClock(ms));
    } catch (error) {
      return json(400, { error: 'bad-duration', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return json(400, { error: 'nothing-to-do', message: 'Send {"advance": "1h"}, {"freeze": true} or {"resume": true}.' });
}
