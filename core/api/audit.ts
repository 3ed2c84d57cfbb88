import { z } from 'zod';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** `local` (desktop, CLI), `http` (serve mode), `scheduler`… */
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  prevHash: z.string(),
  /** Emptied by an erasure (GDPR Art. 17); the chain still verifies through its content hash. */
  redacted: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z
  .object({
    /** Free text, matched in action, subject and details. */
    search: z.string().trim().max(200).optional(),
    /** An exact action (`project.create`) or a family ending in `.` (`project.`). */
    action: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(100).optional(),
    subject: z.string().trim().max(200).optional(),
    /** ISO 8601 bounds on `at`: from inclusive, to exclusive. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    order: z.enum(['newest', 'oldest']).default('newest'),
    limit: z.number().int().min(1).max(1_000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const auditListOutput = z.object({ items: z.array(auditEntry), total: z.number().int().min(0) });

export const auditActionsInput = z.object({}).strict();
export const auditActionsOutput = z.object({ actions: z.array(z.object({ action: z.string(), count: z.number().int() })) });

export const auditProblemReason = z.enum(['modified', 'removed', 'reordered', 'truncated', 'replaced', 'unaccounted-redaction', 'anchor-unreadable']);

export const auditVerifyInput = z.object({}).strict();
export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstSeq: z.number().int().nullable(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** Entries up to here were purged by retention; a checkpoint entry accounts for them (0: none). */
  purgedThroughSeq: z.number().int(),
  redactedEntries: z.number().int(),
  /** The head recorded outside the table (audit-head.json), which reveals a truncated tail. */
  anchor: z.object({
    state: z.enum(['matches', 'behind', 'missing', 'unreadable', 'contradicted', 'unchecked']),
    seq: z.number().int().nullable(),
    hash: z.string().nullable(),
    count: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
  }),
  /** The first entry that does not hold, and why. */
  problem: z.object({ seq: z.number().int(), reason: auditProblemReason, message: z.string() }).nullable(),
  checkedAt: z.string(),
  durationMs: z.number(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyOutput>;

export const auditReanchorInput = z.object({ confirm: z.literal(true, 'Re-anchoring accepts the log as it is now; pass confirm: true.') }).strict();
const headShape = z.object({ seq: z.number().int(), hash: z.string(), count: z.number().int() });
export const auditReanchorOutput = z.object({ previous: headShape.nullable(), anchor: headShape.nullable() });
