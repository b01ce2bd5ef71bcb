import { lazy, Suspense, useState, type ComponentProps } from 'react';
import type { BodyEditor as BodyEditorType } from './BodyEditor';
import type { CodeArea as CodeAreaType } from '../../workspace/request/CodeArea';

/**
 * CodeMirror is the renderer's largest library, and the first screen shows no editor: the
 * editors load on their own, after the first screen (preloadEditors), or when one is first
 * shown, so the start-up bundle leaves them out. Once loaded they render at once, without a
 * loading state. Which of the two an editor uses is fixed when it mounts: switching later would
 * mount it again and take the focus from under the user's typing.
 */
let bodyEditor: typeof BodyEditorType | null = null;
let codeArea: typeof CodeAreaType | null = null;
const loadBodyEditor = () => import('./BodyEditor').then((module) => (bodyEditor = module.BodyEditor));
const loadCodeArea = () => import('../../workspace/request/CodeArea').then((module) => (codeArea = module.CodeArea));

export function preloadEditors(): Promise<unknown> {
  return Promise.all([loadBodyEditor(), loadCodeArea()]);
}

const BodyEditorLoaded = lazy(() => loadBodyEditor().then((component) => ({ default: component })));
const CodeAreaLoaded = lazy(() => loadCodeArea().then((component) => ({ default: component })));

function Loading() {
  return (
    <p className="section-hint" role="status">
      Loading the editor…
    </p>
  );
}

export function BodyEditor(props: ComponentProps<typeof BodyEditorType>) {
  const [Loaded] = useState(() => bodyEditor);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense fallback={<Loading />}>
      <BodyEditorLoaded {...props} />
    </Suspense>
  );
}

export function CodeArea(props: ComponentProps<typeof CodeAreaType>) {
  const [Loaded] = useState(() => codeArea);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense fallback={<Loading />}>
      <CodeAreaLoaded {...props} />
    </Suspense>
  );
}
