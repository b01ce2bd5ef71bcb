import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** The same `{{name}}` pattern as shared/variables, marked in the editor as in the URL field. */
const marker = new MatchDecorator({
  regexp: /\{\{\s*(\$?[A-Za-z_][\w.-]*)\s*\}\}/g,
  decoration: (match) => Decoration.mark({ class: 'cm-variable', attributes: { 'data-variable': match[1] ?? '' } }),
});

/** Highlights `{{variables}}` in a body, so they read the same as in the URL and headers. */
export const variableMarks = [
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = marker.createDeco(view);
      }
      update(update: ViewUpdate) {
        this.decorations = marker.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
  EditorView.theme({ '.cm-variable': { backgroundColor: 'var(--info-bg)', borderRadius: '3px' } }),
];
