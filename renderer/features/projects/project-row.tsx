import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { DocumentIcon, PencilIcon, TrashIcon } from '../../components/icons.tsx';
import { useNavigation } from '../../app/navigation.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';

export interface ProjectRowProps {
  project: Project;
  onRenamed(project: Project): void;
  onDelete(project: Project): void;
}

export function ProjectRow(props: ProjectRowProps): ReactNode {
  const format = useFormatters();
  const { project } = props;
  const [editing, setEditing] = useState(false);

  return (
    <tr className={editing ? 'project-row project-row--editing' : 'project-row'}>
      <td className="project-row__name">
        {editing ? (
          <RenameForm
            project={project}
            onDone={(renamed) => {
              setEditing(false);
              if (renamed) props.onRenamed(renamed);
            }}
          />
        ) : (
          <>
            {/* An inline dir="auto" orders an Arabic name in an English page (and the reverse) by its
                own script while the row keeps aligning with the page; on the block it would not. */}
            <div className="project-row__title">
              <span dir="auto">{project.name}</span>
            </div>
            {project.description ? (
              <div className="project-row__description">
                <span dir="auto">{project.description}</span>
              </div>
            ) : null}
          </>
        )}
      </td>
      <td className="column-slug">
        <code className="slug" dir="ltr">
          {project.slug}
        </code>
      </td>
      <td className="project-row__date">
        <time dateTime={project.updatedAt} title={format.fullDate(project.updatedAt)}>
          {format.date(project.updatedAt)}
        </time>
      </td>
      <td className="project-row__actions">
        <RowActions editing={editing} project={project} onRename={() => setEditing(true)} onDelete={() => props.onDelete(project)} />
      </td>
    </tr>
  );
}

function RowActions(props: { editing: boolean; project: Project; onRename(): void; onDelete(): void }): ReactNode {
  const { t } = useTranslation();
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Focus goes back where it came from when the inline editor closes, not to the top of the page.
  useEffect(() => {
    if (wasEditing.current && !props.editing) renameButton.current?.focus();
    wasEditing.current = props.editing;
  }, [props.editing]);
  const { navigate } = useNavigation();
  const name = props.project.name;
  return (
    <div className="row-actions">
      <button type="button" className="button button--small button--ghost" aria-label={t('projects.openSpec.actionLabel', { name })} onClick={() => navigate('spec', props.project.id)}>
        <DocumentIcon />
        <span>{t('projects.openSpec.action')}</span>
      </button>
      {props.editing ? null : (
        <button type="button" ref={renameButton} className="button button--small button--ghost" aria-label={t('projects.rename.actionLabel', { name })} onClick={props.onRename}>
          <PencilIcon />
          <span>{t('projects.rename.action')}</span>
        </button>
      )}
      <button type="button" className="button button--small button--ghost button--ghost-danger" aria-label={t('projects.remove.actionLabel', { name })} onClick={props.onDelete}>
        <TrashIcon />
        <span>{t('projects.remove.action')}</span>
      </button>
    </div>
  );
}

function RenameForm(props: { project: Project; onDone(renamed: Project | undefined): void }): ReactNode {
  const { t } = useTranslation();
  const rename = useCommand('projects.rename');
  const [name, setName] = useState(props.project.name);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const { fields, general } = fieldErrors(rename.error, ['name'] as const);

  useEffect(() => {
    input.current?.select();
  }, []);

  async function save(): Promise<void> {
    if (name === props.project.name) return props.onDone(undefined);
    const renamed = await rename.run({ id: props.project.id, name });
    if (renamed) props.onDone(renamed);
  }

  return (
    <form
      className="rename-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !rename.pending) {
          event.stopPropagation();
          props.onDone(undefined);
        }
      }}
    >
      <div className="rename-form__row">
        <input
          ref={input}
          className="input input--compact"
          type="text"
          autoComplete="off"
          aria-label={t('projects.rename.field', { name: props.project.name })}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={fields.name ? true : undefined}
          aria-describedby={fields.name ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button--small button--primary" disabled={rename.pending}>
          {rename.pending ? t('projects.rename.saving') : t('projects.rename.save')}
        </button>
        <button type="button" className="button button--small button--ghost" disabled={rename.pending} onClick={() => props.onDone(undefined)}>
          {t('projects.rename.cancel')}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={fields.name} />
      {general ? <ErrorAlert error={general} /> : null}
    </form>
  );
}
