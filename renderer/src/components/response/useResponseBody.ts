import { useCallback, useEffect, useRef, useState } from 'react';
import type { SendResult } from '../../../../shared/contract/requests';
import type { TreeRow } from '../../workers/json-tree-model';
import { FILE_PAGE_BYTES, useResponseBodyReader, type ReadResponseBody } from './body-reader';
import { MAIN_THREAD_LIMIT, openTreeSource, type JsonTreeSource } from './json-tree-source';
import { firstLines } from './pretty-json';

/** The first read of a large body; small, so its first lines show within a moment. */
const FIRST_PAGE_BYTES = 64 * 1024;
const PREVIEW_CHARS = 16 * 1024;
const PREVIEW_LINES = 60;

export type BodyState =
  | { phase: 'none' }
  | { phase: 'empty' }
  | { phase: 'binary'; size: number }
  /** `preview`: the first lines of the body, shown while the rest is read and the tree built. */
  | { phase: 'loading'; loaded: number; total: number; preview?: string }
  | { phase: 'tree'; source: JsonTreeSource; root: TreeRow }
  /** Shown as text: not JSON, or JSON that does not parse (`note` says where). */
  | { phase: 'text'; note: string | null }
  | { phase: 'stopped'; loaded: number; total: number }
  | { phase: 'failed'; message: string };

export function headerValue(result: SendResult, name: string): string | null {
  const wanted = name.toLowerCase();
  return result.headers.find((header) => header.name.toLowerCase() === wanted)?.value ?? null;
}

/** JSON by its content type, or, when the server names none, by how the text starts. */
export function looksLikeJson(contentType: string | null, firstText: string): boolean {
  if (contentType) return /[/+]json\b/i.test(contentType);
  return /^\s*[[{]/.test(firstText);
}

interface LoadContext {
  result: SendResult;
  read: ReadResponseBody | null;
  isCurrent(): boolean;
  setState(state: BodyState): void;
  track(source: JsonTreeSource): void;
}

async function parseInto(source: JsonTreeSource, context: LoadContext): Promise<void> {
  const outcome = await source.finish();
  if (!context.isCurrent()) return;
  if (outcome.ok) context.setState({ phase: 'tree', source, root: outcome.root });
  else context.setState({ phase: 'text', note: outcome.message });
}

async function loadInline(text: string, context: LoadContext): Promise<void> {
  if (!looksLikeJson(headerValue(context.result, 'content-type'), text.slice(0, 64))) {
    context.setState({ phase: 'text', note: null });
    return;
  }
  if (text.length > MAIN_THREAD_LIMIT) context.setState({ phase: 'loading', loaded: text.length, total: text.length, preview: firstLines(text.slice(0, PREVIEW_CHARS), PREVIEW_LINES) });
  const source = openTreeSource(text.length);
  context.track(source);
  source.append(text);
  await parseInto(source, context);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reads a large body page by page into the worker; the main thread only passes the pages on. */
async function loadFile(responseId: string, size: number, context: LoadContext): Promise<void> {
  if (!context.read) {
    context.setState({ phase: 'failed', message: 'This window cannot read large response bodies (the backend offers no readResponseBody).' });
    return;
  }
  const contentType = headerValue(context.result, 'content-type');
  let source: JsonTreeSource | null = null;
  let offset = 0;
  let preview: string | undefined;
  for (;;) {
    // A small first page, so the first lines show at once while the big pages follow.
    const page = await context.read({ responseId, offset, length: offset === 0 ? FIRST_PAGE_BYTES : FILE_PAGE_BYTES });
    if (!context.isCurrent()) return;
    if (!page.ok) {
      context.setState({ phase: 'failed', message: page.error.message });
      return;
    }
    if (!source) {
      if (!looksLikeJson(contentType, page.value.text.slice(0, 64))) {
        context.setState({ phase: 'text', note: null });
        return;
      }
      preview = firstLines(page.value.text.slice(0, PREVIEW_CHARS), PREVIEW_LINES);
      context.setState({ phase: 'loading', loaded: page.value.nextOffset, total: page.value.totalSize, preview });
      // The preview is painted in its own task before the worker starts, so neither waits for
      // the other and no task does both.
      await nextTask();
      if (!context.isCurrent()) return;
      source = openTreeSource(Math.max(size, page.value.totalSize));
      context.track(source);
    }
    source.append(page.value.text);
    context.setState({ phase: 'loading', loaded: page.value.nextOffset, total: page.value.totalSize, preview });
    if (page.value.done || page.value.nextOffset <= offset) break;
    offset = page.value.nextOffset;
  }
  await parseInto(source, context);
}

/**
 * Brings a response body into a shape the Body tab can show, reading large bodies in pages.
 * `stop` abandons a load (the worker is ended and its memory freed); `reload` starts over.
 */
export function useResponseBody(result: SendResult | null): { state: BodyState; stop(): void; reload(): void } {
  const read = useResponseBodyReader();
  const [state, setState] = useState<BodyState>({ phase: 'none' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const sources = useRef<JsonTreeSource[]>([]);
  const progress = useRef<{ loaded: number; total: number }>({ loaded: 0, total: 0 });

  const release = useCallback(() => {
    for (const source of sources.current) source.dispose();
    sources.current = [];
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    const context: LoadContext = {
      result: result as SendResult,
      read,
      isCurrent: () => generation.current === mine,
      setState: (next) => {
        if (generation.current !== mine) return;
        if (next.phase === 'loading') progress.current = { loaded: next.loaded, total: next.total };
        setState(next);
      },
      track: (source) => sources.current.push(source),
    };
    const body = result?.body;
    if (!result || !body) context.setState({ phase: 'none' });
    else if (body.kind === 'inline' && body.encoding === 'base64') context.setState({ phase: 'binary', size: result.size });
    else if (body.kind === 'inline' && body.text === '') context.setState({ phase: 'empty' });
    else if (body.kind === 'inline') void loadInline(body.text, context).catch((cause: unknown) => context.setState({ phase: 'failed', message: messageOf(cause) }));
    else {
      context.setState({ phase: 'loading', loaded: 0, total: body.size });
      void loadFile(body.responseId, body.size, context).catch((cause: unknown) => context.setState({ phase: 'failed', message: messageOf(cause) }));
    }
    return () => {
      generation.current++;
      release();
    };
  }, [result, read, attempt, release]);

  const stop = useCallback(() => {
    generation.current++;
    release();
    setState({ phase: 'stopped', ...progress.current });
  }, [release]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, stop, reload };
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
