import type { Extension } from '@codemirror/state';
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { simpleHistory } from './simple-history.ts';

/**
 * The editor's base, assembled from the installed @codemirror packages: the `codemirror` package
 * in node_modules is CodeMirror 5 (its 6.65.x line), so CodeMirror 6's `basicSetup` is not
 * available. Tab is left to the browser, so keyboard users can move out of the editor.
 */
export function basicSetup(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    simpleHistory(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    highlightActiveLine(),
    keymap.of(foldKeymap),
  ];
}
