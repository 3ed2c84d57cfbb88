import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Sets (a 1-based line number) or clears (null) the highlighted source line. */
export const setHighlightedLine = StateEffect.define<number | null>();

const lineDecoration = Decoration.line({ class: 'cm-source-line', attributes: { 'data-source-line': 'true' } });

/**
 * One highlighted line: the spec panel points at the line an item came from. It follows edits
 * (mapped through changes) until the next parse moves or clears it.
 */
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setHighlightedLine)) continue;
      const line = effect.value;
      next = line === null || line < 1 || line > transaction.state.doc.lines ? Decoration.none : Decoration.set([lineDecoration.range(transaction.state.doc.line(line).from)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function sourceHighlight(): Extension {
  return highlightField;
}

/**
 * Highlights `line` and, when it is out of sight, scrolls the editor (only the editor: scrolling
 * the page would move the panel item under the pointer) so the line sits in the middle.
 */
export function highlightLine(view: EditorView, line: number | null): void {
  view.dispatch({ effects: setHighlightedLine.of(line) });
  if (line === null || line < 1 || line > view.state.doc.lines) return;
  const block = view.lineBlockAt(view.state.doc.line(line).from);
  const scroller = view.scrollDOM;
  if (block.top < scroller.scrollTop || block.bottom > scroller.scrollTop + scroller.clientHeight) {
    scroller.scrollTop = Math.max(0, block.top - (scroller.clientHeight - block.height) / 2);
  }
}
