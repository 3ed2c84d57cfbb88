import type { EntityContext, LanguageContext, RenderContext } from './context-types.ts';
import { createRenderEngine, type CompiledTemplate } from './render-engine.ts';
import type { FileRule } from './template-manifest.ts';
import type { TemplatePack } from './template-pack.ts';
import { TreeBuilder, type VirtualTree } from './virtual-tree.ts';

export type ProgressListener = (done: number, total: number) => void;

interface Job {
  template: string;
  context: Record<string, unknown>;
}

const encoder = new TextEncoder();

function ruleFor(rules: readonly FileRule[], path: string): FileRule | undefined {
  const exact = rules.find((r) => r.path === path);
  if (exact) return exact;
  return rules.filter((r) => r.path.endsWith('/') && path.startsWith(r.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Looks a dotted path up through own properties only, so a condition can never reach a prototype. */
function lookup(context: unknown, path: string): unknown {
  let value: unknown = context;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function holds(condition: string | undefined, context: unknown): boolean {
  if (condition === undefined) return true;
  const negated = condition.startsWith('!');
  const value = lookup(context, negated ? condition.slice(1) : condition);
  const truthy = Array.isArray(value) ? value.length > 0 : Boolean(value);
  return negated ? !truthy : truthy;
}

/** Expands every template of the pack (once, per entity or per language, when its condition holds). */
function plan(pack: TemplatePack, context: RenderContext): Job[] {
  const root = context as unknown as Record<string, unknown>;
  const jobs: Job[] = [];
  for (const template of pack.files.keys()) {
    const rule = ruleFor(pack.manifest.files, template);
    const items: Record<string, unknown>[] =
      rule?.each === 'entity'
        ? context.entities.map((entity: EntityContext) => ({ ...root, entity }))
        : rule?.each === 'language'
          ? context.languages.map((language: LanguageContext) => ({ ...root, language }))
          : [root];
    for (const item of items) if (holds(rule?.when, item)) jobs.push({ template, context: item });
  }
  return jobs;
}

type Compiled = Map<string, { path: CompiledTemplate; body: CompiledTemplate | undefined }>;

// A pack is immutable once loaded, so its compiled templates are kept with it (and freed with it).
const compiledPacks = new WeakMap<TemplatePack, Compiled>();

function compile(pack: TemplatePack): Compiled {
  const cached = compiledPacks.get(pack);
  if (cached !== undefined) return cached;
  const engine = createRenderEngine(pack.partials);
  const compiled: Compiled = new Map();
  for (const [template, source] of pack.files) {
    compiled.set(template, {
      path: engine.compile(`${template} (path)`, template.endsWith('.hbs') ? template.slice(0, -'.hbs'.length) : template),
      body: template.endsWith('.hbs') ? engine.compile(template, source) : undefined,
    });
  }
  compiledPacks.set(pack, compiled);
  return compiled;
}

/** model context + pack → validated in-memory tree. Pure: reads nothing, writes nothing. */
export function renderPack(pack: TemplatePack, context: RenderContext, onProgress?: ProgressListener): VirtualTree {
  const compiled = compile(pack);
  const jobs = plan(pack, context);
  const builder = new TreeBuilder();
  onProgress?.(0, jobs.length);
  jobs.forEach((job, i) => {
    const { path, body } = compiled.get(job.template) as { path: CompiledTemplate; body: CompiledTemplate | undefined };
    const output = path(job.context);
    const text = body === undefined ? (pack.files.get(job.template) as string) : body(job.context);
    builder.add(output, encoder.encode(text), job.template);
    onProgress?.(i + 1, jobs.length);
  });
  return builder.finish();
}
