import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../core/api/index.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ArchiveIcon, PlusIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { BackupTable } from './backup-table.tsx';
import { CreateBackupForm } from './create-backup-form.tsx';
import { RestoreBackupDialog } from './restore-backup-dialog.tsx';
import { useBackups, useBackupSettings } from './use-backups.ts';
import { VerifyBackupDialog } from './verify-backup-dialog.tsx';

export function BackupsPage(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const backups = useBackups();
  const settings = useBackupSettings();
  const verify = useCommand('backup.verify');
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupSummary | undefined>(undefined);
  const [verifyingEncrypted, setVerifyingEncrypted] = useState<BackupSummary | undefined>(undefined);
  const [verifying, setVerifying] = useState<string | undefined>(undefined);
  const [notice, showNotice] = useTransientMessage(10_000);
  const newButton = useRef<HTMLButtonElement>(null);
  const items = backups.data?.items ?? [];

  async function verifyPlain(backup: BackupSummary): Promise<void> {
    setVerifying(backup.file);
    const result = await verify.run({ file: backup.file });
    setVerifying(undefined);
    if (result) showNotice(t('backups.verify.done', { date: format.date(backup.createdAt), files: format.number(result.members) }));
    backups.refresh();
  }

  const policy = settings.data?.retention;
  return (
    <div className="page">
      <PageHeader
        title={t('backups.title')}
        subtitle={t('backups.subtitle')}
        actions={
          creating ? null : (
            <button type="button" ref={newButton} className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              <span>{t('backups.create.action')}</span>
            </button>
          )
        }
      />
      {settings.data ? (
        <p className="page-facts">
          <span>
            {t('backups.destination')} <code className="path" dir="ltr">{settings.data.destination}</code>
          </span>
          {policy ? <span>{t('backups.policy', { last: policy.keepLast, daily: policy.daily, weekly: policy.weekly, monthly: policy.monthly })}</span> : null}
        </p>
      ) : null}

      {creating ? (
        <CreateBackupForm
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => newButton.current?.focus());
          }}
          onCreated={(result) => {
            setCreating(false);
            showNotice(t('backups.create.done', { size: format.bytes(result.backup.sizeBytes), projects: format.number(result.manifest.projects) }));
            backups.refresh();
          }}
        />
      ) : null}

      <Notice message={notice} />
      {verify.error && verifying === undefined && verifyingEncrypted === undefined ? <ErrorAlert error={verify.error} title={t('backups.verify.failed')} /> : null}
      {backups.error ? <ErrorAlert error={backups.error} title={t('backups.loadFailed')} /> : null}
      {!backups.loaded && backups.loading ? <LoadingState label={t('backups.loading')} /> : null}
      {backups.loaded && items.length === 0 && !backups.error ? <EmptyState icon={<ArchiveIcon width={28} height={28} />} title={t('backups.empty.title')} body={t('backups.empty.body')} /> : null}
      {items.length > 0 ? (
        <BackupTable
          backups={items}
          verifying={verifying}
          onVerify={(backup) => (backup.encrypted ? setVerifyingEncrypted(backup) : void verifyPlain(backup))}
          onRestore={setRestoring}
        />
      ) : null}

      {verifyingEncrypted ? (
        <VerifyBackupDialog
          backup={verifyingEncrypted}
          onCancel={() => setVerifyingEncrypted(undefined)}
          onVerified={(result) => {
            setVerifyingEncrypted(undefined);
            showNotice(t('backups.verify.done', { date: format.date(verifyingEncrypted.createdAt), files: format.number(result.members) }));
          }}
        />
      ) : null}
      {restoring ? (
        <RestoreBackupDialog
          backup={restoring}
          onCancel={() => setRestoring(undefined)}
          onRestored={(result) => {
            setRestoring(undefined);
            showNotice(
              result.safetyBackup
                ? t('backups.restore.doneWithSafety', { date: format.date(restoring.createdAt), safety: format.date(result.safetyBackup.createdAt) })
                : t('backups.restore.done', { date: format.date(restoring.createdAt) }),
            );
            backups.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
