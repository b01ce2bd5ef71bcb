import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { freshId, startHarness, validReceipt, type Harness } from './helpers';

describe('routing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('matches path literals without regard to case and tolerates a trailing slash where no parameter could follow', async () => {
    const orderId = freshId();
    expect((await h.call('POST', `/Order-Management/V2/ecom/Receipts/${orderId}/`, { body: validReceipt() })).status).toBe(201);
    expect((await h.call('GET', `/ORDER-MANAGEMENT/v2/ecom/${orderId}`)).status).toBe(200);
  });

  it('reads a trailing slash as an empty parameter where the same method takes one there (GET …/agreements/ is not List Agreements)', async () => {
    expect((await h.call('GET', '/recurring/v3/agreements')).status).toBe(200);
    const r = await h.call('GET', '/recurring/v3/agreements/');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ statusCode: 404 });
  });

  it('does not serve Get Charge with an empty chargeId as List Charges (…/charges/ answers 404)', async () => {
    const r = await h.call('GET', '/recurring/v3/agreements/agr_123/charges/');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ statusCode: 404 });
    const empty = await h.call('GET', '/recurring/v3/agreements//charges');
    expect(empty.status).toBe(404);
  });

  it('answers 404 in the gateway shape for an unknown path', async () => {
    const r = await h.call('GET', '/order-management/v9/nothing');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ statusCode: 404 });
  });

  it('answers 404 naming the allowed method for a known path with the wrong method', async () => {
    const r = await h.call('GET', '/accesstoken/get');
    expect(r.status).toBe(404);
    expect(r.json.message).toContain('POST');
  });

  it('keeps connections alive between requests', async () => {
    const r = await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
    expect(r.headers.get('connection')).toBe('keep-alive');
  });

  it('refuses to bind a non-loopback address', async () => {
    const { startSandbox } = await import('../../../electron/sandbox');
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
