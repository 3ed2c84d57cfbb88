import { z } from 'zod';

/**
 * `template.yaml`, the manifest of a template pack. A pack is data: a folder with this manifest,
 * `files/` (output paths and contents, both Handlebars templates; `.hbs` is stripped from names),
 * optional `partials/` and `data/` (YAML merged into the render context under `data.<name>`).
 */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const TEMPLATE_KINDS = ['stack', 'domain', 'addon'] as const;

const optionSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('boolean'), default: z.boolean(), description: z.string().max(500) }).strict(),
  z.object({ type: z.literal('string'), default: z.string().max(200), description: z.string().max(500), pattern: z.string().max(200).optional() }).strict(),
  z.object({ type: z.literal('enum'), values: z.array(z.string().max(80)).min(1).max(50), default: z.string(), description: z.string().max(500) }).strict(),
]);
export type OptionSpec = z.infer<typeof optionSpec>;

/** A context path such as `gdpr.enabled` or `!auth.enabled`: no code, only a lookup. */
const condition = z.string().regex(/^!?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,5}$/, 'A condition is a dotted context path, optionally negated with !.');

const fileRule = z
  .object({
    /** A file under `files/`, or a folder ending with `/` (every file below it). */
    path: z.string().min(1).max(240),
    /** Render once per entity (context `entity`) or per language (context `language`). */
    each: z.enum(['entity', 'language']).optional(),
    when: condition.optional(),
  })
  .strict();
export type FileRule = z.infer<typeof fileRule>;

export const templateManifest = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'A pack id is lower-case words joined by dashes.').max(60),
    name: z.string().trim().min(1).max(120),
    version: z.string().regex(SEMVER, 'version must be semver (1.2.3).'),
    kind: z.enum(TEMPLATE_KINDS),
    description: z.string().trim().min(1).max(2_000),
    /** The ProjectModel versions this pack was written for. */
    modelVersions: z.array(z.number().int().min(1)).min(1).max(20),
    /** Feature tags of the model this pack implements; the others are listed to the templates as missing. */
    implements: z.array(z.string().max(40)).max(100).default([]),
    options: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), optionSpec).default({}),
    files: z.array(fileRule).max(500).default([]),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    for (const [name, spec] of Object.entries(manifest.options)) {
      if (spec.type === 'enum' && !spec.values.includes(spec.default)) ctx.addIssue({ code: 'custom', path: ['options', name, 'default'], message: 'The default is not one of the values.' });
    }
  });
export type TemplateManifest = z.infer<typeof templateManifest>;

export type OptionValues = Record<string, string | boolean>;

/** Applies defaults and refuses unknown or ill-typed options, naming them. */
export function resolveOptions(manifest: TemplateManifest, given: Readonly<Record<string, unknown>> = {}): { ok: true; options: OptionValues } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const options: OptionValues = {};
  for (const key of Object.keys(given)) if (!Object.hasOwn(manifest.options, key)) problems.push(`unknown option "${key}" (known: ${Object.keys(manifest.options).join(', ') || 'none'})`);
  for (const [name, spec] of Object.entries(manifest.options)) {
    const value = Object.hasOwn(given, name) ? given[name] : spec.default;
    if (spec.type === 'boolean') {
      const parsed = value === 'true' ? true : value === 'false' ? false : value;
      if (typeof parsed !== 'boolean') problems.push(`option "${name}" must be true or false`);
      else options[name] = parsed;
    } else if (spec.type === 'enum') {
      if (typeof value !== 'string' || !spec.values.includes(value)) problems.push(`option "${name}" must be one of ${spec.values.join(', ')}`);
      else options[name] = value;
    } else if (typeof value !== 'string' || value.length > 200 || (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value))) {
      problems.push(`option "${name}" must be a string${spec.pattern ? ` matching ${spec.pattern}` : ''}`);
    } else {
      options[name] = value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}
