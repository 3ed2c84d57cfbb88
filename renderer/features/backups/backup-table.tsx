import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../core/api/index.ts';
import { CheckIcon, KeyIcon } from '../../components/icons.tsx';
import { useFormatters } from '../../hooks/use-formatters.ts';

export interface BackupTableProps {
  backups: BackupSummary[];
  /** The backup being verified without a dialog (unencrypted), for its button's busy state. */
  verifying: string | undefined;
  onVerify(backup: BackupSummary): void;
  onRestore(backup: BackupSummary): void;
}

function Verification(props: { backup: BackupSummary }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { verification } = props.backup;
  if (verification.status === 'failed') {
    return (
      <span className="status-pill status-pill--error" title={verification.message ?? undefined}>
        {t('backups.verification.failed')}
      </span>
    );
  }
  return (
    <span className="status-pill status-pill--ok" title={format.fullDate(verification.checkedAt)}>
      <CheckIcon width={14} height={14} />
      {verification.atCreation ? t('backups.verification.atCreation') : t('backups.verification.verified', { date: format.date(verification.checkedAt) })}
    </span>
  );
}

export function BackupTable(props: BackupTableProps): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-card">
      <table className="table">
        <caption className="visually-hidden">{t('backups.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backups.columns.createdAt')}</th>
            <th scope="col">{t('backups.columns.kind')}</th>
            <th scope="col">{t('backups.columns.size')}</th>
            <th scope="col">{t('backups.columns.encrypted')}</th>
            <th scope="col">{t('backups.columns.verified')}</th>
            <th scope="col" className="table__actions-heading">
              <span className="visually-hidden">{t('backups.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.backups.map((backup) => {
            const when = format.date(backup.createdAt);
            return (
              <tr key={backup.file}>
                <th scope="row" className="backup-row__date">
                  <time dateTime={backup.createdAt} title={backup.fileName}>
                    {when}
                  </time>
                </th>
                <td>{t(`backups.kinds.${backup.kind}`)}</td>
                <td className="numeric">{format.bytes(backup.sizeBytes)}</td>
                <td>
                  {backup.encrypted ? (
                    <span className="status-pill">
                      <KeyIcon width={14} height={14} />
                      {t('backups.encrypted.yes')}
                    </span>
                  ) : (
                    <span className="muted">{t('backups.encrypted.no')}</span>
                  )}
                </td>
                <td>
                  <Verification backup={backup} />
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      aria-label={t('backups.verify.actionLabel', { date: when })}
                      disabled={props.verifying === backup.file}
                      onClick={() => props.onVerify(backup)}
                    >
                      {props.verifying === backup.file ? t('backups.verify.verifying') : t('backups.verify.action')}
                    </button>
                    <button type="button" className="button button--small" aria-label={t('backups.restore.actionLabel', { date: when })} onClick={() => props.onRestore(backup)}>
                      {t('backups.restore.action')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
