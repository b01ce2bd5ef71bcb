import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../electron/backend';
import type { RunEvent } from '../../../shared/model/run';
import { createSseParser } from '../../../renderer/src/api/event-stream';
import { json, startServer, type TestServer } from '../engine/harness';
import { rawRequest, startHostFixture, type HostFixture } from '../../helpers/web-host';

let fixture: HostFixture;
let server: TestServer;
beforeEach(async () => {
  fixture = await startHostFixture();
  server = await startServer((_req, res) => json(res, 200, { ok: true }));
});
afterEach(async () => {
  await fixture.close();
  await server.close();
});

/** Opens GET /events and collects run events until `until` says stop. */
function readEvents(headers: Record<string, string>, until: (events: RunEvent[]) => boolean): Promise<{ status: number; contentType?: string; events: RunEvent[] }> {
  return new Promise((resolve, reject) => {
    const events: RunEvent[] = [];
    const req = http.get({ host: '127.0.0.1', port: fixture.host.port, path: '/events', headers: { host: `127.0.0.1:${fixture.host.port}`, ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve({ status: res.statusCode ?? 0, events });
        return;
      }
      const parse = createSseParser((event, data) => {
        if (event === 'run') events.push(JSON.parse(data) as RunEvent);
        if (until(events)) {
          req.destroy();
          resolve({ status: 200, contentType: res.headers['content-type'], events });
        }
      });
      res.setEncoding('utf8');
      res.on('data', parse);
      // The stream is open: start the run it should see.
      opened?.();
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    let opened: (() => void) | undefined = () => {
      opened = undefined;
      void startRun().catch(reject);
    };
  });
}

async function startRun(): Promise<void> {
  const client = createInProcessClient(fixture.backend, 'test');
  const created = await client.createCollection({ name: 'Streamed' });
  if (!created.ok) throw new Error(created.error.message);
  const item = await client.createItem({ collectionId: created.value.id, parentPath: '', item: { kind: 'request', source: { kind: 'request', request: { name: 'Ping', method: 'GET', url: `${server.url}/ping`, auth: { type: 'none' } } } } });
  if (!item.ok) throw new Error(item.error.message);
  const started = await client.startRun({ collectionId: created.value.id });
  if (!started.ok) throw new Error(started.error.message);
}

describe('the browser host’s event stream', () => {
  it('delivers a run’s events, in order, as Server-Sent Events to a caller with the token', async () => {
    const { status, contentType, events } = await readEvents({ 'x-explorer-token': fixture.host.token }, (seen) => seen.some((e) => e.type === 'run-finished'));
    expect(status).toBe(200);
    expect(contentType).toBe('text/event-stream; charset=utf-8');
    expect(events.map((e) => e.type)).toEqual(['run-started', 'request-started', 'request-finished', 'run-finished']);
    expect(events[2]).toMatchObject({ type: 'request-finished', result: { name: 'Ping', status: 200, passed: true } });
  });

  it('refuses the stream without the token, with a wrong one, or from a foreign origin', async () => {
    expect((await rawRequest(fixture.host.port, { path: '/events', headers: { host: `127.0.0.1:${fixture.host.port}` } })).status).toBe(403);
    expect((await rawRequest(fixture.host.port, { path: '/events', headers: { host: `127.0.0.1:${fixture.host.port}`, 'x-explorer-token': 'wrong' } })).status).toBe(403);
    const foreign = await rawRequest(fixture.host.port, { path: '/events', headers: { host: `127.0.0.1:${fixture.host.port}`, origin: 'https://evil.example', 'x-explorer-token': fixture.host.token } });
    expect(foreign.status).toBe(403);
    const rebinding = await rawRequest(fixture.host.port, { path: '/events', headers: { host: `attacker.example:${fixture.host.port}`, 'x-explorer-token': fixture.host.token } });
    expect(rebinding.status).toBe(403);
    expect(fixture.backend.events.listenerCount).toBe(0);
  });

  it('stops forwarding when the client goes away', async () => {
    await readEvents({ 'x-explorer-token': fixture.host.token }, (seen) => seen.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fixture.backend.events.listenerCount).toBe(0);
  });
});
