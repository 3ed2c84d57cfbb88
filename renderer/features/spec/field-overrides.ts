import type { FieldType, PersonalDataKind, ProjectModel } from '../../../core/api/index.ts';

/** What the user changed on one field in the side panel; absent keys keep what the parser found. */
export interface FieldOverride {
  type?: FieldType;
  required?: boolean;
  unique?: boolean;
  /** null: the user removed the tag the parser put. */
  personalData?: PersonalDataKind | null;
}

/** Keyed by `Entity.field`: names survive a re-parse of edited text, indexes do not. */
export type FieldOverrides = Readonly<Record<string, FieldOverride>>;

export function overrideKey(entity: string, field: string): string {
  return `${entity}.${field}`;
}

function withFlag<T extends object, K extends string>(target: T, key: K, value: boolean | undefined): T {
  // Only `true` is written: a false flag is the schema's default, and the YAML stays short.
  const { [key]: _dropped, ...rest } = target as Record<string, unknown>;
  return (value ? { ...rest, [key]: true } : rest) as T;
}

/**
 * The parsed model with the user's edits laid over it. Edits to fields the new text no longer has
 * are kept (they apply again if the field comes back) but change nothing. Changing a field's type
 * keeps the model coherent: `values` only on enums, `target` only on references (a new reference
 * points at the first other entity, which the user can then change in the YAML).
 */
export function applyOverrides(model: ProjectModel, overrides: FieldOverrides): ProjectModel {
  if (Object.keys(overrides).length === 0) return model;
  const entities = model.entities.map((entity) => {
    const fields = entity.fields.map((field) => {
      const override = overrides[overrideKey(entity.name, field.name)];
      if (override === undefined) return field;
      let next = { ...field };
      if (override.type !== undefined && override.type !== field.type) {
        next.type = override.type;
        if (override.type !== 'enum') delete next.values;
        if (override.type !== 'reference') delete next.target;
        if (override.type === 'reference' && next.target === undefined) {
          const other = model.entities.find((e) => e.name !== entity.name) ?? entity;
          next.target = other.name;
        }
      }
      if (override.required !== undefined) next = withFlag(next, 'required', override.required);
      if (override.unique !== undefined) next = withFlag(next, 'unique', override.unique);
      if (override.personalData !== undefined) {
        const { personalData: _old, ...rest } = next;
        next = override.personalData === null ? rest : { ...rest, personalData: override.personalData };
      }
      return next;
    });
    return { ...entity, fields };
  });
  return { ...model, entities };
}

/** Whether an override still changes something on this model (for the "edited" badge). */
export function isEdited(overrides: FieldOverrides, entity: string, field: string): boolean {
  const override = overrides[overrideKey(entity, field)];
  return override !== undefined && Object.keys(override).length > 0;
}
