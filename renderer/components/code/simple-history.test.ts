import { EditorState, type Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { historyStep, simpleHistory } from './simple-history.ts';

/** A stand-in for EditorView: state plus dispatch, which is all the history needs. */
function fakeView(doc: string): Pick<EditorView, 'state' | 'dispatch'> {
  const view = {
    state: EditorState.create({ doc, extensions: simpleHistory() }),
    dispatch(tr: Transaction) {
      view.state = tr.state;
    },
  };
  // EditorView.dispatch is overloaded; the history only ever dispatches single transactions.
  return view as unknown as Pick<EditorView, 'state' | 'dispatch'>;
}

describe('simpleHistory', () => {
  it('undoes and redoes edits in order', () => {
    const view = fakeView('Patients');
    view.dispatch(view.state.update({ changes: { from: 8, insert: ' : nom' } }));
    view.dispatch(view.state.update({ changes: { from: 14, insert: ', email' } }));
    expect(view.state.doc.toString()).toBe('Patients : nom, email');
    expect(historyStep(view, 'undo')).toBe(true);
    expect(view.state.doc.toString()).toBe('Patients : nom');
    expect(historyStep(view, 'undo')).toBe(true);
    expect(view.state.doc.toString()).toBe('Patients');
    expect(historyStep(view, 'undo')).toBe(false);
    expect(historyStep(view, 'redo')).toBe(true);
    expect(historyStep(view, 'redo')).toBe(true);
    expect(view.state.doc.toString()).toBe('Patients : nom, email');
    expect(historyStep(view, 'redo')).toBe(false);
  });

  it('forgets what was undone once a new edit is made', () => {
    const view = fakeView('a');
    view.dispatch(view.state.update({ changes: { from: 1, insert: 'b' } }));
    historyStep(view, 'undo');
    view.dispatch(view.state.update({ changes: { from: 1, insert: 'c' } }));
    expect(historyStep(view, 'redo')).toBe(false);
    expect(view.state.doc.toString()).toBe('ac');
  });
});
