import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { PassphraseField } from './passphrase-field.tsx';

/** Back up now; a passphrase, when given, encrypts the archive (AES-256-GCM, key by scrypt in the core). */
export function CreateBackupForm(props: { onCreated(result: CommandOutput<'backup.create'>): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const create = useCommand('backup.create');
  const [passphrase, setPassphrase] = useState('');
  const { fields, general } = fieldErrors(create.error, ['passphrase'] as const);

  async function submit(): Promise<void> {
    const result = await create.run(passphrase === '' ? { encrypt: false } : { encrypt: true, passphrase });
    if (result) props.onCreated(result);
  }

  return (
    <form
      className="card"
      aria-labelledby="create-backup-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !create.pending) props.onCancel();
      }}
    >
      <h2 id="create-backup-title" className="card__title">
        {t('backups.create.title')}
      </h2>
      {general ? <ErrorAlert error={general} /> : null}
      <PassphraseField label={t('backups.create.passphrase')} hint={t('backups.create.passphraseHint')} value={passphrase} onChange={setPassphrase} error={fields.passphrase} autoFocus />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.pending}>
          {create.pending ? (
            <>
              <span className="spinner spinner--small spinner--on-accent" aria-hidden="true" />
              {t('backups.create.submitting')}
            </>
          ) : (
            t('backups.create.submit')
          )}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onCancel} disabled={create.pending}>
          {t('backups.create.cancel')}
        </button>
      </div>
    </form>
  );
}
