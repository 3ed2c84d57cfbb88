import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

/** The core refused to publish personal data without consent: say what, and that it cannot be taken back. */
export function PersonalDataDialog(props: { files: readonly string[]; busy: boolean; onConfirm(): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('publish.personal.title')}
      confirmLabel={props.busy ? t('publish.publishing') : t('publish.personal.confirm')}
      cancelLabel={t('publish.personal.cancel')}
      tone="danger"
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>{t('publish.personal.body')}</p>
      {props.files.length > 0 ? (
        <ul className="file-list">
          {props.files.slice(0, 20).map((file) => (
            <li key={file}>
              <code dir="ltr">{file}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t('publish.personal.irreversible')}</p>
    </ConfirmDialog>
  );
}
