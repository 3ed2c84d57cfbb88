import type { Names } from './naming.ts';

/**
 * What a template sees. Plain JSON only (no functions, no class instances): templates are
 * untrusted, and the same context must hash and render identically every time.
 */
export interface FieldContext {
  name: string;
  column: string;
  names: Names;
  label: string;
  type: string;
  is: Record<string, boolean>;
  required: boolean;
  unique: boolean;
  min: number | null;
  max: number | null;
  values: string[];
  unit: string | null;
  personal: boolean;
  special: boolean;
  description: string | null;
  tsType: 'string' | 'number' | 'boolean';
  /** The TypeScript type of the value: `tsType`, or the union of an enum's values (`'a' | 'b'`). */
  tsValueType: string;
  /** A zod expression validating the field (TypeScript source). */
  zod: string;
  sqlType: 'TEXT' | 'INTEGER' | 'REAL';
  /** SQL `CHECK (…)` for enums, empty otherwise. */
  sqlCheck: string;
  input: string;
  /** Valid values (distinct where the type allows) and one invalid value. */
  samples: unknown[];
  invalid: unknown;
  /** The invalid value as TypeScript source (long strings as `'x'.repeat(n)`). */
  invalidCode: string;
  invalidReason: string | null;
  /** `zod` plus `.nullish()` when the field is optional. */
  zodFull: string;
}

export interface EntityRef {
  name: string;
  names: Names;
  plural: Names;
  label: string;
  /** The label for many: the English plural of the name, or the label itself when the model gives one (no guessing at other languages' plurals). */
  pluralLabel: string;
  table: string;
  route: string;
  file: string;
  displayField: string;
}

export interface ForeignKeyContext {
  /** JSON property, `coachId`. */
  name: string;
  column: string;
  label: string;
  target: EntityRef;
  required: boolean;
  onDelete: 'CASCADE' | 'SET NULL';
}

export interface ChildContext {
  entity: EntityRef;
  column: string;
  name: string;
}

export interface ManyToManyContext {
  other: EntityRef;
  table: string;
  selfColumn: string;
  otherColumn: string;
  /** Route segment under the owner, `tags`. */
  route: string;
  label: string;
}

export interface EntityContext extends EntityRef {
  description: string | null;
  fields: FieldContext[];
  foreignKeys: ForeignKeyContext[];
  children: ChildContext[];
  manyToMany: ManyToManyContext[];
  /** What the list page shows: the first few short fields and links. */
  listColumns: string[];
  uniqueFields: string[];
  requiredFields: string[];
  personal: boolean;
  special: boolean;
  personalFields: string[];
  requirements: string[];
  /** `R1, R4`, or an empty string. */
  requirementList: string;
  /** Required links (created first by test helpers): `{ name: 'coachId', entity: 'Coach' }`. */
  parents: { name: string; entity: string }[];
  /** Valid example inputs (fields only, no links), distinct on unique fields. */
  samples: Record<string, unknown>[];
  index: number;
}

export interface RequirementContext {
  id: string;
  text: string;
  /** True when Dihya made the requirement up from the model (a structured spec lists none). */
  derived: boolean;
  entities: EntityRef[];
  /** Cross-cutting concerns it traces to: `auth`, `gdpr` (only when generated), `i18n`. */
  features: string[];
}

export interface LanguageContext {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  rtl: boolean;
  isDefault: boolean;
}

export interface RoleContext {
  name: string;
  title: string;
  isAdmin: boolean;
  /** Per entity (same order as `entities`): what this role may do. */
  permissions: { entity: string; read: boolean; create: boolean; update: boolean; delete: boolean; actions: string[] }[];
}

export interface RenderContext {
  generator: { name: 'dihya'; version: string };
  project: { name: string; slug: string; description: string; domain: string; names: Names };
  modelVersion: number;
  languages: LanguageContext[];
  defaultLanguage: string;
  roles: RoleContext[];
  adminRole: string;
  /** A role other than the admin one (for permission tests), or null when the model has one role. */
  otherRole: string | null;
  features: Record<string, boolean>;
  /** Feature tags the model asks for that the pack does not implement (its manifest's `implements`). */
  missingFeatures: string[];
  entities: EntityContext[];
  /** Many-to-many join tables, once each. */
  joins: { table: string; a: EntityRef; b: EntityRef; aColumn: string; bColumn: string }[];
  /** Parents before children (cycles broken where a foreign key is optional). */
  creationOrder: string[];
  gdpr: { enabled: boolean; entities: EntityRef[]; inferred: boolean };
  requirements: RequirementContext[];
  /** Requirement ids per cross-cutting concern (`auth`, `gdpr`, `i18n`), as `R5, R6` — for test names. */
  trace: { auth: string; gdpr: string; i18n: string };
  options: Record<string, string | boolean>;
  data: Readonly<Record<string, unknown>>;
}

/** Something generation noticed and worked around; shown to the user, never fatal. */
export interface GenerationWarning {
  code: string;
  message: string;
  path?: string;
}
