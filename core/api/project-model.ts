import { z } from 'zod';

/**
 * The ProjectModel: what Dihya understood a specification asks for, and what every later stage
 * (domain packs, plugins, code generation, the spec editor) reads. A structured YAML/JSON spec is
 * this very shape written by hand, so the schema doubles as the spec format (exported as JSON
 * Schema to docs/project-model.schema.json; regenerate with `node core/spec/schema/write-json-schema.ts`).
 *
 * Versioned: a breaking change bumps MODEL_VERSION and adds a migration for saved specs.
 * Keep this file free of node: imports — the renderer validates models with it.
 */
export const MODEL_VERSION = 1;

// eslint-disable-next-line no-control-regex
const CONTROL_OR_MARKUP = /[\u0000-\u001f\u007f<>]/;

/** Free text shown to people (labels, enum values, requirement text): no control characters, no markup. */
const plainText = (max: number) =>
  z.string().trim().min(1).max(max).refine((value) => !CONTROL_OR_MARKUP.test(value), 'Must not contain control characters or < >.');

/** Entity and field names become identifiers in generated code (tables, classes, columns). */
export const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Must be an identifier: a letter, then letters, digits or _ (at most 64).');

/** Roles, domains: lower-case ASCII words joined by dashes (`team-lead`, `real-estate`). */
export const slugName = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'Must be lower-case ASCII words joined by dashes.').max(60);

export const FIELD_TYPES = [
  'string', 'text', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime', 'time',
  'email', 'phone', 'url', 'enum', 'file', 'image', 'reference',
] as const;
export const fieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldType>;

/** GDPR: `special` is an Art. 9 category (health, religion, biometrics…), which needs stronger care. */
export const PERSONAL_DATA_KINDS = ['personal', 'special'] as const;
export const personalDataKind = z.enum(PERSONAL_DATA_KINDS);
export type PersonalDataKind = z.infer<typeof personalDataKind>;

export const FEATURE_TAGS = [
  'auth', 'gdpr', 'payments', 'notifications', 'search', 'upload', 'booking', 'i18n', 'realtime',
  'pdf', 'export', 'import', 'audit', 'contact-form', 'calendar', 'maps', 'chat', 'analytics',
] as const;
export const featureTag = z.enum(FEATURE_TAGS);
export type FeatureTag = z.infer<typeof featureTag>;

export const STACK_KINDS = ['web', 'api', 'mobile', 'static', 'devops'] as const;
export const stackKind = z.enum(STACK_KINDS);
export type StackKind = z.infer<typeof stackKind>;

export const RELATION_KINDS = ['belongsTo', 'hasMany', 'manyToMany'] as const;
export const relationKind = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof relationKind>;

/** ISO 639-1: two lower-case letters. */
export const languageCode = z.string().regex(/^[a-z]{2}$/, 'Must be an ISO 639-1 code such as fr, en, ar.');

export const field = z
  .object({
    name: identifier,
    label: plainText(120).optional(),
    type: fieldType.describe('enum needs values; reference needs target'),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    /** The allowed values of an `enum` field, as users will see them. */
    values: z.array(plainText(80)).min(1).max(200).optional(),
    /** The entity a `reference` field points to. */
    target: identifier.optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    unit: plainText(20).optional(),
    personalData: personalDataKind.optional().describe('GDPR: personal data, or special-category data (Art. 9: health, religion, biometrics…)'),
    description: plainText(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.type === 'enum' && value.values === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'An enum field lists its values.' });
    if (value.type !== 'enum' && value.values !== undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'Only enum fields have values.' });
    if (value.type === 'reference' && value.target === undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: 'A reference field names its target entity.' });
    if (value.type !== 'reference' && value.target !== undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: 'Only reference fields have a target.' });
    if (value.min !== undefined && value.max !== undefined && value.min > value.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min is greater than max.' });
    if (value.values !== undefined && new Set(value.values).size !== value.values.length) ctx.addIssue({ code: 'custom', path: ['values'], message: 'Enum values repeat.' });
  });
export type Field = z.infer<typeof field>;

export const relation = z
  .object({
    kind: relationKind.describe('belongsTo: this entity holds the link; hasMany: the other side does; manyToMany: a join'),
    target: identifier,
    /** Optional role name when two relations point at the same entity (`author`, `reviewer`). */
    name: identifier.optional(),
    required: z.boolean().optional(),
  })
  .strict();
export type Relation = z.infer<typeof relation>;

export const entity = z
  .object({
    name: identifier,
    label: plainText(120).optional(),
    description: plainText(500).optional(),
    fields: z.array(field).max(500).default([]),
    relations: z.array(relation).max(200).default([]),
  })
  .strict();
export type Entity = z.infer<typeof entity>;

export const requirementId = z.string().regex(/^R[1-9][0-9]{0,4}$/, 'Requirement ids are R1, R2, …');

export const requirement = z
  .object({
    id: requirementId,
    text: plainText(2_000),
    /** What the requirement produced, by name (`entity:Patient`, `field:Patient.email`, `feature:auth`): codegen carries the id there. */
    refs: z.array(z.string().max(200)).max(200).optional(),
  })
  .strict();
export type Requirement = z.infer<typeof requirement>;

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

function keyOf(name: string): string {
  return name.toLowerCase();
}

export const projectModel = z
  .object({
    modelVersion: z.literal(MODEL_VERSION).default(MODEL_VERSION),
    name: plainText(120),
    /** Derived from the name when absent. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60).optional(),
    description: plainText(2_000).optional(),
    /** Id from the domain catalogue (`health`, `real-estate`, …); `generic` when none fits. */
    domain: slugName.describe('métier from the domain catalogue (health, legal, ecommerce, education, restaurant, real-estate, hr, finance, nonprofit, events, logistics, agriculture, fitness, helpdesk, portfolio, productivity), or generic'),
    languages: z.array(languageCode).min(1).max(50).describe('languages of the generated app, ISO 639-1, the default first'),
    roles: z.array(slugName).max(100).default([]),
    features: z.array(featureTag).default([]),
    stacks: z.array(stackKind).default([]),
    entities: z.array(entity).max(500).describe('the records the app stores; names are unique, case-insensitive'),
    requirements: z.array(requirement).max(5_000).default([]).describe('what the spec states, with stable ids carried into generated code and tests'),
  })
  .strict()
  .superRefine((model, ctx) => {
    if (!unique(model.languages)) ctx.addIssue({ code: 'custom', path: ['languages'], message: 'Languages repeat.' });
    if (!unique(model.roles)) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'Roles repeat.' });
    if (!unique(model.features)) ctx.addIssue({ code: 'custom', path: ['features'], message: 'Features repeat.' });
    if (!unique(model.stacks)) ctx.addIssue({ code: 'custom', path: ['stacks'], message: 'Stacks repeat.' });
    if (!unique(model.requirements.map((r) => r.id))) ctx.addIssue({ code: 'custom', path: ['requirements'], message: 'Requirement ids repeat.' });
    // Case-insensitive: generated tables and files must not collide on case-insensitive file systems.
    const names = new Map<string, number>();
    model.entities.forEach((e, i) => {
      const key = keyOf(e.name);
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'name'], message: `Entity ${e.name} is declared twice (first at entities[${names.get(key)}]).` });
      else names.set(key, i);
    });
    model.entities.forEach((e, i) => {
      const fieldNames = new Set<string>();
      e.fields.forEach((f, j) => {
        const key = keyOf(f.name);
        if (fieldNames.has(key)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'fields', j, 'name'], message: `Field ${f.name} repeats in ${e.name}.` });
        fieldNames.add(key);
        if (f.target !== undefined && !names.has(keyOf(f.target))) {
          ctx.addIssue({ code: 'custom', path: ['entities', i, 'fields', j, 'target'], message: `No entity is named ${f.target}.` });
        }
      });
      e.relations.forEach((r, j) => {
        if (!names.has(keyOf(r.target))) ctx.addIssue({ code: 'custom', path: ['entities', i, 'relations', j, 'target'], message: `No entity is named ${r.target}.` });
      });
    });
  });
/** A model as stored and passed around (defaults applied). */
export type ProjectModel = z.infer<typeof projectModel>;
/** A model as a person may write it in YAML/JSON (defaults optional). */
export type ProjectModelInput = z.input<typeof projectModel>;
