/**
 * A Postman v2.1 collection and environment that both newman and vipps-explorer run unchanged:
 * the Order Management flow written the way Vipps' own collections write it (the token request
 * sets `access_token` from a test script, later requests send it as a Bearer header).
 */
export interface PostmanFlowFiles {
  collection: object;
  environment: object;
}

const header = (key: string, value: string) => ({ key, value });
const vippsHeaders = [
  header('Authorization', 'Bearer {{access_token}}'),
  header('Ocp-Apim-Subscription-Key', '{{Ocp-Apim-Subscription-Key}}'),
  header('Merchant-Serial-Number', '{{merchantSerialNumber}}'),
  header('Content-Type', 'application/json'),
];

function item(name: string, method: string, path: string, options: { headers?: object[]; body?: object; prerequest?: string[]; test: string[] }) {
  return {
    name,
    event: [
      ...(options.prerequest ? [{ listen: 'prerequest', script: { type: 'text/javascript', exec: options.prerequest } }] : []),
      { listen: 'test', script: { type: 'text/javascript', exec: options.test } },
    ],
    request: {
      method,
      header: options.headers ?? vippsHeaders,
      ...(options.body ? { body: { mode: 'raw', raw: JSON.stringify(options.body, null, 2), options: { raw: { language: 'json' } } } } : {}),
      url: { raw: `{{base_url}}${path}`, host: ['{{base_url}}'], path: path.split('/').filter(Boolean) },
    },
  };
}

const tokenItem = item('Get access token', 'POST', '/accesstoken/get', {
  headers: [header('client_id', '{{client_id}}'), header('client_secret', '{{client_secret}}'), header('Ocp-Apim-Subscription-Key', '{{Ocp-Apim-Subscription-Key}}'), header('Merchant-Serial-Number', '{{merchantSerialNumber}}')],
  test: ["pm.test('token issued', function () { pm.response.to.have.status(200); });", "pm.environment.set('access_token', pm.response.json().access_token);"],
});

/** `scripts: false` drops every script (the token is then not stored: fine for a one-request run). */
export function postmanFlow(options: { oneRequest?: boolean; scripts?: boolean } = {}): PostmanFlowFiles {
  const flow = [
    tokenItem,
    item('Create payment', 'POST', '/epayment/v1/payments', {
      headers: [...vippsHeaders, header('Idempotency-Key', '{{$guid}}')],
      prerequest: ["pm.environment.set('orderId', 'bench-' + Date.now() + '-' + Math.floor(Math.random() * 1e9));"],
      body: { amount: { currency: 'NOK', value: 49900 }, paymentMethod: { type: 'WALLET' }, customer: { phoneNumber: '4791234567' }, reference: '{{orderId}}', userFlow: 'PUSH_MESSAGE', paymentDescription: 'Wool socks' },
      test: ["pm.test('payment created', function () { pm.response.to.have.status(201); });", "pm.test('reference echoed', function () { pm.expect(pm.response.json().reference).to.eql(pm.environment.get('orderId')); });"],
    }),
    item('Get payment', 'GET', '/epayment/v1/payments/{{orderId}}', { test: ["pm.test('payment found', function () { pm.response.to.have.status(200); });"] }),
    item('Set category', 'PUT', '/order-management/v2/ecom/categories/{{orderId}}', {
      body: { category: 'GENERAL', orderDetailsUrl: 'https://example.com/shop/orders/{{orderId}}' },
      test: ["pm.test('category set', function () { pm.expect(pm.response.code).to.be.within(200, 204); });"],
    }),
    item('Add receipt', 'POST', '/order-management/v2/ecom/receipts/{{orderId}}', {
      body: { orderLines: [{ name: 'Wool socks', id: 'socks-1', totalAmount: 49900, totalAmountExcludingTax: 39920, totalTaxAmount: 9980, taxRate: 2500 }], bottomLine: { currency: 'NOK' } },
      test: ["pm.test('receipt stored', function () { pm.expect(pm.response.code).to.be.within(200, 204); });"],
    }),
    item('Read the order back', 'GET', '/order-management/v2/ecom/{{orderId}}', {
      test: ["pm.test('order found', function () { pm.response.to.have.status(200); });", "pm.test('category kept', function () { pm.expect(pm.response.json().category.category).to.eql('GENERAL'); });"],
    }),
  ];
  return {
    collection: {
      info: { _postman_id: 'a5f6c0de-0000-4000-8000-000000000b01', name: `${options.oneRequest ? 'Bench: one request' : 'Bench: order management flow'}${options.scripts === false ? ' (no scripts)' : ''}`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: (options.oneRequest ? [tokenItem] : flow).map((entry) => (options.scripts === false ? { ...entry, event: [] } : entry)),
    },
    environment: { id: 'a5f6c0de-0000-4000-8000-000000000e01', name: 'Bench sandbox', values: [] },
  };
}

/** The environment for a running sandbox: the variable names Vipps' own environments use. */
export function postmanEnvironment(baseUrl: string, keys: { clientId: string; clientSecret: string; subscriptionKey: string; msn: string }): object {
  const value = (key: string, text: string) => ({ key, value: text, enabled: true });
  return {
    id: 'a5f6c0de-0000-4000-8000-000000000e01',
    name: 'Bench sandbox',
    values: [value('base_url', baseUrl), value('client_id', keys.clientId), value('client_secret', keys.clientSecret), value('Ocp-Apim-Subscription-Key', keys.subscriptionKey), value('merchantSerialNumber', keys.msn), value('access_token', ''), value('orderId', '')],
  };
}
