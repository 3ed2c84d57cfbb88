// Regenerates docs/project-model.schema.json from the zod schema:
//   node core/spec/schema/write-json-schema.ts
// json-schema.test.ts fails while the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { projectModelJsonSchemaText } from './project-model-json-schema.ts';

const target = new URL('../../../docs/project-model.schema.json', import.meta.url);
writeFileSync(target, projectModelJsonSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
