import { FEATURE_TAGS, type ProjectModel } from '../api/project-model.ts';
import { AppError, slugify } from '../common/index.ts';
import type { EntityContext, EntityRef, FieldContext, GenerationWarning, RenderContext, RoleContext } from './context-types.ts';
import { buildEntityGraph } from './entity-graph.ts';
import { fieldContext, SAMPLE_COUNT } from './field-context.ts';
import { languageContexts } from './languages.ts';
import { namesOf, pluralNamesOf } from './naming.ts';
import { requirementContexts } from './requirements.ts';

/** Names the generated app uses itself; an entity whose table, route or file would take one is refused. */
const RESERVED_TABLES = new Set(['auth_users', 'auth_sessions', 'schema_migrations', 'sqlite_sequence']);
const RESERVED_FILES = new Set(['index', 'helpers', 'samples', 'setup']);
const RESERVED_ROUTES = new Set(['auth', 'gdpr', 'openapi-json', 'health', 'login', 'logout']);
const SYSTEM_COLUMNS = new Set(['id', 'created_at', 'updated_at']);
/** Names every JS object inherits (`constructor`, `toString`…): as properties they confuse validators and lookups. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const ADMIN_NAMES = ['admin', 'administrator', 'administrateur', 'superadmin', 'owner', 'gerant', 'manager'];
const DISPLAY_NAMES = ['name', 'title', 'label', 'nom', 'titre', 'libelle', 'full_name', 'last_name', 'first_name', 'email', 'reference', 'code', 'number', 'numero'];
const PERSONAL_HINTS = /^(first_?name|last_?name|full_?name|name|nom|prenom|birth_?date|date_?of_?birth|address|adresse|email|phone|telephone|mobile)$/i;

function refuse(message: string, path: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { path, reason: 'model' });
}

export interface BuildContextInput {
  model: ProjectModel;
  generatorVersion: string;
  options: Record<string, string | boolean>;
  data: Readonly<Record<string, unknown>>;
  /** Feature tags the pack implements (from its manifest). */
  implemented: readonly string[];
}

function displayField(fields: readonly FieldContext[]): string {
  const textual = fields.filter((f) => f.tsType === 'string' && !f.is.text);
  for (const wanted of DISPLAY_NAMES) {
    const hit = textual.find((f) => f.column === wanted);
    if (hit) return hit.name;
  }
  return textual[0]?.name ?? 'id';
}

function checkDistinct(kind: string, values: { value: string; owner: string }[], reserved: Set<string>): void {
  const seen = new Map<string, string>();
  for (const { value, owner } of values) {
    if (reserved.has(value)) throw refuse(`Entity ${owner} would use the ${kind} "${value}", which the generated app keeps for itself; rename the entity.`, owner);
    const other = seen.get(value);
    if (other !== undefined) throw refuse(`Entities ${other} and ${owner} both become the ${kind} "${value}"; rename one of them so their names differ by more than case, accents or separators.`, owner);
    seen.set(value, owner);
  }
}

/** Turns a ProjectModel into the plain-JSON context templates render; refuses models that cannot be generated, naming why. */
export function buildRenderContext(input: BuildContextInput): { context: RenderContext; warnings: GenerationWarning[] } {
  const { model } = input;
  const warnings: GenerationWarning[] = [];
  if (model.entities.length === 0) throw refuse('The model has no entities: there is nothing to generate. Add at least one entity (e.g. Customer with a name).', 'entities');

  const refs = new Map<string, EntityRef>();
  for (const entity of model.entities) {
    const names = namesOf(entity.name);
    const plural = pluralNamesOf(entity.name);
    refs.set(entity.name, { name: entity.name, names, plural, label: entity.label ?? names.title, pluralLabel: entity.label ?? plural.title, table: plural.snake, route: plural.kebab, file: names.kebab, displayField: 'id' });
  }
  const all = [...refs.values()];
  checkDistinct('file name', all.map((r) => ({ value: r.file, owner: r.name })), RESERVED_FILES);
  checkDistinct('URL path', all.map((r) => ({ value: r.route, owner: r.name })), RESERVED_ROUTES);

  const graph = buildEntityGraph(model, warnings);
  checkDistinct('table', [...all.map((r) => ({ value: r.table, owner: r.name })), ...graph.joins.map((j) => ({ value: j.table, owner: `${j.a}–${j.b} (many-to-many)` }))], RESERVED_TABLES);

  const entities: EntityContext[] = model.entities.map((entity, index) => {
    const ref = refs.get(entity.name) as EntityRef;
    const fields: FieldContext[] = [];
    entity.fields.forEach((field, j) => {
      if (field.type === 'reference') return;
      const renamed = INHERITED_NAMES.has(field.name) ? { ...field, name: `${field.name}Value`, label: field.label ?? namesOf(field.name).title } : field;
      if (renamed !== field) warnings.push({ code: 'field-renamed', message: `${entity.name}.${field.name} is named like a property every JavaScript object has; it is called ${renamed.name} in the generated code.`, path: `entities[${index}].fields[${j}]` });
      const ctx = fieldContext(renamed, ref.file);
      if (SYSTEM_COLUMNS.has(ctx.column)) {
        warnings.push({ code: 'system-field-skipped', message: `${entity.name}.${field.name} is left out: every record already has ${ctx.column} (kept by the app).`, path: `entities[${index}].fields[${j}]` });
        return;
      }
      fields.push(ctx);
    });
    ref.displayField = displayField(fields);
    const keys = graph.foreignKeys.get(entity.name) ?? [];
    const props = new Map<string, string>([['id', 'system'], ['createdAt', 'system'], ['updatedAt', 'system']]);
    const columns = new Map<string, string>([...SYSTEM_COLUMNS].map((c) => [c, 'system']));
    for (const item of [...fields.map((f) => ({ prop: f.name, column: f.column })), ...keys.map((k) => ({ prop: k.name, column: k.column }))]) {
      const clash = props.get(item.prop) ?? columns.get(item.column);
      if (clash !== undefined) throw refuse(`In ${entity.name}, "${item.prop}" clashes with ${clash === 'system' ? 'a column every record has (id, createdAt, updatedAt)' : `"${clash}"`} once turned into a column; rename one of them.`, `entities[${index}]`);
      props.set(item.prop, item.prop);
      columns.set(item.column, item.prop);
    }
    const personalFields = fields.filter((f) => f.personal).map((f) => f.name);
    return {
      ...ref,
      description: entity.description ?? null,
      fields,
      foreignKeys: keys.map((k) => ({ name: k.name, column: k.column, label: k.label, target: refs.get(k.target) as EntityRef, required: k.required, onDelete: k.required ? 'CASCADE' : 'SET NULL' })),
      children: [],
      manyToMany: [],
      listColumns: [...fields.filter((f) => !f.is.text).map((f) => f.name), ...keys.map((k) => k.name)].slice(0, 4),
      uniqueFields: fields.filter((f) => f.unique).map((f) => f.name),
      requiredFields: fields.filter((f) => f.required).map((f) => f.name),
      personal: personalFields.length > 0,
      special: fields.some((f) => f.special),
      personalFields,
      requirements: [],
      requirementList: '',
      parents: keys.filter((k) => k.required).map((k) => ({ name: k.name, entity: k.target })),
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => Object.fromEntries(fields.map((f) => [f.name, f.samples[i]]))),
      index,
    };
  });

  const byName = new Map(entities.map((e) => [e.name, e]));
  for (const entity of entities) {
    for (const key of entity.foreignKeys) (byName.get(key.target.name) as EntityContext).children.push({ entity: refs.get(entity.name) as EntityRef, column: key.column, name: key.name });
  }
  for (const join of graph.joins) {
    const a = byName.get(join.a) as EntityContext;
    const b = byName.get(join.b) as EntityContext;
    a.manyToMany.push({ other: refs.get(b.name) as EntityRef, table: join.table, selfColumn: join.aColumn, otherColumn: join.bColumn, route: b.plural.kebab, label: b.label });
    if (a !== b) b.manyToMany.push({ other: refs.get(a.name) as EntityRef, table: join.table, selfColumn: join.bColumn, otherColumn: join.aColumn, route: a.plural.kebab, label: a.label });
  }

  const features = Object.fromEntries(FEATURE_TAGS.map((tag) => [tag, model.features.includes(tag)]));
  let personal = entities.filter((e) => e.personal);
  let inferred = false;
  if (personal.length === 0 && features.gdpr === true) {
    personal = entities.filter((e) => e.fields.some((f) => f.is.email || f.is.phone || PERSONAL_HINTS.test(f.name)));
    inferred = personal.length > 0;
    for (const e of personal) {
      e.personal = true;
      e.personalFields = e.fields.filter((f) => f.is.email || f.is.phone || PERSONAL_HINTS.test(f.name)).map((f) => f.name);
    }
    if (inferred) warnings.push({ code: 'personal-data-inferred', message: `No field is tagged as personal data; GDPR endpoints were generated for ${personal.map((e) => e.name).join(', ')} from their field names and types.` });
  }

  const requirements = requirementContexts(model, entities, personal.length > 0);
  for (const entity of entities) {
    entity.requirements = requirements.filter((r) => r.entities.some((e) => e.name === entity.name)).map((r) => r.id);
    entity.requirementList = entity.requirements.join(', ');
  }

  const roleNames = model.roles.length > 0 ? model.roles : ['admin', 'user'];
  const adminRole = ADMIN_NAMES.find((n) => roleNames.includes(n)) ?? (roleNames[0] as string);
  const roles: RoleContext[] = roleNames.map((name) => ({
    name,
    title: namesOf(name).title,
    isAdmin: name === adminRole,
    permissions: entities.map((e) => {
      const allowed = { read: true, create: true, update: true, delete: name === adminRole };
      return { entity: e.name, ...allowed, actions: (['read', 'create', 'update', 'delete'] as const).filter((a) => allowed[a]) };
    }),
  }));

  const projectNames = namesOf(model.slug ?? model.name);
  const slug = model.slug ?? slugify(model.name);
  return {
    warnings,
    context: {
      generator: { name: 'dihya', version: input.generatorVersion },
      project: { name: model.name, slug: slug === 'project' && projectNames.kebab !== 'item' ? projectNames.kebab : slug, description: model.description ?? '', domain: model.domain, names: projectNames },
      modelVersion: model.modelVersion,
      languages: languageContexts(model.languages),
      defaultLanguage: model.languages[0] as string,
      roles,
      adminRole,
      otherRole: roles.find((r) => !r.isAdmin)?.name ?? null,
      features,
      missingFeatures: model.features.filter((f) => !input.implemented.includes(f)),
      entities,
      joins: graph.joins.map((j) => ({ table: j.table, a: refs.get(j.a) as EntityRef, b: refs.get(j.b) as EntityRef, aColumn: j.aColumn, bColumn: j.bColumn })),
      creationOrder: graph.order,
      gdpr: { enabled: personal.length > 0, entities: personal.map((e) => refs.get(e.name) as EntityRef), inferred },
      requirements,
      trace: {
        auth: requirements.filter((r) => r.features.includes('auth')).map((r) => r.id).join(', '),
        gdpr: requirements.filter((r) => r.features.includes('gdpr')).map((r) => r.id).join(', '),
        i18n: requirements.filter((r) => r.features.includes('i18n')).map((r) => r.id).join(', '),
      },
      options: input.options,
      data: input.data,
    },
  };
}
