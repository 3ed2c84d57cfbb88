import { Annotation, StateField, type ChangeSet, type EditorSelection, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/**
 * Undo and redo for the editor. @codemirror/commands (which has the full history) is not among
 * the installed packages, so this keeps a bounded stack of inverted change sets: enough for
 * Mod-z / Mod-Shift-z / Mod-y over typing, pasting and the panel's "Edit as text".
 */
interface Entry {
  changes: ChangeSet;
  selection: EditorSelection;
}

interface History {
  done: readonly Entry[];
  undone: readonly Entry[];
}

const LIMIT = 200;
const fromHistory = Annotation.define<'undo' | 'redo'>();

const historyField = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(history, tr) {
    if (!tr.docChanged) return history;
    const entry: Entry = { changes: tr.changes.invert(tr.startState.doc), selection: tr.startState.selection };
    const source = tr.annotation(fromHistory);
    if (source === 'undo') return { done: history.done.slice(0, -1), undone: [...history.undone, entry] };
    if (source === 'redo') return { done: [...history.done, entry], undone: history.undone.slice(0, -1) };
    return { done: [...history.done, entry].slice(-LIMIT), undone: [] };
  },
});

function step(state: EditorState, direction: 'undo' | 'redo'): Transaction | null {
  const history = state.field(historyField, false);
  const stack = direction === 'undo' ? history?.done : history?.undone;
  const entry = stack?.[stack.length - 1];
  if (entry === undefined) return null;
  return state.update({ changes: entry.changes, selection: entry.selection, annotations: fromHistory.of(direction), scrollIntoView: true });
}

/** Applies one undo or redo step; false when there is nothing to undo or redo. */
export function historyStep(view: Pick<EditorView, 'state' | 'dispatch'>, direction: 'undo' | 'redo'): boolean {
  if (view.state.readOnly) return false;
  const transaction = step(view.state, direction);
  if (transaction === null) return false;
  view.dispatch(transaction);
  return true;
}

export function simpleHistory(): Extension {
  return [
    historyField,
    keymap.of([
      { key: 'Mod-z', run: (view) => historyStep(view, 'undo'), preventDefault: true },
      { key: 'Mod-Shift-z', run: (view) => historyStep(view, 'redo'), preventDefault: true },
      { key: 'Mod-y', run: (view) => historyStep(view, 'redo'), preventDefault: true },
    ]),
    EditorView.domEventHandlers({
      // The browser's own undo would fight the editor's model; route it here.
      beforeinput(event, view) {
        if (event.inputType === 'historyUndo') return historyStep(view, 'undo');
        if (event.inputType === 'historyRedo') return historyStep(view, 'redo');
        return false;
      },
    }),
  ];
}
