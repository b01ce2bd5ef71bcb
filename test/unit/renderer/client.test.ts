// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract';
import { createExplorerClient, createHttpClient, takeLaunchToken } from '../../../renderer/src/api/client';

afterEach(() => {
  delete window.explorer;
  window.sessionStorage.clear();
});

describe('renderer client', () => {
  it('has one function per contract method', () => {
    const client = createHttpClient('t');
    expect(Object.keys(client).sort()).toEqual([...methodNames, 'subscribe'].sort());
  });

  it('posts to /rpc/<method> with the launch token header and the input', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { dismissed: true } }));
    }) as unknown as typeof fetch;
    const result = await createHttpClient('tok', fetchImpl).dismissNotice({ id: 'n1' });
    expect(result).toEqual({ ok: true, value: { dismissed: true } });
    expect(seen[0]?.url).toBe('/rpc/dismissNotice');
    expect((seen[0]?.init.headers as Record<string, string>)['x-explorer-token']).toBe('tok');
    expect(JSON.parse(seen[0]?.init.body as string)).toEqual({ input: { id: 'n1' } });
  });

  it('explains a refused call instead of throwing', async () => {
    const fetchImpl = (async () => new Response('{}', { status: 403 })) as unknown as typeof fetch;
    const result = await createHttpClient('tok', fetchImpl).getStatus({});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('explains an unreachable host instead of throwing', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const result = await createHttpClient('tok', fetchImpl).getStatus({});
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
  });

  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc_DEF-123');
    expect(takeLaunchToken()).toBe('abc_DEF-123');
    expect(window.location.hash).toBe('');
    expect(takeLaunchToken()).toBe('abc_DEF-123');
  });

  it('uses the preload bridge when it is present', () => {
    const bridge = { marker: true } as unknown as NonNullable<Window['explorer']>;
    window.explorer = bridge;
    expect(createExplorerClient()).toBe(bridge);
  });
});
