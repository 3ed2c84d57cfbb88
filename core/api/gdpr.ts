import { z } from 'zod';
import { projectId } from './projects.ts';

// ── Export (GDPR Art. 15 and 20) ─────────────────────────────────────────────────────────────
export const gdprExportInput = z
  .object({
    /**
     * Where to write the archive (absolute path ending in .zip). Omitted: a new file in
     * `<dataDir>/exports/`. Serve-mode callers cannot choose a path on the server.
     */
    outPath: z.string().trim().min(1).max(4_096).refine((p) => p.toLowerCase().endsWith('.zip'), 'The export is a .zip file.').optional(),
    overwrite: z.boolean().default(false),
  })
  .strict();
export const gdprExportOutput = z.object({
  path: z.string(),
  bytes: z.number().int(),
  /** sha256 of the archive itself; the manifest inside lists every file's sha256. */
  sha256: z.string(),
  files: z.number().int(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  generatedFolders: z.number().int(),
});
export type GdprExportResult = z.infer<typeof gdprExportOutput>;

// ── Erasure (GDPR Art. 17) ──────────────────────────────────────────────────────────────────
export const erasureTarget = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('project'), projectId }).strict(),
  z.object({ scope: z.literal('all') }).strict(),
]);
export type ErasureTarget = z.infer<typeof erasureTarget>;

/** A copy Dihya cannot delete itself (a remote pin, a pushed repository…): Art. 17(2) and 19. */
export const remoteCopy = z.object({ where: z.string(), what: z.string(), action: z.string() });
export type RemoteCopy = z.infer<typeof remoteCopy>;

export const gdprErasurePlanInput = z.object({ target: erasureTarget }).strict();
export const gdprErasurePlanOutput = z.object({
  target: erasureTarget,
  /** What the confirmation names: the project's name, or "everything". */
  label: z.string(),
  rows: z.record(z.string(), z.number().int()),
  files: z.object({ count: z.number().int(), bytes: z.number().int(), sample: z.array(z.string()) }),
  auditEntriesToRedact: z.number().int(),
  /** What other features hold here and will remove (e.g. `ipfs`: pins, with their blocks), when anything. */
  localCopies: z.array(z.object({ name: z.string(), items: z.number().int() })),
  remoteCopies: z.array(remoteCopy),
  /** Generated outputs the user wrote outside the data directory: theirs, never deleted by Dihya. */
  outsideDataDir: z.array(z.string()),
});
export type GdprErasurePlan = z.infer<typeof gdprErasurePlanOutput>;

export const gdprEraseInput = z
  .object({ target: erasureTarget, confirm: z.literal(true, 'Erasure cannot be undone; pass confirm: true (CLI: --yes).') })
  .strict();
export const gdprEraseOutput = z.object({
  erasureId: z.string(),
  target: z.object({ scope: z.enum(['project', 'all']) }),
  at: z.string(),
  deletedRows: z.record(z.string(), z.number().int()),
  removedFiles: z.number().int(),
  redactedAuditEntries: z.number().int(),
  /** Pre-0003 entries that could not be redacted because their chain did not verify. */
  legacyAuditEntriesKept: z.number().int(),
  tombstoneSeq: z.number().int(),
  vacuumed: z.boolean(),
  participants: z.array(z.object({ name: z.string(), removed: z.number().int(), notes: z.array(z.string()) })),
  remoteCopies: z.array(remoteCopy),
  outsideDataDir: z.array(z.string()),
  /** The erasure report (Art. 17(2), 19) as Markdown, for the user to keep or send on. */
  report: z.string(),
});
export type GdprErasureReport = z.infer<typeof gdprEraseOutput>;

// ── Retention ───────────────────────────────────────────────────────────────────────────────
export const retentionRules = z
  .object({
    /** Audit entries older than this are purged behind a checkpoint entry. */
    auditDays: z.number().int().min(1).max(36_500),
    /** Finished generation records; null keeps them while their project exists. */
    generationDays: z.number().int().min(1).max(36_500).nullable(),
    /** Rotated application log files. */
    logDays: z.number().int().min(1).max(3_650),
    /** Backups; null follows the backup policy (core/backup). */
    backupDays: z.number().int().min(1).max(36_500).nullable(),
  })
  .strict();
export type RetentionRules = z.infer<typeof retentionRules>;

export const gdprRetentionGetInput = z.object({}).strict();
export const gdprRetentionGetOutput = z.object({ rules: retentionRules, defaults: retentionRules, updatedAt: z.string().nullable() });
export const gdprRetentionSetInput = retentionRules.partial().strict();
export const gdprRetentionRunInput = z.object({}).strict();
export const gdprRetentionRunOutput = z.object({
  at: z.string(),
  audit: z.object({ purged: z.number().int(), checkpointSeq: z.number().int().nullable() }),
  generations: z.object({ deleted: z.number().int() }),
  logs: z.object({ deletedFiles: z.number().int() }),
  backups: z.object({ applied: z.boolean(), deleted: z.number().int(), note: z.string() }),
});
export type RetentionRunResult = z.infer<typeof gdprRetentionRunOutput>;

// ── Record of processing (Art. 30) ──────────────────────────────────────────────────────────
export const gdprProcessingRecordInput = z.object({}).strict();
export const gdprProcessingRecordOutput = z.object({
  generatedAt: z.string(),
  markdown: z.string(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), personal: z.boolean(), described: z.boolean() })),
});
