import { z } from 'zod';
import { MODEL_VERSION, projectModel } from '../../api/project-model.ts';

/**
 * The JSON Schema of a structured spec (the ProjectModel as people write it: defaults optional),
 * for editors and other tools. Rules zod checks in code — unique names, relation targets that
 * exist, enum fields with values — are stated in the descriptions, since JSON Schema cannot.
 */
export function projectModelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(projectModel, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: `Dihya ProjectModel v${MODEL_VERSION}`,
    description:
      'A structured Dihya spec (YAML or JSON). Also checked by Dihya, beyond this schema: entity names are unique (case-insensitive), field names unique within an entity, relation and reference targets name an existing entity, enum fields list their values and only enum fields have values, min ≤ max, and requirement ids are unique.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The text written to docs/project-model.schema.json (stable: two-space JSON and a final newline). */
export function projectModelJsonSchemaText(): string {
  return `${JSON.stringify(projectModelJsonSchema(), null, 2)}\n`;
}
