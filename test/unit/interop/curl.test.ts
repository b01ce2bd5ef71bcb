import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCurl, findDefectsInSequence, fixAll, importCurl, orderIdOf } from '../../../shared/interop/curl';
import { newRequest, type ApiRequest } from '../../../shared/model/request';
import { reference } from './reference';

const one = (text: string) => {
  const [first] = importCurl(text);
  return first!;
};

/** What a round trip must keep. */
const essence = (r: ApiRequest) => ({ method: r.method, url: r.url, params: r.params, headers: r.headers, body: r.body, auth: r.auth });

describe('curl import', () => {
  it('reads a multi-line command with -X, -H, --data-raw and both kinds of quotes', () => {
    const { request } = one(`curl -X PUT 'https://example.test/orders/1?expand=lines' \\
      -H "Content-Type: application/json" \\
      -H 'X-Note: it'"'"'s fine' \\
      --data-raw '{"a": "b c"}'`);
    expect(request).toMatchObject({
      method: 'PUT',
      url: 'https://example.test/orders/1',
      params: [{ key: 'expand', value: 'lines', enabled: true }],
      headers: [
        { key: 'Content-Type', value: 'application/json', enabled: true },
        { key: 'X-Note', value: "it's fine", enabled: true },
      ],
      body: { mode: 'json', text: '{"a": "b c"}' },
    });
  });

  it("reads $'…' quoting, -u, -d (POST by default), --data-binary and --data-urlencode", () => {
    expect(one(`curl https://x.test/p -d $'line1\\nline2' -H $'X-Tab: a\\tb'`).request).toMatchObject({ method: 'POST', body: { mode: 'text', text: 'line1\nline2' }, headers: [{ key: 'X-Tab', value: 'a\tb' }] });
    expect(one('curl -u ada:secret https://x.test/').request.auth).toEqual({ type: 'basic', username: 'ada', password: 'secret' });
    expect(one(`curl https://x.test/ --data-binary '{"raw":true}'`).request.body).toEqual({ mode: 'text', text: '{"raw":true}', contentType: 'application/x-www-form-urlencoded' });
    expect(one(`curl https://x.test/ -H 'Content-Type: application/json' --data-binary '{"raw":true}'`).request.body).toEqual({ mode: 'json', text: '{"raw":true}' });
    expect(one(`curl https://x.test/form --data-urlencode 'q=a b&c' --data-urlencode 'n=1'`).request.body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { key: 'q', value: 'a b&c', enabled: true },
        { key: 'n', value: '1', enabled: true },
      ],
    });
    expect(one('curl -G https://x.test/search -d q=1 -d r=2').request).toMatchObject({ method: 'GET', params: [{ key: 'q', value: '1' }, { key: 'r', value: '2' }], body: { mode: 'none' } });
  });

  it('reads several commands at once, separated by new lines, ; or &&, and turns $SHELL variables into {{variables}}', () => {
    const all = importCurl(`curl https://x.test/a\ncurl -X DELETE https://x.test/b; curl https://x.test/c -H "Authorization: Bearer $VIPPS_ACCESS_TOKEN" && curl https://x.test/d -H "X-Id: \${ORDER}"`);
    expect(all.map((c) => `${c.request.method} ${c.request.url}`)).toEqual(['GET https://x.test/a', 'DELETE https://x.test/b', 'GET https://x.test/c', 'GET https://x.test/d']);
    expect(all[2]!.request.headers[0]!.value).toBe('Bearer {{access_token}}');
    expect(all[3]!.request.headers[0]!.value).toBe('{{ORDER}}');
    expect(all[1]!.source).toBe('curl -X DELETE https://x.test/b');
  });

  it('lists options it does not carry over, and refuses text without a curl command', () => {
    expect(one('curl -k --cert c.pem https://x.test/').notes).toEqual(['-k (skip TLS checks) was left out: the app always checks certificates.', 'The option --cert does not carry over and was left out.']);
    expect(() => importCurl('wget https://x.test/')).toThrow(/No curl command found/);
    expect(() => importCurl('curl -H "A: b"')).toThrow(/has no URL/);
  });
});

describe('curl export', () => {
  it('keeps keys and the token out of the command: they become shell variables', () => {
    const request = newRequest({
      name: 'token',
      method: 'POST',
      url: '{{base_url}}/accesstoken/get',
      headers: [
        { key: 'client_id', value: 'a-real-client-id', enabled: true },
        { key: 'client_secret', value: '{{client_secret}}', enabled: true },
        { key: 'Authorization', value: 'Bearer {{access_token}}', enabled: true },
      ],
    });
    const { text, shellVariables } = exportCurl(request);
    expect(text).not.toContain('a-real-client-id');
    expect(shellVariables).toEqual(['VIPPS_CLIENT_ID', 'VIPPS_CLIENT_SECRET', 'VIPPS_ACCESS_TOKEN']);
    expect(text).toContain('-H "Authorization: Bearer ${VIPPS_ACCESS_TOKEN}"');
  });

  it('curl → request → curl keeps method, URL, headers and body', () => {
    const original = `curl -X POST 'https://x.test/epayment/v1/payments?x=1' \\
  -H 'Content-Type: application/json' \\
  -H "Authorization: Bearer \${VIPPS_ACCESS_TOKEN}" \\
  -H 'Idempotency-Key: 5d1f' \\
  --data-raw '{"amount": {"value": 1000, "currency": "NOK"}, "text": "it'"'"'s"}'`;
    const first = one(original).request;
    const again = one(exportCurl(first).text).request;
    expect(essence(again)).toEqual(essence(first));
    for (const body of ['a=1&b=2', 'plain text']) {
      const r = one(`curl https://x.test/ -H 'Content-Type: text/plain' --data-raw '${body}'`).request;
      expect(essence(one(exportCurl(r).text).request)).toEqual(essence(r));
    }
  });
});

const quickStart = reference('reference/order-management-quick-start.txt', 'Quick-start curl import');

describe('the published quick start’s curl commands', () => {
  it.skipIf(quickStart.missing)('all import, each with its defects and a one-click fix, and round-trip as curl once fixed', () => {
    const text = readFileSync(quickStart.path, 'utf8');
    const commands = importCurl(text);
    expect(commands.map((c) => `${c.request.method} ${c.request.url.replace('https://apitest.vipps.no', '')}`)).toEqual([
      'POST /accesstoken/get',
      'POST /ecomm/v2/payments/',
      'POST /order-management/v1/images',
      'PUT /order-management/v2/ecom/categories/PAYMENT-ORDER-ID',
      'POST /order-management/v2/ecom/receipts/PAYMENT-ORDER-ID',
      'GET /order-management/v2/ecom/payment12345',
    ]);
    const defects = findDefectsInSequence(commands.map((c) => c.request));
    const kinds = defects.map((list) => [...new Set(list.map((d) => d.kind))].sort());
    expect(kinds[0]).toEqual(['fixed-host', 'placeholder']);
    expect(kinds[1]).toEqual(['fixed-host', 'placeholder', 'trailing-comma']);
    expect(kinds[2]).toEqual(['fixed-host', 'placeholder']);
    expect(kinds[3]).toEqual(['bearer-scheme', 'fixed-host', 'placeholder']);
    expect(kinds[4]).toEqual(['bearer-scheme', 'fixed-host', 'placeholder', 'trailing-comma']);
    expect(kinds[5]).toEqual(['fixed-host', 'order-id-mismatch', 'placeholder']);
    expect(defects[5]!.find((d) => d.kind === 'order-id-mismatch')!.message).toMatch(/"payment12345".*"PAYMENT-ORDER-ID"/);
    expect(defects[2]!.some((d) => /"src" value was cut short/.test(d.message))).toBe(true);

    // Each fix on its own removes its defect, and "fix all" leaves none.
    defects.forEach((list, i) => {
      const before = i === 0 ? undefined : orderIdOf(commands[0]!.request) ?? orderIdOf(commands[1]!.request);
      for (const defect of list) {
        const after = findDefectsInSequence([...commands.slice(0, i).map((c) => c.request), defect.fix.request])[i]!;
        expect(after.filter((d) => d.kind === defect.kind && d.message === defect.message)).toEqual([]);
      }
      const fixed = fixAll(commands[i]!.request, before);
      expect(findDefectsInSequence([...commands.slice(0, i).map((c) => c.request), fixed])[i]).toEqual([]);
      expect(essence(one(exportCurl(fixed).text).request)).toEqual(essence(fixed));
    });
    const fixedReceipt = fixAll(commands[4]!.request, 'PAYMENT-ORDER-ID');
    expect(fixedReceipt.url).toBe('{{base_url}}/order-management/v2/ecom/receipts/{{orderId}}');
    expect(fixedReceipt.headers.find((h) => h.key === 'Authorization')!.value).toBe('Bearer {{access_token}}');
    expect(() => JSON.parse((fixedReceipt.body as { text: string }).text)).not.toThrow();
    expect(fixAll(commands[5]!.request, 'PAYMENT-ORDER-ID').url).toBe('{{base_url}}/order-management/v2/ecom/{{orderId}}');
  });
});
