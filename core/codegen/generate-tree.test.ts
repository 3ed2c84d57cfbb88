import { beforeAll, describe, expect, it } from 'vitest';
import { projectModel, type ProjectModelInput } from '../api/project-model.ts';
import { BUILTIN_TEMPLATES_DIR } from '../generation/generation-service.ts';
import { generateTree } from './generate-tree.ts';
import { LOCK_FILE_NAME, parseLock, rootHashOf } from './lock-file.ts';
import { loadTemplatePack, type TemplatePack } from './template-pack.ts';
import { gymModel, syntheticModel } from './test-support/models.ts';

let pack: TemplatePack;
beforeAll(async () => {
  pack = await loadTemplatePack(`${BUILTIN_TEMPLATES_DIR}web-fullstack`);
});

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const generate = (input: ProjectModelInput, options?: Record<string, unknown>) => generateTree({ model: projectModel.parse(input), pack, generatorVersion: '9.9.9', ...(options ? { options } : {}) });

describe('generateTree with the web-fullstack stack', () => {
  it('gives byte-identical output and the same root hash twice', () => {
    const a = generate(gymModel);
    const b = generate(gymModel);
    expect(a.lock.rootHash).toBe(b.lock.rootHash);
    expect([...a.tree.keys()]).toEqual([...b.tree.keys()]);
    for (const [path, bytes] of a.tree) expect(Buffer.from(bytes).equals(Buffer.from(b.tree.get(path) as Uint8Array)), path).toBe(true);
    expect(generate({ ...gymModel, name: 'Another Gym' }).lock.rootHash).not.toBe(a.lock.rootHash);
  });

  it('writes a lock whose hashes match the files, with provenance', () => {
    const { tree, lock } = generate(gymModel);
    const parsed = parseLock(text(tree.get(LOCK_FILE_NAME)));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.lock).toEqual(lock);
    expect(lock.generator).toEqual({ name: 'dihya', version: '9.9.9' });
    expect(lock.templates).toEqual([{ id: 'web-fullstack', version: pack.manifest.version, kind: 'stack', contentHash: pack.contentHash }]);
    expect(lock.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(lock.files)).toHaveLength(tree.size - 1);
    expect(rootHashOf(lock.files)).toBe(lock.rootHash);
    expect(JSON.stringify(lock)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('expands per entity and per language, and renders conditional files only when they apply', () => {
    const { tree } = generate(gymModel);
    for (const file of ['member', 'coach', 'fitness-class', 'booking']) {
      expect(tree.has(`src/shared/entities/${file}.ts`)).toBe(true);
      expect(tree.has(`src/server/routes/${file}.ts`)).toBe(true);
      expect(tree.has(`tests/api/entities/${file}.test.ts`)).toBe(true);
    }
    expect(tree.has('src/web/pages/fitness-class/FitnessClassEditPage.tsx')).toBe(true);
    expect([...tree.keys()].filter((p) => p.startsWith('src/web/locales/'))).toEqual(['src/web/locales/ar.json', 'src/web/locales/en.json', 'src/web/locales/fr.json']);
    expect(JSON.parse(text(tree.get('src/web/locales/ar.json'))).ui.save).toBe('حفظ');
    expect(text(tree.get('src/web/i18n.ts'))).toContain("{ code: 'ar', name: 'العربية', dir: 'rtl' }");
    expect(tree.has('src/server/gdpr.ts')).toBe(true);
    const withoutPersonal = generate({ ...gymModel, features: [], entities: [{ name: 'Note', fields: [{ name: 'body', type: 'text' }] }] });
    expect(withoutPersonal.tree.has('src/server/gdpr.ts')).toBe(false);
    expect(text(withoutPersonal.tree.get('src/server/app.ts'))).not.toContain('gdpr');
  });

  it('turns relations into foreign keys with the right cascade', () => {
    const sql = text(generate(gymModel).tree.get('src/server/migrations/0001-initial.sql'));
    expect(sql).toContain('"coach_id" INTEGER NOT NULL REFERENCES "coaches" ("id") ON DELETE CASCADE');
    expect(sql).toContain('"fitness_class_id" INTEGER REFERENCES "fitness_classes" ("id") ON DELETE SET NULL');
    expect(sql).toContain(`"speciality" TEXT CHECK ("speciality" IN ('yoga', 'boxing'))`);
  });

  it('names requirement ids in tests and in the README traceability table', () => {
    const { tree } = generate({ ...gymModel, requirements: [{ id: 'R1', text: 'Members book classes.', refs: ['entity:Booking'] }, { id: 'R2', text: 'Only staff log in to the back-office.' }] });
    expect(text(tree.get('tests/api/entities/booking.test.ts'))).toContain("describe('Booking API (R1)'");
    expect(text(tree.get('tests/api/auth.test.ts'))).toContain('(R2)');
    const readme = text(tree.get('README.md'));
    expect(readme).toMatch(/\| R1 \| Members book classes\. \| `src\/shared\/entities\/booking\.ts`.*\| `tests\/api\/entities\/booking\.test\.ts`/);
    expect(readme).toMatch(/\| R2 \| .*`src\/server\/auth\.ts`/);
  });
});

describe('bad input', () => {
  it('generates entities named with reserved words, quoting them in SQL and suffixing them in code', () => {
    const { tree, warnings } = generate({ ...gymModel, entities: ['class', 'order', 'user', 'delete', 'Table'].map((name) => ({ name, fields: [{ name: 'label', type: 'string' }] })) });
    expect(warnings).toEqual([]);
    const sql = text(tree.get('src/server/migrations/0001-initial.sql'));
    for (const table of ['classes', 'orders', 'users', 'deletes', 'tables']) expect(sql).toContain(`CREATE TABLE "${table}"`);
    expect(text(tree.get('src/shared/entities/class.ts'))).toContain('export const classSchema = z');
    expect(text(tree.get('src/shared/entities/delete.ts'))).toContain('export interface DeleteRecord extends BaseRecord');
  });

  it('renames a field named like an inherited JS property, with a warning', () => {
    const { tree, warnings } = generate({ ...gymModel, entities: [{ name: 'Thing', fields: [{ name: 'constructor', type: 'string' }, { name: 'toString', type: 'integer' }] }] });
    expect(warnings.map((w) => w.code)).toEqual(['field-renamed', 'field-renamed']);
    const source = text(tree.get('src/shared/entities/thing.ts'));
    expect(source).toContain('constructorValue: z.string()');
    expect(source).toContain('toStringValue: z.number().int().nullish()');
    expect(text(tree.get('src/server/migrations/0001-initial.sql'))).toContain('"constructor_value" TEXT');
  });

  it('escapes quotes and accents of labels and enum values in generated code', () => {
    const { tree } = generate({ ...gymModel, entities: [{ name: 'Route', label: `L'été "chaud"`, description: 'ends a comment */ here', fields: [{ name: 'grade', type: 'enum', values: ['7a+', `l'été`, 'a\\b'] }] }] });
    expect(text(tree.get('tests/api/entities/route.test.ts'))).toContain(`describe('L\\'été "chaud" API`);
    expect(text(tree.get('src/shared/entities/route.ts'))).toContain('ends a comment * / here');
    const source = text(tree.get('src/shared/entities/route.ts'));
    expect(source).toContain(`z.enum(['7a+', 'l\\'été', 'a\\\\b'])`);
    expect(source).toContain(`label: 'L\\'été "chaud"'`);
    expect(text(tree.get('src/server/migrations/0001-initial.sql'))).toContain(`CHECK ("grade" IN ('7a+', 'l''été', 'a\\b'))`);
  });

  it('refuses two entities whose names collide once slugged, naming both', () => {
    expect(() => generate({ ...gymModel, entities: [{ name: 'FitnessClass', fields: [] }, { name: 'Fitness_Class', fields: [] }] })).toThrow(/FitnessClass and Fitness_Class both become the file name "fitness-class"/);
  });

  it('refuses an entity that would take a table the app keeps for itself', () => {
    expect(() => generate({ ...gymModel, entities: [{ name: 'AuthUser', fields: [] }] })).toThrow(/AuthUser would use the table "auth_users"/);
  });

  it('breaks a cycle of required links, with a warning', () => {
    const { tree, warnings } = generate({
      ...gymModel,
      entities: [
        { name: 'Egg', fields: [], relations: [{ kind: 'belongsTo', target: 'Hen', required: true }] },
        { name: 'Hen', fields: [], relations: [{ kind: 'belongsTo', target: 'Egg', required: true }] },
        { name: 'Node', fields: [], relations: [{ kind: 'belongsTo', target: 'Node', name: 'parent', required: true }] },
      ],
    });
    expect(warnings.map((w) => w.code).sort()).toEqual(['cycle-optional', 'self-reference-optional']);
    const sql = text(tree.get('src/server/migrations/0001-initial.sql'));
    expect(sql.match(/NOT NULL REFERENCES "/g)).toHaveLength(1);
    expect(sql).toContain('"parent_id" INTEGER REFERENCES "nodes" ("id") ON DELETE SET NULL');
  });

  it('generates an entity with no fields, and skips fields the app already has', () => {
    const { tree, warnings } = generate({ ...gymModel, entities: [{ name: 'Empty', fields: [] }, { name: 'Dup', fields: [{ name: 'id', type: 'integer' }, { name: 'title', type: 'string' }] }] });
    expect(tree.has('src/shared/entities/empty.ts')).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ code: 'system-field-skipped', message: expect.stringContaining('Dup.id') })]);
    expect(text(tree.get('src/shared/entities/dup.ts'))).not.toContain('"id": z.');
  });

  it('refuses a model with no entity, saying what to add', () => {
    expect(() => generate({ ...gymModel, entities: [] })).toThrow(/no entities.*Add at least one entity/);
  });

  it('generates 200 entities', () => {
    const { tree, stats } = generateTree({ model: syntheticModel(200), pack, generatorVersion: '1.0.0' });
    expect(tree.has('src/shared/entities/thing199.ts')).toBe(true);
    expect(stats.files).toBeGreaterThan(200 * 7);
  });

  it('refuses unknown options and keeps the model untouched', () => {
    expect(() => generate(gymModel, { colour: 'red' })).toThrow(/unknown option "colour"/);
    expect(text(generate(gymModel, { port: '8080' }).tree.get('.env.example'))).toContain('PORT=8080');
    expect(() => generate(gymModel, { port: '80; rm -rf /' })).toThrow(/option "port" must be a string matching/);
  });
});
