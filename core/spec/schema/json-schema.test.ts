import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectModelJsonSchema, projectModelJsonSchemaText } from './project-model-json-schema.ts';

const committed = new URL('../../../docs/project-model.schema.json', import.meta.url);

describe('docs/project-model.schema.json', () => {
  it('matches the zod schema (regenerate with: node core/spec/schema/write-json-schema.ts)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(projectModelJsonSchemaText());
  });

  it('describes the structured spec format: required keys, field types, relation kinds', () => {
    const schema = projectModelJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'domain', 'languages', 'entities']));
    expect(schema.required).not.toContain('modelVersion');
    const text = JSON.stringify(schema);
    for (const word of ['reference', 'manyToMany', 'personal', 'special', 'contact-form', 'devops']) expect(text).toContain(word);
    // The sample structured spec is valid against its own schema's required keys.
    const gym = parseYaml(readFileSync(new URL('../corpus/fr-salle-escalade.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    for (const key of schema.required) expect(gym).toHaveProperty(key);
  });
});
