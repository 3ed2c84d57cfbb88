import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/api/index.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommand } from '../../hooks/use-command.ts';

export function DeleteProjectDialog(props: { project: Project; onDeleted(project: Project): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const remove = useCommand('projects.delete');
  const { project } = props;

  async function confirm(): Promise<void> {
    if (await remove.run({ id: project.id })) props.onDeleted(project);
  }

  return (
    <ConfirmDialog
      title={t('projects.remove.title', { name: project.name })}
      confirmLabel={remove.pending ? t('projects.remove.deleting') : t('projects.remove.confirm')}
      cancelLabel={t('projects.remove.cancel')}
      tone="danger"
      busy={remove.pending}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
    >
      <p>{t('projects.remove.body')}</p>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
    </ConfirmDialog>
  );
}
