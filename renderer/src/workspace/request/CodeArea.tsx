import { javascript } from '@codemirror/lang-javascript';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { editorHighlight, editorTheme, styleNonce } from '../../components/request/body-codemirror';
import { variableMarks } from '../../components/request/variable-marks';

/** A CodeMirror field in the app's theme for plain text or scripts, with `{{variables}}` marked. */
export function CodeArea({ value, onChange, label, language, minHeight = '10em' }: { value: string; onChange(value: string): void; label: string; language?: 'javascript'; minHeight?: string }) {
  const extensions = useMemo(
    () => [
      ...(language === 'javascript' ? [javascript()] : []),
      editorTheme,
      syntaxHighlighting(editorHighlight),
      variableMarks,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      ...(styleNonce ? [EditorView.cspNonce.of(styleNonce)] : []),
    ],
    [language, label],
  );
  return (
    <div className="body-editor-frame">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} theme="none" minHeight={minHeight} maxHeight="60vh" basicSetup={{ lineNumbers: true, autocompletion: false }} />
    </div>
  );
}
