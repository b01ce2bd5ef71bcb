import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { fixTrailingCommas } from '../../../../shared/json';
import { checkBody } from './body-check';
import { locateJsonPath } from './json-locate';
import type { RuleIssue } from './types';
import { readStyleNonce } from '../../security/style-nonce';
import { variableMarks } from './variable-marks';

/** Colours come from the app's CSS variables, so both themes keep their contrast. */
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '13px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--editor-selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--json-key)' },
  { tag: tags.string, color: 'var(--json-string)' },
  { tag: tags.number, color: 'var(--json-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--json-literal)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--text-muted)' },
]);

export interface BodyEditorHooks {
  /** Read at lint time, so the latest props are used without rebuilding the editor. */
  current(): { rules?: (body: unknown) => RuleIssue[]; contentType: string | null; onSend(): void };
}

export const editorTheme = theme;
export const editorHighlight = highlight;
export function bodyDiagnostics(text: string, contentType: string | null, rules?: (body: unknown) => RuleIssue[]): Diagnostic[] {
  const check = checkBody(text, contentType, rules);
  const length = text.length;
  if (check.syntax) {
    const from = Math.min(check.syntax.offset, Math.max(0, length - 1));
    const diagnostic: Diagnostic = { from, to: Math.min(from + 1, length), severity: 'error', message: check.syntax.message, source: 'JSON' };
    if (check.syntax.kind === 'trailing-comma') {
      diagnostic.actions = [
        {
          name: 'Remove trailing commas',
          apply: (view) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: fixTrailingCommas(view.state.doc.toString()) } }),
        },
      ];
    }
    return [diagnostic];
  }
  return check.issues.map((issue) => {
    const at = locateJsonPath(text, issue.name) ?? { from: 0, to: Math.min(1, length) };
    return { from: at.from, to: at.to, severity: 'warning', message: `${issue.name}: ${issue.reason}`, source: 'Rules' };
  });
}

export const styleNonce = readStyleNonce();

/** JSON language, our theme, live diagnostics and Ctrl/Cmd+Enter to send. */
export function bodyEditorExtensions(hooks: BodyEditorHooks, ariaLabel: string, describedBy: string): Extension[] {
  return [
    json(),
    theme,
    variableMarks,
    syntaxHighlighting(highlight),
    linter((view) => {
      const { rules, contentType } = hooks.current();
      return bodyDiagnostics(view.state.doc.toString(), contentType, rules);
    }, { delay: 250 }),
    Prec.highest(
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            hooks.current().onSend();
            return true;
          },
        },
      ]),
    ),
    EditorView.contentAttributes.of({ 'aria-label': ariaLabel, 'aria-describedby': describedBy }),
    // The CSP allows CodeMirror's <style> element only with the nonce the host served.
    ...(styleNonce ? [EditorView.cspNonce.of(styleNonce)] : []),
  ];
}
