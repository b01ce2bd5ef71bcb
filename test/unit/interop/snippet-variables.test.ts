import { describe, expect, it } from 'vitest';
import { renderSnippet, snippetTargets } from '../../../electron/backend/interop/snippets';

const request = { method: 'GET', url: 'https://shop.example.test/epayment/v1/payments/{{reference}}/events?after={{cursor}}&n=1', headers: [{ name: 'X-Trace', value: 't', secret: false }], body: '' };

describe('code snippets of a request with unresolved {{variables}}', () => {
  for (const target of snippetTargets) {
    it(`keeps {{reference}} readable in the URL for ${target}, never percent-encoded`, () => {
      const { code } = renderSnippet(request, target);
      expect(code).toContain('/payments/{{reference}}/events');
      expect(code).toContain('{{cursor}}');
      expect(code).not.toMatch(/%7B|%7D|vxunresolved/i);
    });
  }

  it('leaves a URL without variables exactly as httpsnippet writes it', () => {
    expect(renderSnippet({ ...request, url: 'https://shop.example.test/a?b=1' }, 'curl').code).toBe("curl --request GET \\\n  --url 'https://shop.example.test/a?b=1' \\\n  --header 'X-Trace: t'");
  });
});
