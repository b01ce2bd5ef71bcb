/**
 * A Postman collection that fetches its own token, as every official Vipps collection does, and
 * then tries every way to leak it: a console line, a test named with it, and a URL built from a
 * variable holding it. It also logs the token reversed: not a secret to any redactor, so the
 * test can learn the real value and prove it is absent everywhere.
 */
export const TOKEN_LEAK_COLLECTION = {
  info: { name: 'Token leak', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Get token',
      request: {
        method: 'POST',
        url: '{{base_url}}/accesstoken/get',
        header: [
          { key: 'client_id', value: '{{client_id}}' },
          { key: 'client_secret', value: '{{client_secret}}' },
          { key: 'Ocp-Apim-Subscription-Key', value: '{{Ocp-Apim-Subscription-Key}}' },
        ],
      },
      event: [
        {
          listen: 'test',
          script: {
            type: 'text/javascript',
            exec: [
              'const tok = pm.response.json().access_token;',
              "console.log('TOKEN ' + pm.response.json().access_token);",
              "console.log('REVERSED ' + tok.split('').reverse().join(''));",
              "pm.environment.set('access_token', tok);",
              "pm.environment.set('probe', tok);",
              "pm.test('token ' + tok, () => pm.expect(tok.length).to.be.above(100));",
            ],
          },
        },
      ],
    },
    {
      name: 'List agreements with it',
      request: {
        method: 'GET',
        url: '{{base_url}}/recurring/v3/agreements?probe={{probe}}',
        header: [
          { key: 'Authorization', value: 'Bearer {{access_token}}' },
          { key: 'Ocp-Apim-Subscription-Key', value: '{{Ocp-Apim-Subscription-Key}}' },
          { key: 'Merchant-Serial-Number', value: '{{merchantSerialNumber}}' },
        ],
      },
      event: [{ listen: 'test', script: { type: 'text/javascript', exec: ["pm.test('the script-set token authenticates', () => pm.response.to.have.status(200));"] } }],
    },
  ],
};

/** The token the collection logged reversed, read back from any text that holds the line. */
export function tokenFromReversedLine(text: string): string | null {
  const reversed = /REVERSED (\S+)/.exec(text)?.[1];
  return reversed ? reversed.split('').reverse().join('') : null;
}
