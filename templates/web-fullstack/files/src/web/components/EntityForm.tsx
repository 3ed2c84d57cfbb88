import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { entityByName } from '../../shared/entities/index.ts';
import type { EntityMeta, FieldMeta, ForeignKeyMeta } from '../../shared/entity-meta.ts';
import { api, ApiError, type Page } from '../api.ts';
import { emptyValues, errorsByField, toInput, type FormValues } from '../forms.ts';
import { useLabels } from '../labels.ts';

type Options = Record<string, { id: number; label: string }[]>;

/** Loads the records a foreign key may point at (first 100), for its select. */
function useReferenceOptions(meta: EntityMeta): Options {
  const [options, setOptions] = useState<Options>({});
  useEffect(() => {
    let live = true;
    for (const key of meta.foreignKeys) {
      api<Page<Record<string, unknown>>>(`/api/${key.targetRoute}?pageSize=100`)
        .then((page) => {
          if (!live) return;
          const display = entityByName(key.target).displayField;
          const list = page.items.map((item) => ({ id: Number(item.id), label: display === 'id' ? `#${String(item.id)}` : `${String(item[display] ?? '')} (#${String(item.id)})` }));
          setOptions((current) => ({ ...current, [key.name]: list }));
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [meta]);
  return options;
}

interface Props {
  meta: EntityMeta;
  initial?: FormValues;
  onSubmit(input: Record<string, unknown>): Promise<void> | void;
}

/** A form for any entity, validated with the same zod schema as the API before anything is sent. */
export function EntityForm({ meta, initial, onSubmit }: Props) {
  const labels = useLabels();
  const formId = useId();
  const [values, setValues] = useState<FormValues>(initial ?? emptyValues(meta));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const options = useReferenceOptions(meta);

  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = meta.schema.safeParse(toInput(meta, values));
    if (!parsed.success) {
      const found = errorsByField(parsed.error.issues);
      for (const item of [...meta.fields, ...meta.foreignKeys]) {
        if (found[item.name] !== undefined && item.required && (values[item.name] === '' || values[item.name] === undefined)) found[item.name] = labels.t('ui.required');
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) setErrors(errorsByField(error.issues));
      else setErrors({ _form: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const control = (field: FieldMeta) => {
    const id = `${formId}-${field.name}`;
    const common = { id, name: field.name, 'aria-invalid': errors[field.name] !== undefined, 'aria-required': field.required };
    const value = values[field.name];
    if (field.type === 'boolean') return <input {...common} type="checkbox" checked={value === true} onChange={(e) => set(field.name, e.target.checked)} />;
    if (field.type === 'text') return <textarea {...common} value={String(value ?? '')} onChange={(e) => set(field.name, e.target.value)} />;
    if (field.type === 'enum') {
      return (
        <select {...common} value={String(value ?? '')} onChange={(e) => set(field.name, e.target.value)}>
          <option value="">{labels.t('ui.none')}</option>
          {field.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
    }
    const step = field.type === 'integer' ? '1' : field.type === 'decimal' || field.type === 'money' ? 'any' : undefined;
    return <input {...common} type={field.input} step={step} value={String(value ?? '')} onChange={(e) => set(field.name, e.target.value)} />;
  };

  const reference = (key: ForeignKeyMeta) => (
    <select id={`${formId}-${key.name}`} name={key.name} aria-required={key.required} aria-invalid={errors[key.name] !== undefined} value={String(values[key.name] ?? '')} onChange={(e) => set(key.name, e.target.value)}>
      <option value="">{labels.t('ui.none')}</option>
      {(options[key.name] ?? []).map((option) => (
        <option key={option.id} value={String(option.id)}>
          {option.label}
        </option>
      ))}
    </select>
  );

  const row = (name: string, label: string, required: boolean, input: ReactNode) => (
    <div className="field" key={name}>
      <label htmlFor={`${formId}-${name}`}>
        {label}
        {required ? ' *' : ''}
      </label>
      {input}
      {errors[name] !== undefined && (
        <p className="error" role="alert" data-field={name}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate>
      {meta.fields.map((field) => row(field.name, labels.field(meta, field.name, field.label), field.required, control(field)))}
      {meta.foreignKeys.map((key) => row(key.name, labels.field(meta, key.name, key.label), key.required, reference(key)))}
      {errors._form !== undefined && (
        <p className="error" role="alert" data-field="_form">
          {errors._form}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {labels.t('ui.save')}
      </button>
    </form>
  );
}
