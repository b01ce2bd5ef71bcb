import { describe, expect, it } from 'vitest';
import { findDefects, findDefectsInSequence, fixAll, orderIdOf } from '../../../shared/interop/curl/defects';
import { ApiRequestSchema, type ApiRequest, type ApiRequestInput } from '../../../shared/model/request';

// The mistakes pasted curl commands carry (the published OM quick start has them, reference §7),
// each found and fixed in one click.
const request = (over: Partial<ApiRequestInput> = {}): ApiRequest => ApiRequestSchema.parse({ name: 'pasted', method: 'POST', url: '{{base_url}}/order-management/v2/ecom/receipts/order-1', ...over });
const json = (text: string) => ({ mode: 'json' as const, text });
const kinds = (r: ApiRequest, earlier?: string) => findDefects(r, earlier).map((d) => d.kind);

describe('JSON sent as a form', () => {
  const form = (text: string, headers: ApiRequestInput['headers'] = []) => request({ body: { mode: 'text', text, contentType: 'application/x-www-form-urlencoded' }, headers });

  it('is found when a JSON object or list goes out as a form for want of a Content-Type, and fixed by adding one', () => {
    const [defect] = findDefects(form('{"a": 1,}'));
    expect(defect?.kind).toBe('json-as-form');
    expect(defect?.message).toMatch(/no Content-Type/);
    expect(defect?.fix.request.headers).toEqual([{ key: 'Content-Type', value: 'application/json', enabled: true }]);
    expect(defect?.fix.request.body).toEqual({ mode: 'json', text: '{"a": 1,}' });
    expect(kinds(form('[1, 2]'))).toEqual(['json-as-form']);
    expect(kinds(request({ body: { mode: 'text', text: '{}', contentType: 'Application/X-WWW-Form-Urlencoded' } }))).toEqual(['json-as-form']);
  });

  it('is not found for a real form, a JSON scalar, another content type or a Content-Type the command gives', () => {
    expect(kinds(form('a=1&b=2'))).toEqual([]);
    expect(kinds(form('"text"'))).toEqual([]);
    expect(kinds(form('42'))).toEqual([]);
    expect(kinds(request({ body: { mode: 'text', text: '{}', contentType: 'text/plain' } }))).toEqual([]);
    expect(kinds(request({ body: { mode: 'text', text: '{}' } }))).toEqual([]);
    expect(kinds(form('{}', [{ key: 'content-type', value: 'application/x-www-form-urlencoded', enabled: true }]))).toEqual([]);
    // A header switched off is not sent, so curl still labels the body a form.
    expect(kinds(form('{}', [{ key: 'Content-Type', value: 'application/json', enabled: false }]))).toEqual(['json-as-form']);
  });
});

describe('trailing commas', () => {
  it('are counted with their lines and removed by the fix, in JSON bodies only', () => {
    const one = findDefects(request({ body: json('{\n  "a": 1,\n}') }));
    expect(one.map((d) => d.message)).toEqual(['The JSON body has a trailing comma (line 2); JSON allows none, and the server answers 400.']);
    expect(one[0]?.fix.request.body).toEqual({ mode: 'json', text: '{\n  "a": 1\n}' });
    const two = findDefects(request({ body: json('{"a": [1,],\n"b": 2,}') }));
    expect(two[0]?.message).toBe('The JSON body has 2 trailing commas (line 1, 2); JSON allows none, and the server answers 400.');
    expect(kinds(request({ body: { mode: 'text', text: '{"a": 1,}' } }))).toEqual([]);
    expect(kinds(request({ body: json('{"a": 1}') }))).toEqual([]);
  });
});

describe('the Bearer scheme', () => {
  const auth = (value: string, key = 'Authorization') => request({ headers: [{ key, value, enabled: true }] });
  it('is found when glued to another word or written in the wrong case, and fixed to "Bearer "', () => {
    const [defect] = findDefects(auth('YOUBearer abc'));
    expect(defect?.message).toBe('The Authorization header uses the scheme "YOUBearer"; the server expects "Bearer" and answers 401.');
    expect(defect?.fix.label).toBe('Write "Bearer" instead of "YOUBearer"');
    expect(defect?.fix.request.headers[0]?.value).toBe('Bearer abc');
    expect(findDefects(auth('bearer abc', 'authorization'))[0]?.fix.request.headers[0]?.value).toBe('Bearer abc');
    expect(findDefects(auth('  BEARER\tabc'))[0]?.fix.request.headers[0]?.value).toBe('Bearer abc');
  });

  it('is not found for a correct Bearer, another scheme or another header', () => {
    expect(kinds(auth('Bearer abc'))).toEqual([]);
    expect(kinds(auth(' Bearer abc'))).toEqual([]);
    expect(kinds(auth('Basic abc'))).toEqual([]);
    expect(kinds(auth('YOUBearer abc', 'X-Authorization'))).toEqual([]);
    expect(kinds(auth('Bearerabc'))).toEqual([]);
  });

  it('fixes only the header it found', () => {
    const r = request({ headers: [{ key: 'X-Note', value: 'YOUBearer x', enabled: true }, { key: 'Authorization', value: 'YOUBearer t', enabled: true }] });
    expect(findDefects(r)[0]?.fix.request.headers.map((h) => h.value)).toEqual(['YOUBearer x', 'Bearer t']);
  });
});

describe('placeholders from the docs', () => {
  it('become the variable they stand for, everywhere the request holds text', () => {
    const r = request({
      url: 'https://example.test/YOUR-MSN/x',
      params: [{ key: 'k', value: 'YOUR-MSN', enabled: true }],
      headers: [{ key: 'client_id', value: 'YOUR-CLIENT-ID', enabled: true }],
      body: json('{"msn": "YOUR-MSN"}'),
    });
    const defects = findDefects(r);
    expect(defects.map((d) => d.fix.label)).toEqual(['Use {{merchantSerialNumber}}', 'Use {{client_id}}']);
    expect(defects[0]?.message).toBe('"YOUR-MSN" is a placeholder from the docs, not a value. It becomes {{merchantSerialNumber}}, which your profile or an earlier step fills.');
    const fixed = defects[0]!.fix.request;
    expect(fixed.url).toBe('https://example.test/{{merchantSerialNumber}}/x');
    expect(fixed.params[0]?.value).toBe('{{merchantSerialNumber}}');
    expect(fixed.body).toEqual(json('{"msn": "{{merchantSerialNumber}}"}'));
    expect(fixed.headers[0]?.value).toBe('YOUR-CLIENT-ID');
  });

  it('name unknown ones after their words, and fix a text body too', () => {
    const r = request({ url: 'https://example.test/x', body: { mode: 'text', text: 'ref=YOUR-ORDER-REF-2' } });
    const [defect] = findDefects(r);
    expect(defect?.fix.label).toBe('Use {{orderRef2}}');
    expect(defect?.fix.request.body).toEqual({ mode: 'text', text: 'ref={{orderRef2}}' });
    expect(findDefects(request({ url: 'https://example.test/PAYMENT-ORDER-ID' }))[0]?.fix.label).toBe('Use {{orderId}}');
    expect(findDefects(request({ headers: [{ key: 'Ocp-Apim-Subscription-Key', value: 'YOUR-SUBSCRIPTION-KEY', enabled: true }], url: 'https://example.test/' }))[0]?.fix.label).toBe('Use {{Ocp-Apim-Subscription-Key}}');
    expect(kinds(request({ url: 'https://example.test/MYYOUR-MSN' }))).toEqual([]);
  });

  it('include values the docs cut short, which become a variable of the field’s name', () => {
    const r = request({ url: 'https://example.test/v1/images', body: json('{"imageId": "a", "src": "iVBORw0KGgo… <truncated>", "type": "base64"}') });
    const [defect] = findDefects(r);
    expect(defect?.message).toBe('The "src" value was cut short in the docs ("<…>" is still in it); it cannot be sent as it is. It becomes {{src}}, for you to fill.');
    expect(defect?.fix.request.body).toEqual(json('{"imageId": "a", "src": "{{src}}", "type": "base64"}'));
    expect(kinds(request({ url: 'https://example.test/', body: json('{"src" : "<the image bytes>"}') }))).toEqual(['placeholder']);
    expect(kinds(request({ url: 'https://example.test/', body: json('{"note": "a < b > c"}') }))).toEqual([]);
  });
});

describe('orderIdOf', () => {
  it('reads the order id from Order Management, eCom and ePayment paths, URL-decoded', () => {
    expect(orderIdOf(request({ url: '{{base_url}}/order-management/v2/ecom/categories/order%2D1' }))).toBe('order-1');
    expect(orderIdOf(request({ url: '{{base_url}}/order-management/v2/recurring/receipts/chr-1?x=1' }))).toBe('chr-1');
    expect(orderIdOf(request({ url: '{{base_url}}/order-management/v2/ecom/order-2/' }))).toBe('order-2');
    expect(orderIdOf(request({ url: '{{base_url}}/ecomm/v2/payments/order-3/capture' }))).toBe('order-3');
    expect(orderIdOf(request({ url: 'https://api.vipps.no/Ecomm/v2/payments/order-4/details' }))).toBe('order-4');
    expect(orderIdOf(request({ url: '{{base_url}}/epayment/v1/payments/ref-12345678/cancel' }))).toBe('ref-12345678');
  });

  it('reads it from an eCom or ePayment body otherwise, and gives none for an image or a token call', () => {
    expect(orderIdOf(request({ url: '{{base_url}}/ecomm/v2/payments', body: json('{"transaction": {"orderId": "order-5",},}') }))).toBe('order-5');
    expect(orderIdOf(request({ url: '{{base_url}}/epayment/v1/payments', body: json('{"reference": "ref-6"}') }))).toBe('ref-6');
    expect(orderIdOf(request({ url: '{{base_url}}/epayment/v1/payments', body: json('{"reference": 6}') }))).toBeUndefined();
    expect(orderIdOf(request({ url: '{{base_url}}/order-management/v1/images', body: json('{"imageId": "i"}') }))).toBeUndefined();
    expect(orderIdOf(request({ url: '{{base_url}}/accesstoken/get' }))).toBeUndefined();
  });
});

describe('an order id that differs from the earlier steps', () => {
  it('is found and replaced by the earlier one', () => {
    const r = request({ url: '{{base_url}}/order-management/v2/ecom/receipts/order-2', body: json('{"orderId": "order-2"}') });
    const [defect] = findDefects(r, 'order-1');
    expect(defect?.kind).toBe('order-id-mismatch');
    expect(defect?.message).toBe('This request uses the order id "order-2", but the earlier steps used "order-1"; it would act on another order (404).');
    expect(defect?.fix.request.url).toBe('{{base_url}}/order-management/v2/ecom/receipts/order-1');
    expect(defect?.fix.request.body).toEqual(json('{"orderId": "order-1"}'));
  });

  it('counts a placeholder and the variable it becomes as the same order', () => {
    expect(kinds(request({ url: '{{base_url}}/order-management/v2/ecom/receipts/{{orderId}}' }), 'PAYMENT-ORDER-ID')).toEqual([]);
    const [defect] = findDefects(request({ url: '{{base_url}}/order-management/v2/ecom/receipts/other-1' }), 'PAYMENT-ORDER-ID');
    expect(defect?.fix.label).toBe('Use {{orderId}}');
    expect(defect?.fix.request.url).toBe('{{base_url}}/order-management/v2/ecom/receipts/{{orderId}}');
  });

  it('is not looked for without an earlier id, or when this request names none', () => {
    expect(kinds(request())).toEqual([]);
    expect(kinds(request({ url: '{{base_url}}/accesstoken/get' }), 'order-1')).toEqual([]);
    expect(kinds(request(), 'order-1')).toEqual([]);
  });
});

describe('a fixed Vipps host', () => {
  it('is found for the test and production hosts and replaced by {{base_url}}', () => {
    const [defect] = findDefects(request({ url: 'https://apitest.vipps.no/order-management/v1/images' }));
    expect(defect?.kind).toBe('fixed-host');
    expect(defect?.fix.request.url).toBe('{{base_url}}/order-management/v1/images');
    expect(findDefects(request({ url: 'HTTPS://API.VIPPS.NO' }))[0]?.fix.request.url).toBe('{{base_url}}');
  });

  it('is not found for other hosts, look-alikes or plain http', () => {
    for (const url of ['https://api.vipps.no.example.com/x', 'https://myapi.vipps.no/x', 'http://api.vipps.no/x', 'https://example.test/?h=https://api.vipps.no/']) expect(kinds(request({ url })), url).toEqual([]);
  });
});

describe('commands pasted together', () => {
  it('check each order id against the first one any command used', () => {
    const sequence = [
      request({ url: '{{base_url}}/accesstoken/get' }),
      request({ url: '{{base_url}}/order-management/v2/ecom/categories/order-1' }),
      request({ url: '{{base_url}}/order-management/v2/ecom/receipts/order-2' }),
      request({ url: '{{base_url}}/order-management/v2/ecom/order-1' }),
    ];
    expect(findDefectsInSequence(sequence).map((d) => d.map((x) => x.kind))).toEqual([[], [], ['order-id-mismatch'], []]);
  });

  it('fix all applies every fix in turn until none is left', () => {
    const r = request({
      url: 'https://apitest.vipps.no/order-management/v2/ecom/receipts/order-2',
      headers: [{ key: 'Authorization', value: 'YOUBearer YOUR-ACCESS-TOKEN', enabled: true }],
      body: json('{"a": 1,}'),
    });
    const fixed = fixAll(r, 'order-1');
    expect(fixed.url).toBe('{{base_url}}/order-management/v2/ecom/receipts/order-1');
    expect(fixed.headers[0]?.value).toBe('Bearer {{access_token}}');
    expect(fixed.body).toEqual(json('{"a": 1}'));
    expect(findDefects(fixed, 'order-1')).toEqual([]);
    expect(fixAll(request())).toEqual(request());
  });
});
