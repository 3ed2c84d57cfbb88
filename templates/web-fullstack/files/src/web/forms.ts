import type { EntityMeta } from '../shared/entity-meta.ts';

/** What the inputs of a form hold: text for most fields, a boolean for checkboxes. */
export type FormValues = Record<string, string | boolean>;

const NUMBER_TYPES = new Set(['integer', 'decimal', 'money']);

export function emptyValues(meta: EntityMeta): FormValues {
  const values: FormValues = {};
  for (const field of meta.fields) values[field.name] = field.type === 'boolean' ? false : '';
  for (const key of meta.foreignKeys) values[key.name] = '';
  return values;
}

/** `2026-01-15T10:30:00.000Z` → the `datetime-local` text for the same instant in local time. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function valuesFromRecord(meta: EntityMeta, record: Record<string, unknown>): FormValues {
  const values = emptyValues(meta);
  for (const field of meta.fields) {
    const value = record[field.name];
    if (value === null || value === undefined) continue;
    values[field.name] = field.type === 'boolean' ? value === true : field.type === 'datetime' ? toLocalInput(String(value)) : String(value);
  }
  for (const key of meta.foreignKeys) if (record[key.name] !== null && record[key.name] !== undefined) values[key.name] = String(record[key.name]);
  return values;
}

/**
 * Turns form text into the typed input the API expects; the entity's zod schema then validates it,
 * exactly as the server will. Empty optional inputs become null, empty required ones stay missing.
 */
export function toInput(meta: EntityMeta, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of meta.fields) {
    const value = values[field.name];
    if (field.type === 'boolean') {
      input[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (!field.required) input[field.name] = null;
      continue;
    }
    if (NUMBER_TYPES.has(field.type)) input[field.name] = Number.isNaN(Number(text)) ? text : Number(text);
    else if (field.type === 'datetime') input[field.name] = Number.isNaN(new Date(text).getTime()) ? text : new Date(text).toISOString();
    else input[field.name] = text;
  }
  for (const key of meta.foreignKeys) {
    const text = String(values[key.name] ?? '');
    if (text === '') {
      if (!key.required) input[key.name] = null;
    } else {
      input[key.name] = Number(text);
    }
  }
  return input;
}

/** The first message for each field, keyed by field name. */
export function errorsByField(issues: readonly { path: readonly PropertyKey[] | string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = typeof issue.path === 'string' ? (issue.path.split('.')[0] ?? '') : String(issue.path[0] ?? '');
    const name = key === '' || key === '(body)' ? '_form' : key;
    errors[name] ??= issue.message;
  }
  return errors;
}
