import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RequestEngine, type SendInput } from '../../../electron/backend/engine/request-engine';
import { HistoryStore } from '../../../electron/backend/history/history-store';
import { openProfilesDocument } from '../../../electron/backend/profiles/profile-document';
import { ProfileService } from '../../../electron/backend/profiles/profile-service';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';
import { SecretVault } from '../../../electron/backend/vault/secret-vault';
import { HttpRequestSchema, type HttpRequestInput } from '../../../shared/contract/requests';
import { SAMPLE_RECEIPT } from '../../../shared/quickstart/templates';
import { json, randomKeys, startServer, tempFolder, tokenAnswer, type TestServer } from './harness';

describe('production guard', () => {
  let server: TestServer;
  let engine: RequestEngine;
  let liveId = "";
  let dataDir: string;

  beforeEach(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer('prod-token-abcdefghijkl', Math.floor(Date.now() / 1000)));
      json(res, 200, { ok: true });
    });
    dataDir = tempFolder('vx-guard-');
    const notices = new NoticeBoard();
    const vault = new SecretVault({ keychain: new MemoryKeychain() });
    // "Production" is played by the local server; the guard looks at the profile's environment, not the host name.
    const profiles = new ProfileService({
      store: openProfilesDocument({ factory: confStoreFactory, dir: dataDir, notices, sandboxMsn: '123456' }),
      vault,
      sandboxBaseUrl: () => undefined,
      environmentBaseUrls: { production: server.url },
    });
    const live = await profiles.create({ name: 'Live shop', environment: 'production', msn: '777777' }, randomKeys());
    await profiles.setActive(live.id);
    liveId = live.id;
    engine = new RequestEngine({ profiles, history: new HistoryStore({ factory: confStoreFactory, dir: dataDir, notices }), temp: { dataDir, root: tempFolder('vx-guard-tmp-') } });
  });
  afterEach(async () => {
    engine.dispose();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (request: HttpRequestInput, extra: Partial<Omit<SendInput, 'request'>> = {}) => engine.send({ request: HttpRequestSchema.parse(request), profileId: liveId, recordHistory: true, ...extra });
  const apiCalls = () => server.requests.filter((r) => r.url !== '/accesstoken/get');
  const post: HttpRequestInput = { method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: '{}' };

  test('the first state-changing request of a run waits for confirmation, then the run goes on', async () => {
    await expect(send(post, { runId: 'run-1' })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('Production') });
    expect(apiCalls()).toHaveLength(0);
    await expect(send(post, { runId: 'run-1', confirmProduction: true })).resolves.toMatchObject({ status: 200 });
    await expect(send({ method: 'PUT', url: '{{baseUrl}}/order-management/v2/ecom/categories/x', body: '{}' }, { runId: 'run-1' })).resolves.toMatchObject({ status: 200 });
    // A new run asks again.
    await expect(send(post, { runId: 'run-2' })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(apiCalls()).toHaveLength(2);
  });

  test('without a run id every state-changing send is its own run and asks each time', async () => {
    await expect(send(post, { confirmProduction: true })).resolves.toMatchObject({ status: 200 });
    await expect(send(post)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
  });

  test('reads and the token call need no confirmation', async () => {
    await expect(send({ method: 'GET', url: '{{baseUrl}}/epayment/v1/payments/ref-12345678' })).resolves.toMatchObject({ status: 200 });
    await expect(send({ method: 'POST', url: '{{baseUrl}}/accesstoken/get' })).resolves.toMatchObject({ status: 200 });
  });

  const receipt = (body: unknown): HttpRequestInput => ({ method: 'POST', url: '{{baseUrl}}/order-management/v2/ecom/receipts/live-order-1', body: JSON.stringify(body) });
  const goodReceipt = { ...SAMPLE_RECEIPT, bottomLine: { currency: 'NOK', receiptNumber: 'R-1' } };

  test('a receipt asks on its own, naming that it cannot be changed, even inside a confirmed run', async () => {
    await expect(send(post, { runId: 'run-r', confirmProduction: true })).resolves.toMatchObject({ status: 200 });
    await expect(send(receipt(goodReceipt), { runId: 'run-r' })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      message: expect.stringContaining('A receipt for order "live-order-1" can be sent once; it cannot be changed or removed'),
    });
    expect(apiCalls()).toHaveLength(1);
    await expect(send(receipt(goodReceipt), { runId: 'run-r', confirmProduction: true })).resolves.toMatchObject({ status: 200 });
  });

  test('a receipt that breaks a rule is refused before it reaches Production, confirmed or not', async () => {
    const broken = structuredClone(goodReceipt);
    broken.orderLines[0]!.totalTaxAmount = 1;
    await expect(send(receipt(broken), { confirmProduction: true })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('orderLines[0].totalTaxAmount') });
    expect(apiCalls()).toHaveLength(0);
  });

  test('an image upload that breaks a rule is refused before Production, naming that an image id is for good', async () => {
    const image: HttpRequestInput = { method: 'POST', url: '{{baseUrl}}/order-management/v1/images', body: JSON.stringify({ imageId: 'logo-live-1', src: 'data:image/png;base64,AAAA', type: 'base64' }) };
    await expect(send(image, { confirmProduction: true })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('An image with id "logo-live-1" can be uploaded once') });
    expect(apiCalls()).toHaveLength(0);
  });
});
