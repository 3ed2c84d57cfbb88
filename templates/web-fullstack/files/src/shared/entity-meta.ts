import type { z } from 'zod';

/**
 * What the server (repository, routes, OpenAPI) and the front end (lists, forms) know about an
 * entity. Each entity's file in ./entities fills one in; change a field there and both sides follow.
 */
export type FieldType =
  | 'string' | 'text' | 'integer' | 'decimal' | 'money' | 'boolean' | 'date' | 'datetime' | 'time'
  | 'email' | 'phone' | 'url' | 'enum' | 'file' | 'image';

export interface FieldMeta {
  name: string;
  column: string;
  label: string;
  type: FieldType;
  /** The HTML input used in forms. */
  input: string;
  required: boolean;
  unique: boolean;
  values: readonly string[];
  personal: boolean;
}

export interface ForeignKeyMeta {
  name: string;
  column: string;
  label: string;
  target: string;
  targetRoute: string;
  required: boolean;
}

export interface ChildMeta {
  entity: string;
  column: string;
}

export interface ManyToManyMeta {
  other: string;
  otherRoute: string;
  otherTable: string;
  table: string;
  selfColumn: string;
  otherColumn: string;
  /** Path segment under the owner: /api/<route>/:id/<segment>. */
  segment: string;
  label: string;
}

export interface EntityMeta {
  name: string;
  label: string;
  pluralLabel: string;
  table: string;
  route: string;
  /** The field shown when a record is listed or chosen in a select. */
  displayField: string;
  fields: readonly FieldMeta[];
  foreignKeys: readonly ForeignKeyMeta[];
  children: readonly ChildMeta[];
  manyToMany: readonly ManyToManyMeta[];
  /** Holds personal data (GDPR export and erasure apply). */
  personal: boolean;
  schema: z.ZodType<Record<string, unknown>>;
  updateSchema: z.ZodType<Record<string, unknown>>;
}

/** Every record has these besides its fields. */
export interface BaseRecord {
  id: number;
  createdAt: string;
  updatedAt: string;
}
