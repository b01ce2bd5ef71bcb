/** An OpenAPI 3 document with `operations` operations over a few shared schemas, as large API specs are built. */
export function generatedSpec(operations: number): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const methods = ['get', 'post', 'put', 'delete', 'patch'] as const;
  for (let i = 0; i < operations; i++) {
    const resource = Math.floor(i / methods.length);
    const method = methods[i % methods.length]!;
    const path = `/area${resource % 50}/resource${resource}/{id}`;
    paths[path] ??= { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] };
    paths[path]![method] = {
      operationId: `op${i}`,
      summary: `Operation ${i}`,
      tags: [`Area ${resource % 50}`],
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }, { name: 'X-Request-Id', in: 'header', schema: { type: 'string' }, example: `r-${i}` }],
      ...(method === 'post' || method === 'put' || method === 'patch' ? { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } : {}),
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Generated', version: '1' },
    servers: [{ url: 'http://127.0.0.1:9' }],
    paths,
    components: {
      schemas: {
        Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string', example: 'thing' }, owner: { $ref: '#/components/schemas/Owner' }, lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } } } },
        Owner: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } } },
        Line: { type: 'object', properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } } },
      },
    },
  };
}
