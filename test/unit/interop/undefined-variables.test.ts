import { describe, expect, it } from 'vitest';
import { importPostmanCollection } from '../../../shared/interop/postman/import';
import { undefinedVariables } from '../../../shared/interop/undefined-variables';

const collection = (extra: Record<string, unknown> = {}) =>
  importPostmanCollection({
    info: { name: 'Flow', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [{ key: 'fromFile', value: 'x' }],
    item: [
      {
        name: 'Create',
        event: [{ listen: 'test', script: { exec: ["pm.environment.set('reference', pm.response.json().reference);", 'postman.setEnvironmentVariable("sub", 1);'] } }],
        request: {
          method: 'POST',
          url: '{{base_url}}/epayment/v1/payments?ts={{$timestamp}}&q={{inQuery}}',
          header: [
            { key: 'X-Used', value: '{{inHeader}}' },
            { key: 'X-Off', value: '{{disabledHeader}}', disabled: true },
          ],
          body: { mode: 'raw', raw: '{"amount": {"value": {{amount}}, "currency": "{{ currency }}"}, "f": "{{fromFile}}"}' },
        },
      },
      { name: 'Read', request: { method: 'GET', url: '{{base_url}}/epayment/v1/payments/{{reference}}/{{sub}}' } },
      ...((extra.item as unknown[]) ?? []),
    ],
  });

describe('variables nothing defines, in an imported collection', () => {
  it('are the ones the sent parts use that the file, the profile and the scripts leave unset', () => {
    expect(undefinedVariables(collection(), ['base_url'])).toEqual(['amount', 'currency', 'inHeader', 'inQuery']);
  });

  it('leave out what the profile supplies, dynamic values, disabled headers and script-set names', () => {
    const names = undefinedVariables(collection(), ['base_url', 'amount', 'currency']);
    expect(names).toEqual(['inHeader', 'inQuery']);
    expect(names).not.toContain('$timestamp');
    expect(names).not.toContain('disabledHeader');
  });

  it('count a name set by a folder or collection script, or a variable of a folder, as defined', () => {
    const c = importPostmanCollection({
      info: { name: 'Folders', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      event: [{ listen: 'prerequest', script: { exec: ['pm.collectionVariables.set(`stamp`, Date.now())'] } }],
      item: [{ name: 'F', variable: [{ key: 'folderVar', value: '1' }], item: [{ name: 'R', request: { method: 'GET', url: 'https://x.test/{{stamp}}/{{folderVar}}/{{missing}}' } }] }],
    });
    expect(undefinedVariables(c, [])).toEqual(['missing']);
  });
});
