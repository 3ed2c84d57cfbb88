import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectModel, type ProjectModel } from '../../../core/api/index.ts';
import { applyOverrides, isEdited, overrideKey } from './field-overrides.ts';
import { checkModel, formatPath, specFileName, toStructuredYaml } from './structured-spec.ts';

const model: ProjectModel = projectModel.parse({
  name: 'Cabinet Amrani',
  domain: 'health',
  languages: ['fr'],
  entities: [
    {
      name: 'Patient',
      fields: [
        { name: 'nom', type: 'string', personalData: 'personal' },
        { name: 'statut', type: 'enum', values: ['actif', 'archivé'] },
      ],
    },
    { name: 'Consultation', fields: [{ name: 'date', type: 'date', required: true }] },
  ],
});

describe('applyOverrides', () => {
  it('changes type, flags and the personal-data tag of the named field only', () => {
    const edited = applyOverrides(model, {
      [overrideKey('Patient', 'nom')]: { required: true, unique: true, personalData: 'special' },
      [overrideKey('Consultation', 'date')]: { type: 'datetime', required: false },
    });
    expect(edited.entities[0]?.fields[0]).toEqual({ name: 'nom', type: 'string', required: true, unique: true, personalData: 'special' });
    expect(edited.entities[1]?.fields[0]).toEqual({ name: 'date', type: 'datetime' });
    expect(edited.entities[0]?.fields[1]).toBe(model.entities[0]?.fields[1]);
  });

  it('removes a tag the parser put when the user clears it', () => {
    const edited = applyOverrides(model, { [overrideKey('Patient', 'nom')]: { personalData: null } });
    expect(edited.entities[0]?.fields[0]).toEqual({ name: 'nom', type: 'string' });
  });

  it('keeps the model valid across type changes: values only on enums, a target on references', () => {
    const edited = applyOverrides(model, { [overrideKey('Patient', 'statut')]: { type: 'reference' } });
    expect(edited.entities[0]?.fields[1]).toEqual({ name: 'statut', type: 'reference', target: 'Consultation' });
    expect(checkModel(edited).ok).toBe(true);
  });

  it('reports an enum without values as the schema does, at its path', () => {
    const result = checkModel(applyOverrides(model, { [overrideKey('Patient', 'nom')]: { type: 'enum' } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'entities[0].fields[0].values', message: 'An enum field lists its values.' });
  });

  it('ignores edits of fields the text no longer has, and knows which fields are edited', () => {
    const overrides = { [overrideKey('Ghost', 'x')]: { required: true } };
    expect(applyOverrides(model, overrides)).toEqual(model);
    expect(isEdited(overrides, 'Ghost', 'x')).toBe(true);
    expect(isEdited(overrides, 'Patient', 'nom')).toBe(false);
  });
});

describe('structured spec', () => {
  it('writes YAML that reads back as the same model', () => {
    const text = toStructuredYaml(model);
    expect(projectModel.parse(parse(text))).toEqual(model);
    expect(text).toContain('name: Cabinet Amrani');
  });

  it('formats paths as the parser does, and names the file after the project', () => {
    expect(formatPath(['entities', 2, 'fields', 0, 'type'])).toBe('entities[2].fields[0].type');
    expect(specFileName({ name: 'Café du Port', slug: undefined })).toBe('cafe-du-port.dihya.yaml');
    expect(specFileName({ name: 'x', slug: 'atelier' })).toBe('atelier.dihya.yaml');
    expect(specFileName({ name: 'مكتبة', slug: undefined })).toBe('spec.dihya.yaml');
  });
});
