import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary, CommandOutput } from '../../../core/api/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { PassphraseField } from './passphrase-field.tsx';

/**
 * Restoring replaces this Dihya's data, so the dialog first reads the backup (its manifest) and
 * names both sides: what is here now, and what the backup brings back. An encrypted backup needs
 * its passphrase before anything can be read.
 */
export function RestoreBackupDialog(props: { backup: BackupSummary; onRestored(result: CommandOutput<'backup.restore'>): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { backup } = props;
  const inspect = useCommand('backup.inspect');
  const restore = useCommand('backup.restore');
  const info = useQuery('app.info', {});
  const current = useQuery('projects.list', { limit: 1 });
  const [passphrase, setPassphrase] = useState('');
  const [manifest, setManifest] = useState<CommandOutput<'backup.inspect'>['manifest'] | undefined>(undefined);
  const inspectRun = inspect.run;

  useEffect(() => {
    if (backup.encrypted) return;
    void inspectRun({ file: backup.file }).then((result) => result && setManifest(result.manifest));
  }, [backup, inspectRun]);

  async function unlock(): Promise<void> {
    const result = await inspect.run({ file: backup.file, passphrase });
    if (result) setManifest(result.manifest);
  }

  async function confirm(): Promise<void> {
    if (manifest === undefined) return unlock();
    const result = await restore.run({ file: backup.file, confirm: true, ...(backup.encrypted ? { passphrase } : {}) });
    if (result) props.onRestored(result);
  }

  const when = format.date(backup.createdAt);
  return (
    <ConfirmDialog
      title={t('backups.restore.title', { date: when })}
      confirmLabel={restore.pending ? t('backups.restore.restoring') : manifest ? t('backups.restore.confirm') : t('backups.restore.unlock')}
      cancelLabel={t('backups.restore.cancel')}
      tone={manifest ? 'danger' : 'default'}
      busy={restore.pending}
      confirmDisabled={inspect.pending}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
    >
      {backup.encrypted && manifest === undefined ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void unlock();
          }}
        >
          <PassphraseField label={t('backups.passphrase')} hint={t('backups.restore.passphraseHint')} value={passphrase} onChange={setPassphrase} autoFocus />
        </form>
      ) : null}
      {manifest ? (
        <div className="restore-summary">
          <p>{t('backups.restore.replaces', { dataDir: info.data?.dataDir ?? '…' })}</p>
          <ul className="restore-summary__list">
            <li>{t('backups.restore.now', { projects: current.data ? format.number(current.data.total) : '…' })}</li>
            <li>
              {t('backups.restore.then', { date: when, projects: format.number(manifest.projects), files: format.number(manifest.members), size: format.bytes(manifest.totalBytes) })}
            </li>
            {manifest.folders.length > 0 ? <li>{t('backups.restore.folders', { folders: manifest.folders.join(', ') })}</li> : null}
          </ul>
          <p>{t('backups.restore.safety')}</p>
        </div>
      ) : inspect.pending ? (
        <p>{t('backups.restore.reading')}</p>
      ) : null}
      {inspect.error ? <ErrorAlert error={inspect.error} /> : null}
      {restore.error ? <ErrorAlert error={restore.error} /> : null}
    </ConfirmDialog>
  );
}
