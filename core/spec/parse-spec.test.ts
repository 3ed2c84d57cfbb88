import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectModel } from '../api/project-model.ts';
import { AppError } from '../common/index.ts';
import { differenceFromFile } from './evaluation/score.ts';
import { parseSpec, validateSpec } from './parse-spec.ts';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected parseSpec to throw');
}

const GYM = readFileSync(new URL('./corpus/fr-salle-escalade.yaml', import.meta.url), 'utf8');

describe('parseSpec on free text', () => {
  const text = [
    '# Cabinet Les Tilleuls',
    '',
    'Patients : nom, prénom, email, date de naissance, numéro de sécurité sociale.',
    'Chaque patient peut avoir plusieurs rendez-vous. Un rendez-vous a une date, une heure et un motif.',
    'Rôles : médecin, secrétaire. Interface en français et en arabe.',
  ].join('\n');

  it('explains every entity, field and relation with its source line and a confidence', () => {
    const result = parseSpec({ text });
    expect(result.format).toBe('text');
    expect(projectModel.safeParse(result.model).success).toBe(true);
    const byPath = new Map(result.sources.map((s) => [s.path, s]));
    result.model.entities.forEach((entity, i) => {
      expect(byPath.get(`entities[${i}]`)?.source?.line).toBeGreaterThan(0);
      entity.fields.forEach((_, j) => {
        const explained = byPath.get(`entities[${i}].fields[${j}]`)!;
        expect(explained.status).toBe('understood');
        expect(explained.confidence).toBeGreaterThan(0);
        expect(explained.source?.text).toBe(text.split('\n')[explained.source!.line - 1]!.trim());
      });
      entity.relations.forEach((_, k) => expect(byPath.get(`entities[${i}].relations[${k}]`)?.source?.line).toBe(4));
    });
    const patient = result.model.entities.find((e) => e.name === 'Patient')!;
    expect(patient.fields.map((f) => [f.name, f.type, f.personalData])).toEqual([
      ['nom', 'string', 'personal'],
      ['prenom', 'string', 'personal'],
      ['email', 'email', 'personal'],
      ['dateDeNaissance', 'date', 'personal'],
      ['numeroDeSecuriteSociale', 'string', 'personal'],
    ]);
    const motif = result.model.entities.find((e) => e.name === 'RendezVous')!.fields.find((f) => f.name === 'motif')!;
    expect(motif.personalData).toBe('special');
    expect(result.model).toMatchObject({ name: 'Cabinet Les Tilleuls', slug: 'cabinet-les-tilleuls', domain: 'health', languages: ['fr', 'ar'], roles: ['medecin', 'secretaire'] });
    expect(result.model.features).toEqual(expect.arrayContaining(['auth', 'i18n']));
  });

  it('gives each stated requirement a stable id, in text order, with what it produced', () => {
    const { model } = parseSpec({ text });
    expect(model.requirements.map((r) => r.id)).toEqual(model.requirements.map((_, i) => `R${i + 1}`));
    expect(model.requirements[0]).toMatchObject({ text: 'Patients : nom, prénom, email, date de naissance, numéro de sécurité sociale.' });
    expect(model.requirements[0]!.refs).toEqual(expect.arrayContaining(['entity:Patient', 'field:Patient.email']));
    expect(parseSpec({ text }).model.requirements).toEqual(model.requirements);
  });

  it('is deterministic', () => {
    expect(parseSpec({ text })).toEqual(parseSpec({ text }));
  });

  it('fills a thin spec with suggestions marked as such, never as understood', () => {
    const result = parseSpec({ text: 'une appli pour gérer mes clients et mes factures' });
    expect(result.model.entities.map((e) => e.name)).toEqual(['Client', 'Facture']);
    expect(result.model.domain).toBe('finance');
    const facture = result.model.entities[1]!;
    expect(facture.fields.length).toBeGreaterThan(2);
    const suggested = result.sources.filter((s) => s.path.startsWith('entities[1].fields['));
    expect(suggested.every((s) => s.status === 'suggested' && s.source === undefined)).toBe(true);
    expect(result.sources.find((s) => s.path === 'entities[1]')?.status).toBe('understood');
    expect(result.sources.find((s) => s.path === 'stacks[0]')).toMatchObject({ status: 'suggested' });
    expect(result.sources.find((s) => s.path === 'languages[0]')).toMatchObject({ item: 'language fr', status: 'suggested' });
  });

  it('reads languages named in the text, English + Spanish and "en français, anglais et arabe"', () => {
    expect(parseSpec({ text: 'Gym app: members (name, email). English + Spanish.' }).model.languages).toEqual(['en', 'es']);
    expect(parseSpec({ text: 'Un site pour gérer les adhérents (nom, email), en français, anglais et arabe.' }).model.languages).toEqual(['fr', 'en', 'ar']);
    const teaching = parseSpec({ text: 'École de langues : cours (langue enseignée, niveau). Les professeurs parlent anglais et espagnol.' });
    expect(teaching.model.languages).toEqual(['fr']);
  });

  it('understands a refusal: "no login" is not auth', () => {
    const { model } = parseSpec({ text: 'A simple website for my photos, no database and no login. Gallery of projects (title, year, photos).' });
    expect(model.features).not.toContain('auth');
    expect(model.stacks).toEqual(['static']);
  });
});

describe('parseSpec on structured specs', () => {
  it('takes a valid YAML spec as it is: only the version and the slug are added', () => {
    const result = parseSpec({ text: GYM, fileName: 'climbing.yaml' });
    expect(result.format).toBe('yaml');
    expect(differenceFromFile(parseYaml(GYM), result.model)).toBeUndefined();
    expect(result.model.slug).toBe('bloc-grimpe');
    expect(result.sources.find((s) => s.path === 'entities[1].fields[1]')).toMatchObject({ status: 'understood', confidence: 1, source: { line: 19, column: 9 } });
  });

  it('names path, line and column of a schema error', () => {
    const broken = GYM.replace('{ name: debut, type: datetime, required: true }', '{ name: debut, type: datetim, required: true }');
    const error = failure(() => parseSpec({ text: broken, fileName: 'spec.yaml' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toMatchObject({ path: 'entities[2].fields[0].type', line: 26, column: 30 });
    expect(error.message).toContain('entities[2].fields[0].type (line 26, column 30)');
  });

  it('reports an unknown key at the key, and a missing key at its parent', () => {
    const error = failure(() => parseSpec({ text: GYM.replace('  - name: Creneau\n', '  - name: Creneau\n    colour: red\n'), format: 'yaml' }));
    expect(error.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'entities[2].colour', line: 24, column: 5 })]));
    const missing = failure(() => parseSpec({ text: 'name: X\ndomain: health\nentities: []\n', format: 'yaml' }));
    expect(missing.details).toMatchObject({ path: 'languages' });
  });

  it('reports YAML and JSON syntax errors with their line and column', () => {
    const yaml = failure(() => parseSpec({ text: 'name: X\nentities: [\n  { name: A\n', format: 'yaml' }));
    expect(yaml.code).toBe('VALIDATION_FAILED');
    expect(yaml.details?.line).toBeGreaterThanOrEqual(2);
    const json = failure(() => parseSpec({ text: '{\n  "name": "X",\n  "domain": health\n}', fileName: 'spec.json' }));
    expect(json.details).toMatchObject({ line: 3, column: 13 });
  });

  it('refuses relations to entities that do not exist, and duplicate entities', () => {
    const dangling = failure(() => parseSpec({ text: 'name: X\ndomain: legal\nlanguages: [fr]\nentities:\n  - name: Dossier\n    relations:\n      - { kind: belongsTo, target: Client }\n', format: 'yaml' }));
    expect(dangling.details).toMatchObject({ path: 'entities[0].relations[0].target', line: 7, column: 36 });
    const twice = failure(() => parseSpec({ text: 'name: X\ndomain: legal\nlanguages: [fr]\nentities:\n  - name: Client\n  - name: client\n', format: 'yaml' }));
    expect(twice.details).toMatchObject({ path: 'entities[1].name', line: 6 });
  });

  it('refuses markup in names and keeps reserved words with a warning', () => {
    const markup = failure(() => parseSpec({ text: 'name: X\ndomain: legal\nlanguages: [fr]\nentities:\n  - name: "<b>Client</b>"\n', format: 'yaml' }));
    expect(markup.details).toMatchObject({ path: 'entities[0].name', line: 5 });
    const reserved = parseSpec({ text: 'name: X\ndomain: shop\nlanguages: [en]\nentities:\n  - name: Order\n    fields:\n      - { name: default, type: boolean }\n', format: 'yaml' });
    expect(reserved.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown-domain', 'domain'],
      ['reserved-word', 'entities[0].name'],
      ['reserved-word', 'entities[0].fields[0].name'],
    ]);
    expect(reserved.warnings[1]!.details).toEqual({ name: 'Order', reservedIn: ['sql'] });
  });
});

describe('validateSpec', () => {
  it('returns the model of a valid spec, the errors of an invalid one, and says prose is not structured', () => {
    expect(validateSpec({ text: GYM, fileName: 'a.yml' })).toMatchObject({ valid: true, format: 'yaml', errors: [] });
    const invalid = validateSpec({ text: GYM.replace('languages: [fr, en]', 'languages: [french]'), format: 'yaml' });
    expect(invalid).toMatchObject({ valid: false, errors: [{ path: 'languages[0]', line: 5, column: 13 }] });
    expect(invalid.model).toBeUndefined();
    expect(validateSpec({ text: 'Clients : nom, email' })).toMatchObject({ valid: false, format: 'text' });
    expect(validateSpec({ text: '', format: 'json' })).toMatchObject({ valid: false, errors: [{ message: 'The specification is empty.' }] });
  });
});
