import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/index.ts';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
  it('puts each validation issue beside its field, the first one winning', () => {
    const error = new AppError('VALIDATION_FAILED', 'Invalid input', {
      issues: [
        { path: 'name', message: 'A project needs a name.' },
        { path: 'name', message: 'second' },
        { path: 'description', message: 'Too long.' },
      ],
    });
    expect(fieldErrors(error, ['name', 'description'])).toEqual({
      fields: { name: 'A project needs a name.', description: 'Too long.' },
      general: undefined,
    });
  });

  it('puts a conflict beside the field named in its details', () => {
    const error = new AppError('CONFLICT', 'A project named "X" already exists.', { name: 'X' });
    expect(fieldErrors(error, ['name']).fields).toEqual({ name: 'A project named "X" already exists.' });
  });

  it('keeps errors about no field of the form as a general error', () => {
    const unrelated = new AppError('VALIDATION_FAILED', 'Invalid input', { issues: [{ path: 'id', message: 'Not a UUID.' }] });
    expect(fieldErrors(unrelated, ['name'])).toEqual({ fields: {}, general: unrelated });
    const store = new AppError('STORE_READ_ONLY', 'Read-only.');
    expect(fieldErrors(store, ['name'])).toEqual({ fields: {}, general: store });
  });

  it('has nothing to say without an error', () => {
    expect(fieldErrors(undefined, ['name'])).toEqual({ fields: {}, general: undefined });
  });
});
