import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job, JobRun } from '../../../core/api/index.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { describeCron } from './cron-description.ts';

export function RunStatus(props: { run: JobRun }): ReactNode {
  const { t } = useTranslation();
  const tone = props.run.status === 'succeeded' ? 'ok' : props.run.status === 'running' ? 'busy' : 'error';
  return <span className={`status-pill status-pill--${tone}`}>{t(`schedule.runStatus.${props.run.status}`)}</span>;
}

export interface JobRowProps {
  job: Job;
  busy: boolean;
  /** Resolves false when the change was refused (the switch then shows the job's state again). */
  onToggle(job: Job, enabled: boolean): Promise<boolean>;
  onRunNow(job: Job): void;
  onEdit(job: Job): void;
}

export function JobRow(props: JobRowProps): ReactNode {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const { job } = props;
  const last = job.lastRun;
  const language = i18n.resolvedLanguage ?? i18n.language;
  // The switch moves at once; the saved job confirms it (or a refusal puts it back).
  const [wanted, setWanted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (wanted === job.enabled) setWanted(undefined);
  }, [wanted, job.enabled]);
  return (
    <tr>
      <th scope="row" className="job-row__name">
        <span dir="auto">{job.name}</span>
        {job.kindKnown ? null : <span className="muted job-row__kind">{t('schedule.unknownKind', { kind: job.kind })}</span>}
      </th>
      <td>
        <div className="job-row__schedule">{describeCron(job.cron, language, job.schedule.description)}</div>
        <code className="slug" dir="ltr">
          {job.cron}
        </code>{' '}
        <span className="muted job-row__tz" dir="ltr">
          {job.timezone}
        </span>
      </td>
      <td>{job.enabled && job.schedule.nextRunAt ? <time dateTime={job.schedule.nextRunAt}>{format.date(job.schedule.nextRunAt)}</time> : <span className="muted">{t('schedule.disabled')}</span>}</td>
      <td className="job-row__last">
        {job.running ? (
          <span className="status-pill status-pill--busy">{t('schedule.runStatus.running')}</span>
        ) : last ? (
          <>
            <RunStatus run={last} /> <time dateTime={last.startedAt}>{format.date(last.startedAt)}</time>
            {last.error ? <p className="job-row__detail job-row__detail--error" dir="auto">{last.error.message}</p> : last.result ? <p className="job-row__detail" dir="auto">{last.result.summary}</p> : null}
          </>
        ) : (
          <span className="muted">{t('schedule.neverRun')}</span>
        )}
      </td>
      <td>
        <label className="switch">
          <input type="checkbox" role="switch" checked={wanted ?? job.enabled}
            disabled={props.busy}
            onChange={(event) => {
              const on = event.target.checked;
              setWanted(on);
              void props.onToggle(job, on).then((ok) => ok || setWanted(undefined));
            }} aria-label={t('schedule.enabledLabel', { name: job.name })} />
          <span className="switch__track" aria-hidden="true" />
        </label>
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button--small" disabled={job.running || props.busy} aria-label={t('schedule.runNowLabel', { name: job.name })} onClick={() => props.onRunNow(job)}>
            {t('schedule.runNow')}
          </button>
          <button type="button" className="button button--small button--ghost" aria-label={t('schedule.editLabel', { name: job.name })} onClick={() => props.onEdit(job)}>
            {t('schedule.edit.action')}
          </button>
        </div>
      </td>
    </tr>
  );
}
