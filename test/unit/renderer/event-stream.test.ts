import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../renderer/src/api/client';
import { createSseParser } from '../../../renderer/src/api/event-stream';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
    },
  });
}

describe('the renderer’s event subscription over the browser host', () => {
  it('parses events split across chunks, skipping comments', () => {
    const seen: Array<[string, string]> = [];
    const parse = createSseParser((event, data) => seen.push([event, data]));
    parse('retry: 2000\n: connected\n\nevent: ru');
    parse('n\ndata: {"a":1}\n');
    parse('\n: ping\n\nevent: collections\r\ndata: {"b":2}\r\n\r\n');
    expect(seen).toEqual([
      ['run', '{"a":1}'],
      ['collections', '{"b":2}'],
    ]);
  });

  it('opens GET /events with the launch token on the first subscribe and delivers payloads to that event’s listeners', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    let signal: AbortSignal | undefined;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      signal = init?.signal ?? undefined;
      return new Response(streamOf(['event: run\ndata: {"type":"console","runId":"r","level":"log","message":"hi"}\n\n', 'event: collections\ndata: {"collectionId":"c","reason":"saved"}\n\n']), { status: 200 });
    }) as unknown as typeof fetch;
    const client = createHttpClient('tok-123', fetchImpl);
    const runs: unknown[] = [];
    const stop = client.subscribe('run', (payload) => runs.push(payload));
    await expect.poll(() => runs.length).toBe(1);
    expect(runs[0]).toEqual({ type: 'console', runId: 'r', level: 'log', message: 'hi' });
    expect(calls[0]!.url).toBe('/events');
    expect((calls[0]!.init?.headers as Record<string, string>)['x-explorer-token']).toBe('tok-123');
    stop();
    expect(signal?.aborted).toBe(true);
  });

  it('does not open a stream without a launch token', () => {
    let called = false;
    const client = createHttpClient(null, (async () => {
      called = true;
      return new Response('');
    }) as unknown as typeof fetch);
    client.subscribe('run', () => {})();
    expect(called).toBe(false);
  });
});
