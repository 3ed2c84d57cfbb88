import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../core/api/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { describeCron } from './cron-description.ts';

/** Edit a job's cron expression and time zone, with its reading in words and its next runs as you type. */
export function EditScheduleDialog(props: { job: Job; onSaved(job: Job): void; onCancel(): void }): ReactNode {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const update = useCommand('jobs.update');
  const [cron, setCron] = useState(props.job.cron);
  const [timezone, setTimezone] = useState(props.job.timezone);
  const settled = useDebouncedValue(`${cron}\n${timezone}`, 250);
  const [settledCron = '', settledZone = ''] = settled.split('\n');
  const preview = useQuery('jobs.preview', settledCron.trim() === '' ? undefined : { cron: settledCron, timezone: settledZone || undefined, count: 3 });
  const { fields, general } = fieldErrors(update.error, ['cron', 'timezone'] as const);
  const id = useId();
  const reset = update.reset;

  useEffect(() => reset(), [cron, timezone, reset]);

  async function save(): Promise<void> {
    const job = await update.run({ id: props.job.id, cron, timezone });
    if (job) props.onSaved(job);
  }

  const answer = preview.data;
  const language = i18n.resolvedLanguage ?? i18n.language;
  const cronError = fields.cron ?? (answer && !answer.valid && settledCron === cron ? (answer.error ?? t('schedule.edit.invalid')) : undefined);
  return (
    <ConfirmDialog
      title={t('schedule.edit.title', { name: props.job.name })}
      confirmLabel={update.pending ? t('schedule.edit.saving') : t('schedule.edit.save')}
      cancelLabel={t('schedule.edit.cancel')}
      busy={update.pending}
      onConfirm={() => void save()}
      onCancel={props.onCancel}
    >
      <form
        className="stack stack--tight"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-cron`}>
            {t('schedule.edit.cron')}
          </label>
          <input
            id={`${id}-cron`}
            className="input input--mono"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={cron}
            onChange={(event) => setCron(event.target.value)}
            aria-invalid={cronError ? true : undefined}
            aria-describedby={`${id}-cron-hint ${id}-preview${cronError ? ` ${id}-cron-error` : ''}`}
          />
          <p id={`${id}-cron-hint`} className="field__hint">
            {t('schedule.edit.cronHint')}
          </p>
          <FieldError id={`${id}-cron-error`} message={cronError} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tz`}>
            {t('schedule.edit.timezone')}
          </label>
          <input id={`${id}-tz`} className="input" dir="ltr" autoComplete="off" value={timezone} onChange={(event) => setTimezone(event.target.value)} aria-invalid={fields.timezone ? true : undefined} />
          <FieldError id={`${id}-tz-error`} message={fields.timezone} />
        </div>
        <div id={`${id}-preview`} className={settled === `${cron}\n${timezone}` ? 'schedule-preview' : 'schedule-preview schedule-preview--stale'} aria-live="polite">
          {answer?.valid ? (
            <>
              <p className="schedule-preview__words">{describeCron(settledCron, language, answer.description ?? undefined)}</p>
              <p className="field__hint">{t('schedule.edit.nextRuns')}</p>
              <ul className="schedule-preview__runs">
                {answer.nextRuns.map((run) => (
                  <li key={run}>
                    <time dateTime={run}>{format.date(run)}</time>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </form>
      {general ? <ErrorAlert error={general} /> : null}
    </ConfirmDialog>
  );
}
