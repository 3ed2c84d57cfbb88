import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEC_FORMATS, type Explanation, type Project, type SpecFormat } from '../../../core/api/index.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { CodeEditor } from '../../components/code/code-editor.tsx';
import type { CodeLanguage } from '../../components/code/code-languages.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useProjectSelection } from '../../components/project-picker.tsx';
import { browserStorage } from '../../hooks/browser-storage.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { applyOverrides, overrideKey, type FieldOverride, type FieldOverrides } from './field-overrides.ts';
import { ModelPanel } from './model-panel.tsx';
import { SourcePointerProvider } from './source-pointer.tsx';
import { changedOnly, loadDraft, saveDraft } from './spec-drafts.ts';
import { StructuredSpecCard } from './structured-spec-card.tsx';
import { checkModel } from './structured-spec.ts';
import { useSpecParse } from './use-spec-parse.ts';

const isSpecFormat = (value: string): value is SpecFormat => (SPEC_FORMATS as readonly string[]).includes(value);

function editorLanguage(chosen: SpecFormat, read: 'text' | 'yaml' | 'json' | undefined): CodeLanguage {
  const format = chosen === 'auto' ? read : chosen;
  if (format === 'yaml') return 'yaml';
  if (format === 'json') return 'json';
  return 'markdown';
}

function SpecWorkspace(props: { project: Project }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { navigate } = useNavigation();
  const { project } = props;
  const initial = useMemo(() => loadDraft(browserStorage(), project.id), [project.id]);
  const [text, setText] = useState(initial?.text ?? '');
  const [specFormat, setSpecFormat] = useState<SpecFormat>(initial?.format ?? 'auto');
  const [overrides, setOverrides] = useState<FieldOverrides>(initial?.overrides ?? {});
  const [line, setLine] = useState<number | null>(null);
  const [savedAt, setSavedAt] = useState<string | undefined>(initial?.savedAt);
  const [notice, showNotice] = useTransientMessage();
  const fileInput = useRef<HTMLInputElement>(null);
  const parse = useSpecParse(text, specFormat);
  const result = parse.result;

  const sources = useMemo(() => new Map<string, Explanation>((result?.sources ?? []).map((s) => [s.path, s])), [result]);
  const edited = useMemo(() => (result ? applyOverrides(result.model, overrides) : undefined), [result, overrides]);
  const editCount = Object.keys(overrides).length;
  const suggested = result?.sources.filter((s) => s.status === 'suggested').length ?? 0;

  // The draft follows the editor (kept in this browser: the contract has no command to store a
  // spec yet). Typing is saved after a pause; a table edit is one deliberate click, so it is saved
  // at once; leaving the page or the browser tab (reload, close) saves too, so nothing is lost.
  const latest = useRef({ text, specFormat, overrides, edited });
  latest.current = { text, specFormat, overrides, edited };
  const saveChanged = useMemo(
    () =>
      changedOnly((state: typeof latest.current) => {
        const check = state.edited ? checkModel(state.edited) : undefined;
        const at = new Date().toISOString();
        const saved = saveDraft(browserStorage(), project.id, { text: state.text, format: state.specFormat, overrides: state.overrides, model: check?.ok ? check.model : null, savedAt: at });
        if (saved) setSavedAt(at);
        return saved;
      }),
    [project.id],
  );
  const persist = useCallback(() => saveChanged(latest.current), [saveChanged]);
  const toSave = useDebouncedValue(useMemo(() => ({ text, specFormat, overrides, edited }), [text, specFormat, overrides, edited]), 600);
  const firstSave = useRef(true);
  useEffect(() => {
    if (firstSave.current) {
      firstSave.current = false;
      return;
    }
    persist();
  }, [toSave, persist]);
  const firstEdit = useRef(true);
  useEffect(() => {
    if (firstEdit.current) {
      firstEdit.current = false;
      return;
    }
    persist();
  }, [overrides, persist]);
  useEffect(() => {
    window.addEventListener('pagehide', persist);
    return () => {
      window.removeEventListener('pagehide', persist);
      persist();
    };
  }, [persist]);

  function override(entity: string, field: string, patch: FieldOverride): void {
    setOverrides((all) => ({ ...all, [overrideKey(entity, field)]: { ...all[overrideKey(entity, field)], ...patch } }));
  }

  return (
    <>
      <div className="spec-toolbar">
        <label className="field field--inline">
          <span className="field__label">{t('spec.format.label')}</span>
          <select className="input select" value={specFormat} onChange={(event) => isSpecFormat(event.target.value) && setSpecFormat(event.target.value)}>
            {SPEC_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`spec.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('spec.openFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".md,.markdown,.txt,.yaml,.yml,.json,text/*"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file === undefined) return;
            void file.text().then((content) => {
              setText(content);
              setOverrides({});
              showNotice(t('spec.fileOpened', { name: file.name }));
            });
          }}
        />
        <button
          type="button"
          className="button button--ghost"
          disabled={edited === undefined}
          onClick={() => {
            persist();
            navigate('generate', project.id);
          }}
        >
          {t('spec.toGenerate')}
        </button>
        <p className="spec-toolbar__saved" aria-live="polite">
          {savedAt ? t('spec.draftSaved', { time: format.date(savedAt) }) : t('spec.draftNotSaved')}
        </p>
      </div>
      <p className="field__hint">{t('spec.storageHint')}</p>
      <Notice message={notice} />

      <div className="spec-workspace">
        <section className="card spec-editor" aria-labelledby="spec-editor-title">
          <div className="spec-editor__header">
            <h2 id="spec-editor-title" className="card__title">
              {t('spec.editorTitle')}
            </h2>
            <p className="spec-status" role="status">
              {parse.pending && text.trim() !== '' ? (
                <>
                  <span className="spinner spinner--small" aria-hidden="true" />
                  {t('spec.reading')}
                </>
              ) : result ? (
                t('spec.readAs', { format: t(`spec.format.${result.format}`), items: format.number(result.sources.length), suggested: format.number(suggested) })
              ) : null}
            </p>
          </div>
          <CodeEditor value={text} onChange={setText} language={editorLanguage(specFormat, result?.format)} label={t('spec.editorLabel')} highlightedLine={line} className="code-editor--spec" />
        </section>

        <section className="card spec-panel" aria-labelledby="spec-panel-title" aria-busy={parse.pending}>
          <h2 id="spec-panel-title" className="visually-hidden">
            {t('spec.panelTitle')}
          </h2>
          {parse.error ? <ErrorAlert error={parse.error} title={t('spec.parseFailed')} /> : null}
          {result && edited ? (
            <SourcePointerProvider point={setLine}>
              <div className="spec-legend">
                <span className="source-badge source-badge--understood">{t('spec.status.understood')}</span> {t('spec.legend.understood')}{' '}
                <span className="source-badge source-badge--suggested">{t('spec.status.suggested')}</span> {t('spec.legend.suggested')}
              </div>
              <ModelPanel result={result} model={edited} sources={sources} overrides={overrides} onOverride={override} />
            </SourcePointerProvider>
          ) : text.trim() === '' ? (
            <div className="spec-panel__empty">
              <p className="empty-state__title">{t('spec.empty.title')}</p>
              <p className="empty-state__body">{t('spec.empty.body')}</p>
            </div>
          ) : parse.error ? null : (
            <LoadingState label={t('spec.reading')} />
          )}
        </section>
      </div>

      {edited ? (
        <StructuredSpecCard
          model={edited}
          edits={editCount}
          onNotice={showNotice}
          onUseAsText={(yaml) => {
            setText(yaml);
            setSpecFormat('yaml');
            setOverrides({});
            showNotice(t('spec.structured.usedAsText'));
          }}
        />
      ) : null}
    </>
  );
}

export function SpecPage(): ReactNode {
  const { t } = useTranslation();
  const selection = useProjectSelection();
  return (
    <div className="page page--wide">
      <PageHeader title={t('spec.title')} subtitle={t('spec.subtitle')} actions={selection.project ? selection.picker : null} />
      {selection.project ? <SpecWorkspace key={selection.project.id} project={selection.project} /> : selection.loaded ? selection.picker : <LoadingState label={t('common.loading')} />}
    </div>
  );
}
