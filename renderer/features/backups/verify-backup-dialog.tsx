import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary, CommandOutput } from '../../../core/api/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { PassphraseField } from './passphrase-field.tsx';

/** Verifying an encrypted backup needs its passphrase; the core restores a copy and runs integrity_check. */
export function VerifyBackupDialog(props: { backup: BackupSummary; onVerified(result: CommandOutput<'backup.verify'>): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const verify = useCommand('backup.verify');
  const [passphrase, setPassphrase] = useState('');

  async function confirm(): Promise<void> {
    const result = await verify.run({ file: props.backup.file, passphrase });
    if (result) props.onVerified(result);
  }

  return (
    <ConfirmDialog
      title={t('backups.verify.title', { date: format.date(props.backup.createdAt) })}
      confirmLabel={verify.pending ? t('backups.verify.verifying') : t('backups.verify.confirm')}
      cancelLabel={t('backups.verify.cancel')}
      busy={verify.pending}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <PassphraseField label={t('backups.passphrase')} value={passphrase} onChange={setPassphrase} autoFocus />
      </form>
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
    </ConfirmDialog>
  );
}
