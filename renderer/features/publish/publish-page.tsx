import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CidProfile, CommandOutput, Project, Publication } from '../../../core/api/index.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useProjectSelection } from '../../components/project-picker.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { GatewaySettings } from './gateway-settings.tsx';
import { PersonalDataDialog } from './personal-data-dialog.tsx';
import { PublicationCard } from './publication-card.tsx';
import { useTaskProgress } from './use-task-progress.ts';

type Source = 'output' | 'path';

function personalFiles(details: Readonly<Record<string, unknown>> | undefined): string[] {
  const listed = details?.personalData;
  return Array.isArray(listed) ? listed.filter((item): item is string => typeof item === 'string') : [];
}

function PublishWorkspace(props: { project: Project }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { navigate } = useNavigation();
  const { project } = props;
  const generations = useQuery('generation.list', { projectId: project.id, limit: 20 }, { refreshOn: ['generation.finished'] });
  const publications = useQuery('publish.list', { projectId: project.id, limit: 50 }, { refreshOn: ['publication.recorded'] });
  const publish = useCommand('publish.run');
  const latest = generations.data?.items.find((g) => g.status === 'succeeded' && g.outputDir !== null);
  const [source, setSource] = useState<Source | undefined>(undefined);
  const chosen: Source = source ?? (latest ? 'output' : 'path');
  const [path, setPath] = useState('');
  const [profile, setProfile] = useState<CidProfile>('modern');
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<CommandOutput<'publish.run'> | undefined>(undefined);
  const [shown, setShown] = useState<Publication | undefined>(undefined);
  const [notice, showNotice] = useTransientMessage();
  // Links are made with the gateway setting: a new one remounts the card, which asks for them again.
  const [gatewayVersion, setGatewayVersion] = useState(0);
  const progress = useTaskProgress(publish.pending ? taskId : undefined);
  const id = useId();
  const target = chosen === 'output' ? latest?.outputDir : path.trim();

  async function run(confirmPersonalData: boolean): Promise<void> {
    if (!target) return;
    const task = crypto.randomUUID();
    setTaskId(task);
    const output = await publish.run({ path: target, projectId: project.id, profile, confirmPersonalData, taskId: task });
    if (output) {
      setResult(output);
      setShown(undefined);
      publications.refresh();
    }
  }

  const error = publish.error;
  const needsConsent = error?.code === 'CONFIRMATION_REQUIRED';
  // The core refuses personal data without consent; the dialog asks for it and publishes again.
  const consent = needsConsent ? personalFiles(error.details) : undefined;
  const current = shown ?? result?.publication ?? publications.data?.items[0];

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
          {t('publish.source.title')}
        </h2>
        <fieldset className="choice-group">
          <legend className="visually-hidden">{t('publish.source.title')}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-source`} checked={chosen === 'output'} disabled={!latest} onChange={() => setSource('output')} />
            <span>
              {t('publish.source.output')}
              <span className="choice__hint">
                {latest ? (
                  <>
                    {t('publish.source.outputHint', { date: format.date(latest.finishedAt ?? latest.startedAt), files: format.number(latest.fileCount ?? 0) })}{' '}
                    <code className="path" dir="ltr">
                      {latest.outputDir}
                    </code>
                  </>
                ) : (
                  <>
                    {t('publish.source.noOutput')}{' '}
                    <button type="button" className="link-button" onClick={() => navigate('generate', project.id)}>
                      {t('publish.source.toGenerate')}
                    </button>
                  </>
                )}
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-source`} checked={chosen === 'path'} onChange={() => setSource('path')} />
            <span>{t('publish.source.path')}</span>
          </label>
        </fieldset>
        {chosen === 'path' ? (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-path`}>
              {t('publish.source.pathLabel')}
            </label>
            <input id={`${id}-path`} className="input" dir="ltr" autoComplete="off" value={path} onChange={(event) => setPath(event.target.value)} aria-describedby={`${id}-path-hint`} />
            <p id={`${id}-path-hint`} className="field__hint">
              {t('publish.source.pathHint')}
            </p>
          </div>
        ) : null}
        <label className="field field--inline">
          <span className="field__label">{t('publish.profile.label')}</span>
          <select className="input select" value={profile} onChange={(event) => setProfile(event.target.value === 'legacy' ? 'legacy' : 'modern')}>
            <option value="modern">{t('publish.profile.modern')}</option>
            <option value="legacy">{t('publish.profile.legacy')}</option>
          </select>
        </label>
        <div className="alert alert--warning" role="note">
          <AlertIcon className="alert__icon" />
          <p className="alert__body">{t('publish.publicWarning')}</p>
        </div>
        {error && !needsConsent ? <ErrorAlert error={error} /> : null}
        {publish.pending ? <ProgressBar label={progress?.label ?? t('publish.publishing')} done={progress?.done} total={progress?.total} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={publish.pending || !target}>
            {publish.pending ? t('publish.publishing') : t('publish.action')}
          </button>
        </div>
      </form>

      <Notice message={notice} />
      {current ? <PublicationCard key={`${current.cid}-${gatewayVersion}`} publication={current} unchanged={current === result?.publication ? result.unchanged : undefined} onNotice={showNotice} /> : null}

      <section className="card" aria-labelledby={`${id}-settings`}>
        <h2 id={`${id}-settings`} className="card__title">
          {t('publish.gateway.title')}
        </h2>
        <GatewaySettings
          onSaved={(message) => {
            setGatewayVersion((n) => n + 1);
            showNotice(message);
          }}
        />
      </section>

      {publications.data && publications.data.items.length > 0 ? (
        <section className="stack stack--tight" aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`} className="section-title">
            {t('publish.history.title')}
          </h2>
          <div className="table-card">
            <table className="table">
              <caption className="visually-hidden">{t('publish.history.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publish.history.when')}</th>
                  <th scope="col">{t('publish.result.cid')}</th>
                  <th scope="col">{t('publish.history.content')}</th>
                  <th scope="col">{t('publish.result.pin')}</th>
                  <th scope="col" className="table__actions-heading">
                    <span className="visually-hidden">{t('publish.history.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {publications.data.items.map((p) => (
                  <tr key={p.id} aria-current={current?.id === p.id ? 'true' : undefined}>
                    <th scope="row">
                      <time dateTime={p.publishedAt}>{format.date(p.publishedAt)}</time>
                    </th>
                    <td>
                      <code className="slug cid-short" dir="ltr" title={p.cid}>
                        {p.cid.slice(0, 12)}…{p.cid.slice(-6)}
                      </code>
                    </td>
                    <td className="numeric">{t('publish.result.contentValue', { files: format.number(p.fileCount), size: format.bytes(p.sizeBytes), profile: p.profile })}</td>
                    <td>
                      <span className={p.pinned ? 'status-pill status-pill--ok' : 'status-pill status-pill--warning'}>{p.pinned ? t('publish.pinned') : t('publish.notPinned')}</span>
                    </td>
                    <td>
                      <button type="button" className="button button--small button--ghost" onClick={() => setShown(p)}>
                        {t('publish.history.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {consent !== undefined ? (
        <PersonalDataDialog
          files={consent}
          busy={publish.pending}
          onCancel={publish.reset}
          onConfirm={() => void run(true)}
        />
      ) : null}
    </>
  );
}

export function PublishPage(): ReactNode {
  const { t } = useTranslation();
  const selection = useProjectSelection();
  const status = useQuery('ipfs.status', {}, { refreshOn: ['ipfs.status'] });
  const state = status.data?.state;
  return (
    <div className="page">
      <PageHeader title={t('publish.title')} subtitle={t('publish.subtitle')} actions={selection.project ? selection.picker : null} />
      {state ? (
        <p className="page-facts">
          <span>
            {t('publish.node.label')} <span className={state === 'stopped' ? 'status-pill' : 'status-pill status-pill--ok'}>{t(`publish.node.${state}`)}</span>
          </span>
        </p>
      ) : null}
      {selection.project ? <PublishWorkspace key={selection.project.id} project={selection.project} /> : selection.loaded ? selection.picker : <LoadingState label={t('common.loading')} />}
    </div>
  );
}
