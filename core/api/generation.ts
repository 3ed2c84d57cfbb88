import { z } from 'zod';
import { projectModel } from './project-model.ts';
import { projectId } from './projects.ts';
import { specInput } from './spec.ts';

/**
 * Contract of code generation: preview what a generation would write (with diffs), run it (a
 * long task reporting `progress` events, recorded and audited), list past runs, and read what a
 * run produced — its file tree and any file in it — for the UI's file browser.
 */
export const generationId = z.string().uuid('A generation id is a UUID.');

/** Where the model comes from: a model (structured spec, already parsed) or a spec text to parse. */
const modelSource = {
  model: projectModel.optional(),
  spec: specInput.optional(),
  /** The built-in stack pack to render (`web-fullstack`). */
  stack: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/).default('web-fullstack'),
  /** Pack options (see the pack's template.yaml). */
  options: z.record(z.string().max(60), z.union([z.string().max(200), z.boolean()])).default({}),
  /** Absolute folder to write to; defaults to `<dataDir>/outputs/<project slug>`. */
  outputDir: z.string().min(1).max(4_096).optional(),
};

function oneSource(value: { model?: unknown; spec?: unknown }): boolean {
  return (value.model === undefined) !== (value.spec === undefined);
}
const ONE_SOURCE = { message: 'Give either model or spec (exactly one).', path: ['model'] };

export const generationPreviewInput = z
  .object({ ...modelSource, projectId: projectId.optional(), diffs: z.boolean().default(true) })
  .strict()
  .refine(oneSource, ONE_SOURCE);

export const generationRunInput = z
  .object({
    ...modelSource,
    projectId,
    force: z.boolean().default(false),
    /** Chosen by the caller so it can follow the run's `progress` events (default: the generation id). */
    taskId: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine(oneSource, ONE_SOURCE);

/** `interrupted`: the process running it died (crash, kill, power cut); the next core start says so. */
export const GENERATION_STATUSES = ['running', 'succeeded', 'failed', 'interrupted'] as const;

export const generationWarning = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });

export const plannedFile = z.object({
  path: z.string(),
  change: z.enum(['create', 'change', 'unchanged', 'delete']),
  /** Writing would overwrite a file the user changed (or created) since the last generation. */
  conflict: z.enum(['user-modified', 'user-created']).nullable(),
  diff: z.string().optional(),
});
export type PlannedFileDto = z.infer<typeof plannedFile>;

const counts = z.object({
  create: z.number().int(),
  change: z.number().int(),
  unchanged: z.number().int(),
  delete: z.number().int(),
  conflicts: z.number().int(),
});

export const generationPreviewOutput = z.object({
  outputDir: z.string().nullable(),
  stack: z.string(),
  rootHash: z.string(),
  fileCount: z.number().int(),
  byteCount: z.number().int(),
  counts,
  files: z.array(plannedFile),
  warnings: z.array(generationWarning),
});
export type GenerationPreview = z.infer<typeof generationPreviewOutput>;

export const generationSummary = z.object({
  id: generationId,
  projectId: z.string(),
  status: z.enum(GENERATION_STATUSES),
  stack: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  outputDir: z.string().nullable(),
  rootHash: z.string().nullable(),
  fileCount: z.number().int().nullable(),
  byteCount: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type GenerationSummary = z.infer<typeof generationSummary>;

export const generationRunOutput = generationSummary.extend({ counts, warnings: z.array(generationWarning) });

export const generationListInput = z
  .object({
    projectId: projectId.optional(),
    limit: z.number().int().min(1).max(1_000).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const generationListOutput = z.object({ items: z.array(generationSummary), total: z.number().int() });

export const generationGetInput = z.object({ id: generationId }).strict();
export const generationGetOutput = generationSummary.extend({
  /** The model snapshot the run used; null for a run that failed before reading it. */
  model: z.unknown().nullable(),
  /** The lock file written (dihya.lock.json), null when the run failed. */
  lock: z.unknown().nullable(),
  warnings: z.array(generationWarning),
});

export const generationFilesInput = z.object({ id: generationId }).strict();
export const generationFile = z.object({
  path: z.string(),
  sha256: z.string(),
  /** Bytes on disk now, null when the file is gone. */
  size: z.number().int().nullable(),
  /** Compared with the lock: still as generated, changed since, or missing. */
  state: z.enum(['ok', 'changed', 'missing']),
});
export const generationFilesOutput = z.object({ outputDir: z.string(), rootHash: z.string(), files: z.array(generationFile) });

/** Files are served up to this size; larger ones come back truncated. */
export const READ_FILE_MAX_BYTES = 1024 * 1024;

export const generationReadFileInput = z.object({ id: generationId, path: z.string().min(1).max(1_000) }).strict();
export const generationReadFileOutput = z.object({
  path: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  state: z.enum(['ok', 'changed']),
  /** UTF-8 text, or null for a binary file. */
  content: z.string().nullable(),
  truncated: z.boolean(),
});

export const generationVerifyInput = z
  .object({ id: generationId.optional(), dir: z.string().min(1).max(4_096).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.dir === undefined), { message: 'Give either id or dir (exactly one).', path: ['id'] });
export const generationVerifyOutput = z.object({
  ok: z.boolean(),
  dir: z.string(),
  rootHash: z.string(),
  actualRootHash: z.string(),
  checked: z.number().int(),
  changed: z.array(z.string()),
  missing: z.array(z.string()),
  added: z.array(z.string()),
});
export type GenerationVerifyReport = z.infer<typeof generationVerifyOutput>;

export const generationStacksInput = z.object({}).strict();
export const generationStacksOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      version: z.string(),
      kind: z.string(),
      description: z.string(),
      /** The pack's options: type, default, description (and values for enums). */
      options: z.record(z.string(), z.object({ type: z.string(), default: z.union([z.string(), z.boolean()]), description: z.string(), values: z.array(z.string()).optional() })),
      contentHash: z.string(),
    }),
  ),
});
