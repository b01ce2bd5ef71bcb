import { describe, expect, it } from 'vitest';
import { HttpMethodSchema, methodToken } from '../../../shared/contract/requests';
import { importPostmanCollection } from '../../../shared/interop/postman/import';
import { walkRequests } from '../../../shared/interop/tree';
import { ApiRequestSchema } from '../../../shared/model/request';

describe('a method is any HTTP token', () => {
  it('writes the common methods in capitals and keeps one of its own as typed', () => {
    expect(HttpMethodSchema.parse('get')).toBe('GET');
    expect(HttpMethodSchema.parse(' Delete ')).toBe('DELETE');
    expect(HttpMethodSchema.parse('PURGE')).toBe('PURGE');
    expect(HttpMethodSchema.parse('purge')).toBe('purge');
    expect(methodToken('M-SEARCH')).toBe('M-SEARCH');
  });

  it('refuses what is no token, saying what a method is', () => {
    for (const bad of ['', 'GET /', 'PO ST', 'GÉT', 'X'.repeat(33), 'A,B']) expect(methodToken(bad), bad).toBeNull();
    expect(() => ApiRequestSchema.parse({ name: 'x', method: 'GET /', url: 'http://x.test' })).toThrow(/A method is one word/);
  });

  it('imports a Postman request with a method of its own, and notes one that is no token', () => {
    const c = importPostmanCollection({
      info: { name: 'Methods', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        { name: 'Purge', request: { method: 'PURGE', url: 'https://cdn.test/x' } },
        { name: 'Lower', request: { method: 'propfind', url: 'https://dav.test/x' } },
        { name: 'Broken', request: { method: 'GET /', url: 'https://x.test/' } },
      ],
    });
    const requests = [...walkRequests(c.items)].map(({ item }) => item);
    expect(requests.map((r) => r.request.method)).toEqual(['PURGE', 'PROPFIND', 'GET']);
    expect(requests[2]!.notes.join(' ')).toMatch(/"GET \/" cannot be a method/);
  });
});
