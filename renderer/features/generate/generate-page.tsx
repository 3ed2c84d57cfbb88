import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput, GenerationSummary, Project } from '../../../core/api/index.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useProjectSelection } from '../../components/project-picker.tsx';
import { browserStorage } from '../../hooks/browser-storage.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { loadDraft } from '../spec/spec-drafts.ts';
import { FileBrowser } from './file-browser.tsx';
import { useGenerationProgress } from './use-generation-progress.ts';

type Source = 'draft' | 'text';

function RunStatus(props: { run: GenerationSummary }): ReactNode {
  const { t } = useTranslation();
  // An interrupted run lost nothing (the previous output was put back): a warning, not an error.
  const tones = { succeeded: 'ok', running: 'busy', interrupted: 'warning', failed: 'error' } as const;
  const tone = tones[props.run.status];
  return <span className={`status-pill status-pill--${tone}`}>{t(`generate.status.${props.run.status}`)}</span>;
}

function GenerateWorkspace(props: { project: Project }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { navigate } = useNavigation();
  const { project } = props;
  const draft = useMemo(() => loadDraft(browserStorage(), project.id), [project.id]);
  const runs = useQuery('generation.list', { projectId: project.id, limit: 20 }, { refreshOn: ['generation.finished'] });
  const generate = useCommand('generation.run');
  const [source, setSource] = useState<Source>(draft ? 'draft' : 'text');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, showNotice] = useTransientMessage();
  const progress = useGenerationProgress(project.id, generate.pending);
  const id = useId();
  const items = runs.data?.items ?? [];
  const shown = items.find((r) => r.id === selected) ?? items.find((r) => r.status === 'succeeded');
  const conflict = generate.error?.code === 'CONFLICT';

  function input(force: boolean): CommandInput<'generation.run'> | undefined {
    if (source === 'draft' && draft) {
      // The edited model when it passed the schema; otherwise the text, which the core parses.
      return draft.model ? { projectId: project.id, model: draft.model, force } : { projectId: project.id, spec: { text: draft.text, format: draft.format }, force };
    }
    return text.trim() === '' ? undefined : { projectId: project.id, spec: { text }, force };
  }

  async function run(force: boolean): Promise<void> {
    const request = input(force);
    if (request === undefined) return;
    const result = await generate.run(request);
    if (result) {
      setSelected(result.id);
      showNotice(t('generate.done', { files: format.number(result.fileCount ?? 0), created: format.number(result.counts.create), changed: format.number(result.counts.change), seconds: format.number((result.durationMs ?? 0) / 1000) }));
      runs.refresh();
    }
  }

  return (
    <>
      <form
        className="card"
        aria-labelledby={`${id}-title`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run(false);
        }}
      >
        <h2 id={`${id}-title`} className="card__title">
          {t('generate.source.title')}
        </h2>
        <fieldset className="choice-group">
          <legend className="visually-hidden">{t('generate.source.title')}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-source`} checked={source === 'draft'} disabled={!draft} onChange={() => setSource('draft')} />
            <span>
              {t('generate.source.draft')}
              <span className="choice__hint">
                {draft ? (
                  draft.model ? (
                    t('generate.source.draftHint', { name: draft.model.name, entities: format.number(draft.model.entities.length), date: format.date(draft.savedAt) })
                  ) : (
                    t('generate.source.draftText', { date: format.date(draft.savedAt) })
                  )
                ) : (
                  t('generate.source.noDraft')
                )}{' '}
                <button type="button" className="link-button" onClick={() => navigate('spec', project.id)}>
                  {t('generate.source.toSpec')}
                </button>
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-source`} checked={source === 'text'} onChange={() => setSource('text')} />
            <span>{t('generate.source.text')}</span>
          </label>
        </fieldset>
        {source === 'text' ? (
          <div className="field field--wide">
            <label className="field__label" htmlFor={`${id}-text`}>
              {t('generate.source.textLabel')}
            </label>
            <textarea id={`${id}-text`} className="input input--multiline input--mono" rows={8} value={text} onChange={(event) => setText(event.target.value)} />
          </div>
        ) : null}
        <p className="field__hint">{t('generate.stack', { stack: 'web-fullstack' })}</p>
        {generate.error ? (
          <ErrorAlert
            error={generate.error}
            action={
              conflict ? (
                <button type="button" className="button button--small button--danger" onClick={() => void run(true)}>
                  {t('generate.overwrite')}
                </button>
              ) : undefined
            }
          />
        ) : null}
        {generate.pending ? <ProgressBar label={progress?.label ?? t('generate.running')} done={progress?.done} total={progress?.total} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={generate.pending || input(false) === undefined}>
            {generate.pending ? t('generate.running') : t('generate.action')}
          </button>
        </div>
      </form>

      <Notice message={notice} />
      {runs.error ? <ErrorAlert error={runs.error} /> : null}
      {!runs.loaded && runs.loading ? <LoadingState label={t('common.loading')} /> : null}

      {items.length > 0 ? (
        <section className="stack stack--tight" aria-labelledby={`${id}-runs`}>
          <h2 id={`${id}-runs`} className="section-title">
            {t('generate.runs.title')}
          </h2>
          <ul className="run-list">
            {items.slice(0, 5).map((r) => (
              <li key={r.id} className="run-list__item">
                <RunStatus run={r} />
                <time dateTime={r.startedAt}>{format.date(r.startedAt)}</time>
                {r.fileCount !== null ? <span className="muted">{t('generate.runs.files', { files: format.number(r.fileCount), size: format.bytes(r.byteCount ?? 0) })}</span> : null}
                {r.outputDir ? (
                  <code className="path muted" dir="ltr">
                    {r.outputDir}
                  </code>
                ) : null}
                {r.status === 'succeeded' ? (
                  <button type="button" className="button button--small button--ghost" aria-current={shown?.id === r.id ? 'true' : undefined} onClick={() => setSelected(r.id)}>
                    {t('generate.runs.browse')}
                  </button>
                ) : null}
                {r.error ? (
                  <span className="run-list__detail run-list__detail--error" dir="auto">
                    {r.error.message}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {shown ? (
        <section className="stack stack--tight" aria-labelledby={`${id}-files`}>
          <div className="section-header">
            <h2 id={`${id}-files`} className="section-title">
              {t('generate.files.title', { date: format.date(shown.startedAt) })}
            </h2>
            <button type="button" className="button button--small" onClick={() => navigate('publish', project.id)}>
              {t('generate.toPublish')}
            </button>
          </div>
          <FileBrowser key={shown.id} generationId={shown.id} />
        </section>
      ) : null}
    </>
  );
}

export function GeneratePage(): ReactNode {
  const { t } = useTranslation();
  const selection = useProjectSelection();
  return (
    <div className="page page--wide">
      <PageHeader title={t('generate.title')} subtitle={t('generate.subtitle')} actions={selection.project ? selection.picker : null} />
      {selection.project ? <GenerateWorkspace key={selection.project.id} project={selection.project} /> : selection.loaded ? selection.picker : <LoadingState label={t('common.loading')} />}
    </div>
  );
}
