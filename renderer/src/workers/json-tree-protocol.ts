import type { ChildrenPage, JsonPath, JsonTreeModel, ParseOutcome, SearchResult, TreeRow } from './json-tree-model';

/**
 * Messages between the tree view and the JSON worker. Every request carries an id and gets
 * exactly one reply with the same id, except `append`, which is fire-and-forget so pages of the
 * body can stream in without a round trip each.
 */
export type TreeRequest =
  | { id: number; type: 'append'; text: string }
  | { id: number; type: 'finish' }
  | { id: number; type: 'children'; path: JsonPath; from: number; to: number }
  | { id: number; type: 'describe'; paths: JsonPath[] }
  | { id: number; type: 'search'; query: string; limit: number }
  | { id: number; type: 'value'; path: JsonPath };

export interface TreeAnswers {
  append: null;
  finish: ParseOutcome;
  children: ChildrenPage;
  describe: (TreeRow | null)[];
  search: SearchResult;
  value: string;
}

export type TreeReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** What the worker does with one message; also used directly by the main-thread fallback. */
export function answerTreeRequest(model: JsonTreeModel, request: TreeRequest): TreeReply | null {
  try {
    switch (request.type) {
      case 'append':
        model.append(request.text);
        return null;
      case 'finish':
        return { id: request.id, ok: true, result: model.finish() };
      case 'children':
        return { id: request.id, ok: true, result: model.children(request.path, request.from, request.to) };
      case 'describe':
        return { id: request.id, ok: true, result: model.describe(request.paths) };
      case 'search':
        return { id: request.id, ok: true, result: model.search(request.query, request.limit) };
      case 'value':
        return { id: request.id, ok: true, result: model.valueText(request.path) };
    }
  } catch (cause) {
    return { id: request.id, ok: false, message: cause instanceof Error ? cause.message : String(cause) };
  }
}
