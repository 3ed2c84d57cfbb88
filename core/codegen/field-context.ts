import type { Field } from '../api/project-model.ts';
import type { FieldContext } from './context-types.ts';
import { jsLiteral } from './js-literal.ts';
import { namesOf } from './naming.ts';

const TEXT_DEFAULT_MAX = 200;
const LONG_TEXT_MAX = 10_000;
const TIME_PATTERN = '/^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$/';
const PHONE_PATTERN = '/^\\+?[0-9][0-9 ().-]{4,19}$/';

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function tsTypeOf(type: Field['type']): FieldContext['tsType'] {
  if (type === 'integer' || type === 'decimal' || type === 'money') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

function sqlTypeOf(type: Field['type']): FieldContext['sqlType'] {
  if (type === 'integer' || type === 'boolean') return 'INTEGER';
  if (type === 'decimal' || type === 'money') return 'REAL';
  return 'TEXT';
}

const INPUT: Record<Field['type'], string> = {
  string: 'text', text: 'textarea', integer: 'number', decimal: 'number', money: 'number', boolean: 'checkbox',
  date: 'date', datetime: 'datetime-local', time: 'time', email: 'email', phone: 'tel', url: 'url', enum: 'select',
  file: 'text', image: 'text', reference: 'select',
};

/** The zod expression the API and the forms both validate with (required-ness is added by the caller). */
function zodOf(field: Field, lengthMax: number): string {
  const range = (expr: string) => `${expr}${field.min !== undefined ? `.min(${field.min})` : ''}${field.max !== undefined ? `.max(${field.max})` : ''}`;
  switch (field.type) {
    case 'string':
    case 'text': {
      const min = field.min !== undefined ? Math.max(0, Math.ceil(field.min)) : field.required ? 1 : 0;
      return `z.string().trim()${min > 0 ? `.min(${min})` : ''}.max(${lengthMax})`;
    }
    case 'integer':
      return range('z.number().int()');
    case 'decimal':
    case 'money':
      return range('z.number()');
    case 'boolean':
      return 'z.boolean()';
    case 'date':
      return 'z.iso.date()';
    case 'datetime':
      return 'z.iso.datetime({ offset: true })';
    case 'time':
      return `z.string().regex(${TIME_PATTERN}, 'Expected a time such as 09:30')`;
    case 'email':
      return 'z.email().max(254)';
    case 'phone':
      return `z.string().trim().regex(${PHONE_PATTERN}, 'Expected a phone number such as +33 1 23 45 67 89')`;
    case 'url':
      return "z.url({ protocol: /^https?$/ }).max(2000)";
    case 'enum':
      return `z.enum(${jsLiteral(field.values ?? [])})`;
    case 'file':
    case 'image':
      return 'z.string().trim().min(1).max(500)';
    case 'reference':
      return 'z.number().int().positive()';
  }
}

function fit(text: string, min: number, max: number): string {
  const long = text.length < min ? text.padEnd(min, 'x') : text;
  return long.slice(0, Math.max(max, 1));
}

function numberIn(field: Field, integer: boolean, offset: number): number {
  const low = field.min ?? (field.max !== undefined ? Math.min(field.max, 1) : 1);
  const start = integer ? Math.ceil(low) : low;
  const value = start + (integer ? offset : offset * 1.5) + (integer ? 0 : 0.25);
  if (field.max !== undefined && value > field.max) return integer ? Math.floor(field.max) : field.max;
  return value;
}

const LETTERS = ['A', 'B', 'C', 'D'];
export const SAMPLE_COUNT = LETTERS.length;

/** Valid values for tests and examples, distinct from each other where the type allows, so unique fields can hold them all. */
function samplesOf(field: Field, entityKebab: string, lengthMax: number): unknown[] {
  const minLength = field.min !== undefined ? Math.ceil(field.min) : 1;
  const title = namesOf(field.name).title;
  return LETTERS.map((letter, i) => {
    const lower = letter.toLowerCase();
    switch (field.type) {
      case 'string':
      case 'text':
        return fit(`${title} ${letter}`, minLength, lengthMax);
      case 'integer':
        return numberIn(field, true, i);
      case 'decimal':
      case 'money':
        return numberIn(field, false, i);
      case 'boolean':
        return i % 2 === 0;
      case 'date':
        return `2026-0${i + 1}-1${i + 2}`;
      case 'datetime':
        return `2026-0${i + 1}-1${i + 2}T1${i}:30:00.000Z`;
      case 'time':
        return `${String(8 + i).padStart(2, '0')}:${i}5`;
      case 'email':
        return `${entityKebab}.${lower}@example.com`;
      case 'phone':
        return `+33 1 23 45 67 8${i}`;
      case 'url':
        return `https://example.com/${lower}`;
      case 'enum': {
        const values = field.values ?? ['x'];
        return values[i % values.length];
      }
      case 'file':
      case 'image':
        return `uploads/${entityKebab}-${lower}.${field.type === 'image' ? 'png' : 'pdf'}`;
      case 'reference':
        return i + 1;
    }
  });
}

function invalidOf(field: Field, lengthMax: number): [unknown, string | null] {
  switch (field.type) {
    case 'string':
    case 'text':
      return ['x'.repeat(lengthMax + 1), 'too long'];
    case 'integer':
      if (field.min !== undefined) return [Math.ceil(field.min) - 1, 'below the minimum'];
      if (field.max !== undefined) return [Math.floor(field.max) + 1, 'above the maximum'];
      return [1.5, 'not a whole number'];
    case 'decimal':
    case 'money':
      if (field.min !== undefined) return [field.min - 1, 'below the minimum'];
      if (field.max !== undefined) return [field.max + 1, 'above the maximum'];
      return ['twelve', 'not a number'];
    case 'boolean':
      return ['yes', 'not a boolean'];
    case 'date':
      return ['2026-13-45', 'not a date'];
    case 'datetime':
      return ['yesterday', 'not a date and time'];
    case 'time':
      return ['25:99', 'not a time'];
    case 'email':
      return ['not-an-email', 'not an email address'];
    case 'phone':
      return ['call me', 'not a phone number'];
    case 'url':
      return ['javascript:alert(1)', 'not an http(s) URL'];
    case 'enum':
      return ['not-one-of-the-values', 'not one of the values'];
    case 'file':
    case 'image':
      return ['', 'empty'];
    case 'reference':
      return [-1, 'not an id'];
  }
}

export function fieldContext(field: Field, entityKebab: string): FieldContext {
  const names = namesOf(field.name);
  const lengthMax = field.type === 'text' ? Math.min(field.max ?? LONG_TEXT_MAX, LONG_TEXT_MAX) : field.type === 'string' ? Math.min(field.max ?? TEXT_DEFAULT_MAX, LONG_TEXT_MAX) : TEXT_DEFAULT_MAX;
  const samples = samplesOf(field, entityKebab, lengthMax);
  const [invalid, invalidReason] = invalidOf(field, lengthMax);
  const is = Object.fromEntries(['string', 'text', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime', 'time', 'email', 'phone', 'url', 'enum', 'file', 'image', 'reference'].map((t) => [t, t === field.type]));
  return {
    name: field.name,
    column: names.snake,
    names,
    label: field.label ?? names.title,
    type: field.type,
    is: { ...is, number: tsTypeOf(field.type) === 'number', textual: tsTypeOf(field.type) === 'string' },
    required: field.required === true,
    unique: field.unique === true,
    min: field.min ?? null,
    max: field.max ?? null,
    values: field.values ?? [],
    unit: field.unit ?? null,
    personal: field.personalData !== undefined,
    special: field.personalData === 'special',
    description: field.description ?? null,
    tsType: tsTypeOf(field.type),
    tsValueType: field.type === 'enum' ? (field.values ?? []).map(jsLiteral).join(' | ') : tsTypeOf(field.type),
    zod: zodOf(field, lengthMax),
    sqlType: sqlTypeOf(field.type),
    sqlCheck: field.type === 'enum' ? `CHECK ("${names.snake}" IN (${(field.values ?? []).map(sqlString).join(', ')}))` : '',
    input: INPUT[field.type],
    samples,
    invalid,
    invalidCode: typeof invalid === 'string' && invalid.length > 40 ? `'x'.repeat(${invalid.length})` : jsLiteral(invalid),
    invalidReason,
    zodFull: field.required === true ? zodOf(field, lengthMax) : `${zodOf(field, lengthMax)}.nullish()`,
  };
}
