import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureTarget, GdprErasurePlan, GdprErasureReport } from '../../../core/api/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';

/** Erasure cannot be undone: the dialog first asks the core what it would delete, and names it. */
/** `label` names the target in the interface language (the plan's own label is English). */
export function EraseDialog(props: { target: ErasureTarget; label: string; onErased(report: GdprErasureReport): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const plan = useCommand('gdpr.erasurePlan');
  const erase = useCommand('gdpr.erase');
  const planRun = plan.run;
  const { target } = props;
  const [answer, setAnswer] = useState<GdprErasurePlan | undefined>(undefined);

  useEffect(() => {
    void planRun({ target }).then((result) => result && setAnswer(result));
  }, [planRun, target]);

  async function confirm(): Promise<void> {
    const report = await erase.run({ target, confirm: true });
    if (report) props.onErased(report);
  }

  const rows = answer ? Object.entries(answer.rows).filter(([, count]) => count > 0) : [];
  return (
    <ConfirmDialog
      title={t('privacy.erase.title', { label: props.label })}
      confirmLabel={erase.pending ? t('privacy.erase.erasing') : t('privacy.erase.confirm')}
      cancelLabel={t('privacy.erase.cancel')}
      tone="danger"
      busy={erase.pending}
      confirmDisabled={answer === undefined}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
    >
      {plan.pending ? <p>{t('privacy.erase.planning')}</p> : null}
      {answer ? (
        <div className="erase-plan">
          <p>{t('privacy.erase.intro')}</p>
          <ul className="restore-summary__list">
            {rows.map(([table, count]) => (
              <li key={table}>{t('privacy.erase.rows', { count, n: format.number(count), table })}</li>
            ))}
            {answer.files.count > 0 ? <li>{t('privacy.erase.files', { count: answer.files.count, n: format.number(answer.files.count), size: format.bytes(answer.files.bytes) })}</li> : null}
            {answer.auditEntriesToRedact > 0 ? <li>{t('privacy.erase.audit', { count: format.number(answer.auditEntriesToRedact) })}</li> : null}
            {answer.localCopies.map((copy) => (
              <li key={copy.name}>{copy.name === 'ipfs' ? t('privacy.erase.ipfs', { count: copy.items, n: format.number(copy.items) }) : `${copy.name}: ${format.number(copy.items)}`}</li>
            ))}
          </ul>
          {answer.files.sample.length > 0 ? (
            <details>
              <summary>{t('privacy.erase.sample')}</summary>
              <ul className="file-list">
                {answer.files.sample.map((file) => (
                  <li key={file}>
                    <code dir="ltr">{file}</code>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {answer.remoteCopies.length > 0 ? (
            <div>
              <p>{t('privacy.erase.remote')}</p>
              <ul className="restore-summary__list">
                {answer.remoteCopies.map((copy) => (
                  <li key={`${copy.where}-${copy.what}`} dir="auto">
                    {copy.where}: {copy.what} ({copy.action})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {answer.outsideDataDir.length > 0 ? <p>{t('privacy.erase.outside', { folders: answer.outsideDataDir.join(', ') })}</p> : null}
          <p className="erase-plan__warning">{t('privacy.erase.irreversible')}</p>
        </div>
      ) : null}
      {plan.error ? <ErrorAlert error={plan.error} /> : null}
      {erase.error ? <ErrorAlert error={erase.error} /> : null}
    </ConfirmDialog>
  );
}
