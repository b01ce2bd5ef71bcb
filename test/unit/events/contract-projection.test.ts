import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventBus } from '../../../electron/backend/events/event-bus';
import { ProjectionMismatch, projectorFor } from '../../../electron/backend/events/contract-projection';
import { contractEvents, type EventMessage } from '../../../shared/contract';

// The event bus no longer runs zod's parse per event (issue 17): each event type's schema is read
// once into a projector. These tests hold the projector to zod: the same payloads pass, with the
// same output (undeclared fields gone, defaults filled in), and the same payloads are refused.

const result = {
  iteration: 2,
  index: 0,
  path: 'orders/get-order.yaml',
  name: 'Get order',
  method: 'GET',
  url: 'http://127.0.0.1:1/order-management/v2/ecom/o-1',
  status: 200,
  statusText: 'OK',
  timeMs: 1.25,
  size: 351,
  assertions: [
    { name: 'is 200', passed: true, skipped: false },
    { name: 'has body', passed: false, message: 'no body' },
  ],
  setVariables: ['orderId'],
  skipped: false,
  passed: false,
};

const summary = {
  runId: 'r-1',
  collectionId: 'c-1',
  path: '',
  name: 'Orders',
  profileId: 'sandbox',
  iterations: 1,
  startedAt: new Date(0).toISOString(),
  finishedAt: new Date(1).toISOString(),
  outcome: 'completed',
  requests: { total: 1, passed: 0, failed: 1 },
  assertions: { total: 2, passed: 1, failed: 1 },
  totalTimeMs: 3,
  results: [result],
};

const valid: Array<[keyof typeof contractEvents, unknown]> = [
  ['run', { type: 'run-started', runId: 'r-1', collectionId: 'c-1', name: 'Orders', profileId: 'sandbox', total: 3, iterations: 2 }],
  ['run', { type: 'request-started', runId: 'r-1', iteration: 0, index: 1, path: 'a/b.yaml', name: 'B', method: 'POST' }],
  ['run', { type: 'request-finished', runId: 'r-1', result }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, error: { code: 'NETWORK', message: 'refused', issues: [{ path: 'url', message: 'bad' }] }, hint: { title: 't', fix: 'f' }, historyId: 'h-1', foreignScriptRequests: [{ method: 'GET', url: 'https://x/', host: 'x', refused: true }] } }],
  ['run', { type: 'console', runId: 'r-1', level: 'warn', message: 'careful' }],
  ['run', { type: 'run-finished', runId: 'r-1', summary }],
  ['collections', { collectionId: 'c-1', reason: 'external' }],
  // A method as typed goes through the schema's own transform: get is GET.
  ['run', { type: 'request-started', runId: 'r-1', iteration: 0, index: 0, path: 'a.yaml', name: 'A', method: 'get' }],
  // A defaulted field left out is filled in; an optional one left out stays out.
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, skipped: undefined, status: undefined, assertions: [{ name: 'n', passed: true }] } }],
];

function withExtras(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => withExtras(v, depth + 1));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { secret: `s3cr3t-${depth}`, internalPath: '/home/me/.config' };
    for (const [key, v] of Object.entries(value)) copy[key] = withExtras(v, depth + 1);
    return copy;
  }
  return value;
}

const invalid: Array<[keyof typeof contractEvents, unknown]> = [
  ['run', null],
  ['run', 'run-started'],
  ['run', { type: 'run-paused', runId: 'r-1' }],
  ['run', { runId: 'r-1' }],
  ['run', { type: 'console', runId: 'r-1', level: 'debug', message: 'x' }],
  ['run', { type: 'console', runId: 7, level: 'log', message: 'x' }],
  ['run', { type: 'request-started', runId: 'r-1', iteration: 0.5, index: 0, path: 'a.yaml', name: 'A', method: 'GET' }],
  ['run', { type: 'request-started', runId: 'r-1', iteration: 0, index: 0, path: '../escape.yaml', name: 'A', method: 'GET' }],
  ['run', { type: 'request-started', runId: 'r-1', iteration: 0, index: 0, path: 'a.yaml', name: 'A', method: 'NOT A METHOD' }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, timeMs: Number.NaN } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, size: Number.POSITIVE_INFINITY } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, passed: 'yes' } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, assertions: {} } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, assertions: [{ name: 'n' }] } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, error: { code: 'NO_SUCH_CODE', message: 'x' } } }],
  ['run', { type: 'request-finished', runId: 'r-1', result: { ...result, setVariables: [1] } }],
  ['run', { type: 'request-finished', runId: 'r-1' }],
  ['run', { type: 'run-finished', runId: 'r-1', summary: { ...summary, outcome: 'exploded' } }],
  ['run', { type: 'run-finished', runId: 'r-1', summary: { ...summary, results: [{ ...result, name: undefined }] } }],
  ['run', { type: 'run-started', runId: 'r-1', collectionId: '', name: 'Orders', profileId: 'sandbox', total: 3, iterations: 2 }],
  ['collections', { collectionId: 'c-1', reason: 'deleted' }],
  ['collections', []],
];

function projected(event: keyof typeof contractEvents, payload: unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: projectorFor(contractEvents[event])(payload) };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('an event type’s schema read once into a projector', () => {
  it('gives what zod gives for every valid event, undeclared fields left behind at every level', () => {
    for (const [event, payload] of [...valid, ...valid.map(([e, p]) => [e, withExtras(p)] as const)]) {
      const zod = contractEvents[event].safeParse(payload);
      expect(zod.success, JSON.stringify(payload)).toBe(true);
      const ours = projected(event, payload);
      expect(ours.ok, JSON.stringify(payload)).toBe(true);
      // toStrictEqual: a key present as undefined and a key left out are different answers.
      expect((ours as { value: unknown }).value).toStrictEqual(zod.data);
      expect(JSON.stringify((ours as { value: unknown }).value)).not.toContain('s3cr3t');
    }
  });

  it('refuses what zod refuses, and says where', () => {
    for (const [event, payload] of invalid) {
      expect(contractEvents[event].safeParse(payload).success, JSON.stringify(payload)).toBe(false);
      const ours = projected(event, payload);
      expect(ours.ok, JSON.stringify(payload)).toBe(false);
      expect((ours as { error: unknown }).error).toBeInstanceOf(ProjectionMismatch);
    }
    const nested = projected('run', { type: 'request-finished', runId: 'r-1', result: { ...result, assertions: [result.assertions[0], { name: 'n' }] } });
    expect((nested as { error: ProjectionMismatch }).error.describe()).toBe('result.assertions.1.passed: expected a boolean');
  });

  it('leaves shapes it does not take apart to zod: strict objects, plain unions, records, nullables', () => {
    const schema = z.object({
      strict: z.object({ a: z.string() }).strict(),
      either: z.union([z.string(), z.number()]),
      map: z.record(z.string(), z.number()),
      maybe: z.string().nullable(),
      list: z.array(z.string()).max(2),
    });
    const project = projectorFor(schema);
    const good = { strict: { a: 'x' }, either: 3, map: { k: 1 }, maybe: null, list: ['a'], extra: true };
    expect(project(good)).toStrictEqual(schema.parse(good));
    for (const bad of [{ ...good, strict: { a: 'x', b: 1 } }, { ...good, either: true }, { ...good, map: { k: 'x' } }, { ...good, list: ['a', 'b', 'c'] }]) {
      expect(schema.safeParse(bad).success).toBe(false);
      expect(() => project(bad)).toThrow(ProjectionMismatch);
    }
  });

  it('hands out a fresh default each time, as zod does', () => {
    const schema = z.object({ tags: z.array(z.string()).default([]) });
    const project = projectorFor(schema);
    const first = project({}) as { tags: string[] };
    first.tags.push('changed');
    expect(project({})).toStrictEqual({ tags: [] });
  });
});

describe('the event bus', () => {
  it('sends the projected payload, and drops an event that does not fit with a line in the log', () => {
    const lines: string[] = [];
    const bus = new EventBus((line) => lines.push(line));
    const got: EventMessage[] = [];
    bus.subscribe(() => {
      throw new Error('a broken listener');
    });
    bus.subscribe((message) => got.push(message));
    bus.publish('run', withExtras({ type: 'console', runId: 'r-1', level: 'log', message: 'hi' }) as never);
    bus.publish('run', { type: 'console', runId: 'r-1', level: 'shout', message: 'hi' } as never);
    expect(got).toStrictEqual([{ event: 'run', payload: { type: 'console', runId: 'r-1', level: 'log', message: 'hi' } }]);
    expect(lines).toEqual(['backend: an event listener failed: a broken listener', 'backend: a "run" event did not match its contract and was dropped: level: expected one of log, info, warn, error']);
  });
});
