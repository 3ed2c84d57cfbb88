import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../core/api/index.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ClockIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { EditScheduleDialog } from './edit-schedule-dialog.tsx';
import { JobRow, RunStatus } from './job-row.tsx';

const JOB_EVENTS = ['job.changed', 'job.run.started', 'job.run.finished', 'backup.restored'] as const;

export function SchedulePage(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const jobs = useQuery('jobs.list', {}, { refreshOn: JOB_EVENTS });
  const history = useQuery('jobs.history', { limit: 10 }, { refreshOn: JOB_EVENTS });
  const update = useCommand('jobs.update');
  const run = useCommand('jobs.run');
  const [editing, setEditing] = useState<Job | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [notice, showNotice] = useTransientMessage();
  const items = jobs.data?.items ?? [];
  const runs = history.data?.items ?? [];

  async function toggle(job: Job, enabled: boolean): Promise<boolean> {
    setBusy(job.id);
    const saved = await update.run({ id: job.id, enabled });
    setBusy(undefined);
    if (saved) showNotice(t(enabled ? 'schedule.enabledDone' : 'schedule.disabledDone', { name: job.name }));
    jobs.refresh();
    return saved !== undefined;
  }

  async function runNow(job: Job): Promise<void> {
    setBusy(job.id);
    const started = await run.run({ id: job.id });
    setBusy(undefined);
    if (started) showNotice(t('schedule.started', { name: job.name }));
    jobs.refresh();
  }

  return (
    <div className="page">
      <PageHeader title={t('schedule.title')} subtitle={t('schedule.subtitle')} />
      <Notice message={notice} />
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {run.error ? <ErrorAlert error={run.error} /> : null}
      {jobs.error ? <ErrorAlert error={jobs.error} title={t('schedule.loadFailed')} /> : null}
      {!jobs.loaded && jobs.loading ? <LoadingState label={t('schedule.loading')} /> : null}
      {jobs.loaded && items.length === 0 && !jobs.error ? <EmptyState icon={<ClockIcon width={28} height={28} />} title={t('schedule.empty.title')} body={t('schedule.empty.body')} /> : null}
      {items.length > 0 ? (
        <div className="table-card">
          <table className="table">
            <caption className="visually-hidden">{t('schedule.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.columns.name')}</th>
                <th scope="col">{t('schedule.columns.schedule')}</th>
                <th scope="col">{t('schedule.columns.next')}</th>
                <th scope="col">{t('schedule.columns.last')}</th>
                <th scope="col">{t('schedule.columns.enabled')}</th>
                <th scope="col" className="table__actions-heading">
                  <span className="visually-hidden">{t('schedule.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <JobRow key={job.id} job={job} busy={busy === job.id} onToggle={toggle} onRunNow={(j) => void runNow(j)} onEdit={setEditing} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {runs.length > 0 ? (
        <section className="stack stack--tight" aria-labelledby="recent-runs-title">
          <h2 id="recent-runs-title" className="section-title">
            {t('schedule.recent.title')}
          </h2>
          <ul className="run-list">
            {runs.map((r) => (
              <li key={r.id} className="run-list__item">
                <RunStatus run={r} />
                <span className="run-list__name" dir="auto">
                  {r.jobName}
                </span>
                <span className="muted">{t(`schedule.trigger.${r.trigger}`)}</span>
                <time dateTime={r.startedAt} className="muted">
                  {format.date(r.startedAt)}
                </time>
                {r.durationMs !== null ? <span className="muted">{t('schedule.recent.duration', { seconds: format.number(Math.round(r.durationMs / 100) / 10) })}</span> : null}
                {r.error || r.result ? (
                  <span className={r.error ? 'run-list__detail run-list__detail--error' : 'run-list__detail'} dir="auto">
                    {r.error?.message ?? r.result?.summary}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {editing ? (
        <EditScheduleDialog
          job={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(job) => {
            setEditing(undefined);
            showNotice(t('schedule.edit.done', { name: job.name }));
            jobs.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
