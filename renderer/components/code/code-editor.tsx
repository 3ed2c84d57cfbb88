import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from './basic-setup.ts';
import { useEffect, useRef, type ReactNode } from 'react';
import { languageExtension, type CodeLanguage } from './code-languages.ts';
import { highlightLine, sourceHighlight } from './source-highlight.ts';

export interface CodeEditorProps {
  value: string;
  /** Absent: read-only (a viewer). */
  onChange?: (value: string) => void;
  language: CodeLanguage;
  /** The accessible name of the text area. */
  label: string;
  /** A 1-based line to highlight and scroll to; null clears. */
  highlightedLine?: number | null;
  className?: string;
}

/**
 * CodeMirror 6 as a React component. The view is created once; `value` coming back from the
 * parent is only pushed into the view when it differs from what the view holds, so typing never
 * fights the parent's state. Lines get their own direction (an Arabic line reads right to left in
 * an otherwise left-to-right spec), while the gutter stays on the left as code editors expect.
 */
export function CodeEditor(props: CodeEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const editable = useRef(new Compartment());
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const readOnly = props.onChange === undefined;

  useEffect(() => {
    if (host.current === null) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          basicSetup(),
          language.current.of(languageExtension(props.language)),
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.lineWrapping,
          EditorView.perLineTextDirection.of(true),
          EditorView.contentAttributes.of({ 'aria-label': props.label, 'aria-multiline': 'true' }),
          sourceHighlight(),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // Created once: later prop changes are applied by the effects below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current === null) return;
    const held = current.state.doc.toString();
    if (held !== props.value) current.dispatch({ changes: { from: 0, to: held.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(languageExtension(props.language)) });
  }, [props.language]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    if (view.current !== null && props.highlightedLine !== undefined) highlightLine(view.current, props.highlightedLine);
  }, [props.highlightedLine]);

  return <div ref={host} className={props.className ? `code-editor ${props.className}` : 'code-editor'} dir="ltr" />;
}
