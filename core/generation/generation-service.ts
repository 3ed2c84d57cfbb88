import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DihyaEvent, GenerationPreview, GenerationSummary, ParsedInput } from '../api/index.ts';
import type { ProjectModel } from '../api/project-model.ts';
import { AppError, isAppError, newId, type Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { generateTree, loadTemplatePack, planOutput, writeOutput, type GeneratedTree, type OutputPlan, type TemplatePack } from '../codegen/index.ts';
import { finishRun, insertRunning } from './generations-repository.ts';
import { runsInThisProcess } from './interrupted-runs.ts';
import { modelFromSpec, validateModel } from './load-model.ts';

export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
  dataDir: string;
  audit(entry: { action: string; subject?: string | null; details?: Record<string, unknown> }): void;
  emit(event: DihyaEvent): void;
}

export interface GenerationServiceDeps {
  version: string;
  /** Sends an event now (progress must reach the UI while the task runs, not after it). */
  emitLive(event: DihyaEvent): void;
  templatesDir?: string;
}

type SourceInput = Pick<ParsedInput<'generation.preview'>, 'model' | 'spec' | 'stack' | 'options' | 'outputDir'>;

/** Progress events are throttled to about this many per run: enough for a smooth bar, few enough for SSE. */
const PROGRESS_STEPS = 50;

/**
 * Generation as the core offers it: resolves the model, renders the stack pack, compares with the
 * output folder, refuses to overwrite the user's edits unless forced, writes atomically, and keeps a
 * record of every run.
 */
export class GenerationService {
  private readonly packs = new Map<string, Promise<TemplatePack>>();
  private readonly busy = new Set<string>();
  private readonly deps: GenerationServiceDeps;
  private lastSpec: { text: string; fileName: string | undefined; format: string; model: ProjectModel } | undefined;

  constructor(deps: GenerationServiceDeps) {
    this.deps = deps;
  }

  get templatesDir(): string {
    return this.deps.templatesDir ?? BUILTIN_TEMPLATES_DIR;
  }

  /** Built-in packs are read once and kept; a pack is data, so caching it is safe. */
  loadStack(id: string): Promise<TemplatePack> {
    let pack = this.packs.get(id);
    if (pack === undefined) {
      pack = loadTemplatePack(join(this.templatesDir, id)).catch((error: unknown) => {
        this.packs.delete(id);
        if (isAppError(error) && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `There is no stack named "${id}" (see generation.stacks; built in: web-fullstack).`, { stack: id });
        throw error;
      });
      this.packs.set(id, pack);
    }
    return pack;
  }

  /** Every stack pack in the templates folder (a folder with a template.yaml), sorted by id. */
  async stacks(): Promise<{ id: string; name: string; version: string; kind: string; description: string; options: Record<string, { type: string; default: string | boolean; description: string; values?: string[] }>; contentHash: string }[]> {
    const entries = await readdir(this.templatesDir, { withFileTypes: true }).catch(() => []);
    const ids = entries.filter((e) => e.isDirectory() && existsSync(join(this.templatesDir, e.name, 'template.yaml'))).map((e) => e.name).sort();
    const packs = await Promise.all(ids.map((id) => this.loadStack(id)));
    return packs
      .filter((p) => p.manifest.kind === 'stack')
      .map((p) => ({ id: p.manifest.id, name: p.manifest.name, version: p.manifest.version, kind: p.manifest.kind, description: p.manifest.description, options: p.manifest.options, contentHash: p.contentHash }));
  }

  async resolveModel(input: Pick<SourceInput, 'model' | 'spec'>): Promise<{ model: ProjectModel; specText: string | undefined }> {
    if (input.model !== undefined) return { model: validateModel(input.model), specText: undefined };
    if (input.spec === undefined) throw new AppError('VALIDATION_FAILED', 'Give a model or a spec to generate from.', {});
    const { text, fileName, format = 'auto' } = input.spec;
    // The same spec is often read twice in a row (the CLI names the project from it, then runs; the
    // UI previews, then runs), and reading one costs more than rendering it. Models are never mutated.
    const last = this.lastSpec;
    if (last !== undefined && last.text === text && last.fileName === fileName && last.format === format) return { model: last.model, specText: text };
    const model = await modelFromSpec(input.spec);
    this.lastSpec = { text, fileName, format, model };
    return { model, specText: text };
  }

  async render(input: SourceInput, onProgress?: (done: number, total: number) => void): Promise<GeneratedTree> {
    const { model, specText } = await this.resolveModel(input);
    const pack = await this.loadStack(input.stack);
    return generateTree({ model, pack, generatorVersion: this.deps.version, options: input.options, specText, ...(onProgress ? { onProgress } : {}) });
  }

  outputDirFor(input: { outputDir?: string | undefined }, dataDir: string, slug: string): string {
    if (input.outputDir === undefined) return join(dataDir, 'outputs', slug);
    if (!isAbsolute(input.outputDir)) throw new AppError('VALIDATION_FAILED', `The output folder must be an absolute path (got ${input.outputDir}).`, { outputDir: input.outputDir });
    return resolve(input.outputDir);
  }

  async preview(input: ParsedInput<'generation.preview'>, ctx: Pick<Ctx, 'db' | 'dataDir'>): Promise<GenerationPreview> {
    const generated = await this.render(input);
    let outputDir: string | null = null;
    if (input.outputDir !== undefined) outputDir = this.outputDirFor(input, ctx.dataDir, '');
    else if (input.projectId !== undefined) outputDir = this.outputDirFor({}, ctx.dataDir, await projectSlug(ctx.db, input.projectId));
    const plan: OutputPlan = outputDir === null ? emptyPlan(generated) : await planOutput(outputDir, generated.tree, { diffs: input.diffs });
    return { outputDir, stack: input.stack, rootHash: generated.lock.rootHash, fileCount: generated.stats.files, byteCount: generated.stats.bytes, counts: plan.counts, files: plan.files, warnings: generated.warnings };
  }

  async run(input: ParsedInput<'generation.run'>, ctx: Ctx): Promise<GenerationSummary & { counts: OutputPlan['counts']; warnings: GeneratedTree['warnings'] }> {
    const slug = await projectSlug(ctx.db, input.projectId);
    const outputDir = this.outputDirFor(input, ctx.dataDir, slug);
    if (this.busy.has(outputDir)) throw new AppError('CONFLICT', `A generation into ${outputDir} is already running; wait for it to finish.`, { outputDir });
    this.busy.add(outputDir);
    const id = newId();
    const started = ctx.clock.now();
    const startedMs = performance.now();
    runsInThisProcess.add(id);
    let model: ProjectModel | undefined;
    try {
      await insertRunning(ctx.db, { id, projectId: input.projectId, stack: input.stack, outputDir, startedAt: started.toISOString() });
    } catch (error) {
      this.busy.delete(outputDir);
      runsInThisProcess.delete(id);
      throw error;
    }
    try {
      const taskId = input.taskId ?? id;
      const progress = (label: string) => (done: number, total: number) => {
        const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
        if (done === total || done % step === 0) this.deps.emitLive({ type: 'progress', taskId, label, done, total });
      };
      const resolved = await this.resolveModel(input);
      model = resolved.model;
      const pack = await this.loadStack(input.stack);
      const generated = generateTree({ model, pack, generatorVersion: this.deps.version, options: input.options, specText: resolved.specText, onProgress: progress('Rendering files') });
      const plan = await planOutput(outputDir, generated.tree);
      const conflicts = plan.files.filter((f) => f.conflict !== null);
      if (conflicts.length > 0 && !input.force) {
        const listed = conflicts.slice(0, 10).map((f) => f.path).join(', ');
        throw new AppError('CONFLICT', `${conflicts.length} file(s) in ${outputDir} were changed or added by hand since the last generation and would be overwritten: ${listed}${conflicts.length > 10 ? ', …' : ''}. Keep a copy of your changes, then generate again with --force (force: true).`, { outputDir, conflicts: conflicts.map((f) => ({ path: f.path, conflict: f.conflict })).slice(0, 200) });
      }
      const writes = plan.counts.create + plan.counts.change + plan.counts.delete;
      this.deps.emitLive({ type: 'progress', taskId, label: 'Writing files', done: 0, total: writes });
      await writeOutput(outputDir, generated.tree, plan);
      this.deps.emitLive({ type: 'progress', taskId, label: 'Writing files', done: writes, total: writes });
      const finished = ctx.clock.now();
      const run = {
        status: 'succeeded' as const,
        finishedAt: finished.toISOString(),
        durationMs: Math.round(performance.now() - startedMs),
        modelJson: JSON.stringify(model),
        lockJson: JSON.stringify(generated.lock),
        rootHash: generated.lock.rootHash,
        fileCount: generated.stats.files,
        byteCount: generated.stats.bytes,
        warningsJson: JSON.stringify(generated.warnings),
      };
      await finishRun(ctx.db, id, run);
      const summary: GenerationSummary = { ...summaryOf(id, input.projectId, input.stack, started, outputDir), ...run, error: null };
      // No path in the audit: an output folder can name the user's home directory.
      ctx.audit({ action: 'generation.run', subject: id, details: { projectId: input.projectId, stack: input.stack, rootHash: run.rootHash, files: run.fileCount, written: writes, forced: input.force && conflicts.length > 0 } });
      ctx.emit({ type: 'generation.finished', generation: summary });
      return { ...summary, counts: plan.counts, warnings: generated.warnings };
    } catch (error) {
      const failure = isAppError(error) ? error : new AppError('INTERNAL', `Generation failed: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
      const run = { status: 'failed' as const, finishedAt: ctx.clock.now().toISOString(), durationMs: Math.round(performance.now() - startedMs), modelJson: model ? JSON.stringify(model) : null, error: { code: failure.code, message: failure.message } };
      await finishRun(ctx.db, id, run).catch(() => undefined);
      // The run's record changed, so its failure is audited too (the dispatcher appends a task's
      // entries even when it fails). The code says why; the message may name paths, so it stays out.
      ctx.audit({ action: 'generation.failed', subject: id, details: { projectId: input.projectId, stack: input.stack, code: failure.code } });
      this.deps.emitLive({ type: 'generation.finished', generation: { ...summaryOf(id, input.projectId, input.stack, started, outputDir), ...run, rootHash: null, fileCount: null, byteCount: null } });
      throw failure;
    } finally {
      this.busy.delete(outputDir);
      runsInThisProcess.delete(id);
    }
  }
}

function summaryOf(id: string, projectId: string, stack: string, started: Date, outputDir: string): Omit<GenerationSummary, 'status' | 'finishedAt' | 'durationMs' | 'rootHash' | 'fileCount' | 'byteCount' | 'error'> {
  return { id, projectId, stack, startedAt: started.toISOString(), outputDir };
}

function emptyPlan(generated: GeneratedTree): OutputPlan {
  const files = [...generated.tree.keys()].map((path) => ({ path, change: 'create' as const, conflict: null }));
  return { files, previousLock: null, counts: { create: files.length, change: 0, unchanged: 0, delete: 0, conflicts: 0 } };
}

async function projectSlug(db: Kysely<Database>, projectId: string): Promise<string> {
  const row = await db.selectFrom('projects').select('slug').where('id', '=', projectId).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No project has the id ${projectId}.`, { id: projectId });
  return row.slug;
}
