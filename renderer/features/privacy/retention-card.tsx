import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionRules } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';

type Key = keyof RetentionRules;
const KEYS: readonly Key[] = ['auditDays', 'generationDays', 'logDays', 'backupDays'];
/** These two may be left empty: generation records then live as long as their project, backups follow the backup policy. */
const NULLABLE: ReadonlySet<Key> = new Set(['generationDays', 'backupDays']);

type Draft = Record<Key, string>;

function toDraft(rules: RetentionRules): Draft {
  return Object.fromEntries(KEYS.map((key) => [key, rules[key] === null ? '' : String(rules[key])])) as Draft;
}

/** How long each kind of record is kept; applied by the retention job, or now. Changes are audited. */
export function RetentionCard(props: { onNotice(message: string): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const rules = useQuery('gdpr.retention.get', {}, { refreshOn: ['gdpr.retentionChanged'] });
  const save = useCommand('gdpr.retention.set');
  const apply = useCommand('gdpr.retention.run');
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const id = useId();
  const current = rules.data?.rules;
  const { fields, general } = fieldErrors(save.error, KEYS);

  useEffect(() => {
    if (current) setDraft(toDraft(current));
  }, [current]);

  async function submit(): Promise<void> {
    if (!draft) return;
    // Sent as typed (words become NaN), so the contract's own schema says what is wrong, field by field.
    const days = (key: Key): number => Number(draft[key].trim());
    const daysOrNone = (key: Key): number | null => (draft[key].trim() === '' ? null : days(key));
    const input = { auditDays: days('auditDays'), generationDays: daysOrNone('generationDays'), logDays: days('logDays'), backupDays: daysOrNone('backupDays') };
    const saved = await save.run(input);
    if (saved) props.onNotice(t('privacy.retention.saved'));
  }

  async function runNow(): Promise<void> {
    const result = await apply.run({});
    if (result) props.onNotice(t('privacy.retention.applied', { audit: format.number(result.audit.purged), generations: format.number(result.generations.deleted), logs: format.number(result.logs.deletedFiles), backups: format.number(result.backups.deleted) }));
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('privacy.retention.title')}
      </h2>
      <p className="muted">{t('privacy.retention.body')}</p>
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      {draft ? (
        <form
          className="retention-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {KEYS.map((key) => (
            <div className="field" key={key}>
              <label className="field__label" htmlFor={`${id}-${key}`}>
                {t(`privacy.retention.${key}`)}
              </label>
              <div className="input-with-unit">
                <input
                  id={`${id}-${key}`}
                  className="input"
                  inputMode="numeric"
                  value={draft[key]}
                  placeholder={NULLABLE.has(key) ? t('privacy.retention.none') : undefined}
                  onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
                  aria-invalid={fields[key] ? true : undefined}
                  aria-describedby={`${id}-${key}-hint${fields[key] ? ` ${id}-${key}-error` : ''}`}
                />
                <span className="muted">{t('privacy.retention.days')}</span>
              </div>
              <p id={`${id}-${key}-hint`} className="field__hint">
                {t(`privacy.retention.hints.${key}`, { days: rules.data ? String(rules.data.defaults[key] ?? '—') : '—' })}
              </p>
              <FieldError id={`${id}-${key}-error`} message={fields[key]} />
            </div>
          ))}
          {general ? <ErrorAlert error={general} /> : null}
          {apply.error ? <ErrorAlert error={apply.error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={save.pending}>
              {save.pending ? t('privacy.retention.saving') : t('privacy.retention.save')}
            </button>
            <button type="button" className="button" disabled={apply.pending} onClick={() => void runNow()}>
              {apply.pending ? t('privacy.retention.applying') : t('privacy.retention.apply')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
