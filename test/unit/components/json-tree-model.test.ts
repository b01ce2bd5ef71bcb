import { describe, expect, it } from 'vitest';
import { JsonTreeModel } from '../../../renderer/src/workers/json-tree-model';
import { answerTreeRequest } from '../../../renderer/src/workers/json-tree-protocol';
import { createTreeSource, inThreadPort, type TreePort } from '../../../renderer/src/components/response/json-tree-source';

function modelOf(value: unknown, pieces = 1): JsonTreeModel {
  const model = new JsonTreeModel();
  const text = JSON.stringify(value);
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) model.append(text.slice(i, i + size));
  const outcome = model.finish();
  if (!outcome.ok) throw new Error(outcome.message);
  return model;
}

describe('JSON tree model (the worker logic)', () => {
  it('parses a body that arrives in pages split at arbitrary characters', () => {
    const value = { name: 'å ø æ 😀', list: [1, 2, 3], nested: { deep: [true, null] } };
    const model = modelOf(value, 7);
    expect(model.valueText([])).toBe(JSON.stringify(value, null, 2));
  });

  it('describes the root with its type and number of children', () => {
    const model = new JsonTreeModel();
    model.append('{"a":1,"b":[1,2]}');
    expect(model.finish()).toEqual({ ok: true, root: { key: null, type: 'object', preview: '', childCount: 2 }, size: 17 });
  });

  it('reports where a body stops being JSON instead of throwing', () => {
    const model = new JsonTreeModel();
    model.append('{"a": 1,\n "b": }');
    const outcome = model.finish();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.line).toBe(2);
      expect(outcome.message).toContain('not valid JSON');
    }
  });

  it('answers children of a path in pages: rows [from, to) of a large array', () => {
    const model = modelOf({ items: Array.from({ length: 100_000 }, (_, i) => ({ id: i })) });
    const page = model.children(['items'], 50_000, 50_003);
    expect(page.total).toBe(100_000);
    expect(page.from).toBe(50_000);
    expect(page.rows.map((row) => [row.key, row.type, row.childCount])).toEqual([
      [50_000, 'object', 1],
      [50_001, 'object', 1],
      [50_002, 'object', 1],
    ]);
  });

  it('never answers more than one bounded page, however wide the range asked', () => {
    const model = modelOf(Array.from({ length: 10_000 }, (_, i) => i));
    expect(model.children([], 0, 10_000).rows.length).toBe(2000);
  });

  it('pages through the keys of a large object in document order', () => {
    const value = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const model = modelOf(value);
    expect(model.children([], 4998, 5000).rows.map((row) => [row.key, row.preview])).toEqual([
      ['k4998', '4998'],
      ['k4999', '4999'],
    ]);
  });

  it('cuts long strings short in previews but copies them whole', () => {
    const long = 'x'.repeat(5000);
    const model = modelOf({ long });
    const row = model.children([], 0, 1).rows[0]!;
    expect(row.preview.length).toBeLessThan(320);
    expect(row.preview.endsWith('…"')).toBe(true);
    expect(model.valueText(['long'])).toBe(long);
  });

  it('finds keys and values in document order with the indexes of every step', () => {
    const model = modelOf({ orderLines: [{ name: 'Socks' }, { name: 'Shoes', sku: 'SOCK-2' }], note: 'socks are warm' });
    const result = model.search('sock');
    expect(result.matches).toEqual([
      { path: ['orderLines', 0, 'name'], indexes: [0, 0, 0] },
      { path: ['orderLines', 1, 'sku'], indexes: [0, 1, 1] },
      { path: ['note'], indexes: [1] },
    ]);
  });

  it('stops a search at the limit and says more exist', () => {
    const model = modelOf(Array.from({ length: 50 }, () => 'match'));
    const result = model.search('match', 10);
    expect(result.matches.length).toBe(10);
    expect(result.truncated).toBe(true);
  });

  it('walks very deep nesting without overflowing the stack', () => {
    const depth = 20_000;
    const text = '['.repeat(depth) + '"needle"' + ']'.repeat(depth);
    const model = new JsonTreeModel();
    model.append(text);
    const outcome = model.finish();
    if (!outcome.ok) return expect.unreachable(outcome.message);
    expect(model.search('needle').matches[0]!.path.length).toBe(depth);
  });

  it('answers protocol messages with the id they came with; append gets no answer', () => {
    const model = new JsonTreeModel();
    expect(answerTreeRequest(model, { id: 0, type: 'append', text: '[1,2]' })).toBeNull();
    expect(answerTreeRequest(model, { id: 7, type: 'finish' })).toMatchObject({ id: 7, ok: true });
    expect(answerTreeRequest(model, { id: 8, type: 'children', path: [], from: 1, to: 2 })).toEqual({
      id: 8,
      ok: true,
      result: { from: 1, total: 2, rows: [{ key: 1, type: 'number', preview: '2', childCount: 0 }] },
    });
  });

  it('turns a failure inside the model into an error reply, not a crash', () => {
    const model = new JsonTreeModel();
    model.append('[]');
    model.finish();
    expect(answerTreeRequest(model, { id: 3, type: 'append', text: 'more' })).toEqual({ id: 3, ok: false, message: expect.stringContaining('already parsed') });
    expect(answerTreeRequest(model, { id: 4, type: 'value', path: [] })).toEqual({ id: 4, ok: true, result: '[]' });
  });

  it('gives the same answers through the message source as the model does directly', async () => {
    const source = createTreeSource(inThreadPort(), false);
    source.append('{"a":{"b":[10,');
    source.append('20]}}');
    const outcome = await source.finish();
    expect(outcome.ok).toBe(true);
    expect((await source.children(['a', 'b'], 0, 10)).rows.map((row) => row.preview)).toEqual(['10', '20']);
    expect(await source.describe([['a'], ['missing']])).toEqual([{ key: 'a', type: 'object', preview: '', childCount: 1 }, null]);
    source.dispose();
    await expect(source.search('a')).rejects.toThrow('closed');
  });

  it('fails every waiting question, and later ones, when the worker dies', async () => {
    let fail: (message: string) => void = () => {};
    const port: TreePort = { post: () => {}, onReply: () => {}, onFailure: (listener) => (fail = listener), close: () => {} };
    const source = createTreeSource(port, true);
    const waiting = source.finish();
    fail('The worker ran out of memory.');
    await expect(waiting).rejects.toThrow('out of memory');
    await expect(source.children([], 0, 1)).rejects.toThrow('out of memory');
  });
});
