import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';

const FIELDS = ['name', 'description'] as const;

/**
 * Deliberately no client-side rules (no `required`, no maxLength): the contract's schemas are the
 * one source of truth, and their messages come back placed beside the right field.
 */
export function CreateProjectForm(props: { onCreated(project: Project): void; onCancel(): void }): ReactNode {
  const { t } = useTranslation();
  const create = useCommand('projects.create');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const { fields, general } = fieldErrors(create.error, FIELDS);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  useEffect(() => {
    if (fields.name) nameInput.current?.focus();
  }, [fields.name]);

  async function submit(): Promise<void> {
    const project = await create.run({ name, description });
    if (project) props.onCreated(project);
  }

  return (
    <form
      className="card create-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !create.pending) props.onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="card__title">
        {t('projects.create.title')}
      </h2>
      {general ? <ErrorAlert error={general} /> : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('projects.create.name')}
        </label>
        <input
          id={`${id}-name`}
          ref={nameInput}
          className="input"
          type="text"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={fields.name ? true : undefined}
          aria-describedby={fields.name ? `${id}-name-error ${id}-name-hint` : `${id}-name-hint`}
        />
        <p id={`${id}-name-hint`} className="field__hint">
          {t('projects.create.nameHint')}
        </p>
        <FieldError id={`${id}-name-error`} message={fields.name} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-description`}>
          {t('projects.create.description')}
        </label>
        <textarea
          id={`${id}-description`}
          className="input input--multiline"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          aria-invalid={fields.description ? true : undefined}
          aria-describedby={fields.description ? `${id}-description-error ${id}-description-hint` : `${id}-description-hint`}
        />
        <p id={`${id}-description-hint`} className="field__hint">
          {t('projects.create.descriptionHint')}
        </p>
        <FieldError id={`${id}-description-error`} message={fields.description} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.pending}>
          {create.pending ? t('projects.create.submitting') : t('projects.create.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onCancel} disabled={create.pending}>
          {t('projects.create.cancel')}
        </button>
      </div>
    </form>
  );
}
