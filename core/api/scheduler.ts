import { z } from 'zod';

export const jobId = z.string().uuid('A job id is a UUID.');

/** Kinds are registered by features: `backup`, `verify-backups`, later `publish.ipfs`, `gdpr.retention`… */
export const jobKindName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'A job kind is lower-case words joined by dashes or dots.');

/** Five fields (minute…weekday), or six with seconds first; validated by the scheduler. */
export const cronExpression = z.string().trim().min(1, 'A schedule needs a cron expression.').max(120);

/** An IANA time zone such as `Europe/Paris`; validated by the scheduler. */
export const timeZoneName = z.string().trim().min(1).max(64);

/** Which outcomes reach the notification centre (failures always reach it). */
export const jobNotify = z.enum(['failures', 'all']);

export const jobRunStatus = z.enum(['running', 'succeeded', 'failed', 'interrupted']);
export const jobRunTrigger = z.enum(['schedule', 'manual', 'catch-up']);

export const jobError = z.object({ code: z.string(), message: z.string() });

export const jobRun = z.object({
  id: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  kind: z.string(),
  trigger: jobRunTrigger,
  status: jobRunStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().min(0).nullable(),
  error: jobError.nullable(),
  /** What the run did, in one sentence, plus machine-readable details (e.g. the backup id). */
  result: z.object({ summary: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
});
export type JobRun = z.infer<typeof jobRun>;

export const job = z.object({
  id: jobId,
  name: z.string(),
  kind: z.string(),
  cron: z.string(),
  timezone: z.string(),
  enabled: z.boolean(),
  notify: jobNotify,
  options: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A human reading of the cron expression and the next time it fires (null when disabled). */
  schedule: z.object({ description: z.string(), nextRunAt: z.string().nullable() }),
  lastRun: jobRun.nullable(),
  running: z.boolean(),
  /** False when no feature registered this job's kind (e.g. a job written by a newer Dihya). */
  kindKnown: z.boolean(),
});
export type Job = z.infer<typeof job>;

export const jobKindInfo = z.object({
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  defaultCron: z.string(),
  defaultOptions: z.record(z.string(), z.unknown()),
  /** JSON Schema of the kind's options, for a generic options form. */
  optionsSchema: z.record(z.string(), z.unknown()),
});
export type JobKindInfo = z.infer<typeof jobKindInfo>;

const jobName = z.string().trim().min(1, 'A job needs a name.').max(120);
const jobOptions = z.record(z.string(), z.unknown());

export const jobsKindsInput = z.object({}).strict();
export const jobsKindsOutput = z.object({ items: z.array(jobKindInfo) });

export const jobsListInput = z.object({ kind: z.string().max(60).optional() }).strict();
export const jobsListOutput = z.object({ items: z.array(job) });

export const jobsGetInput = z.object({ id: jobId }).strict();

export const jobsCreateInput = z
  .object({
    kind: jobKindName,
    name: jobName.optional(),
    cron: cronExpression.optional(),
    timezone: timeZoneName.optional(),
    enabled: z.boolean().default(true),
    notify: jobNotify.default('failures'),
    options: jobOptions.default({}),
  })
  .strict();

export const jobsUpdateInput = z
  .object({
    id: jobId,
    name: jobName.optional(),
    cron: cronExpression.optional(),
    timezone: timeZoneName.optional(),
    enabled: z.boolean().optional(),
    notify: jobNotify.optional(),
    options: jobOptions.optional(),
  })
  .strict();

export const jobsDeleteInput = z.object({ id: jobId }).strict();
export const jobsDeleteOutput = z.object({ id: jobId, deleted: z.literal(true) });

export const jobsRunInput = z
  .object({
    id: jobId,
    /** false (the UI's "Run now"): answer as soon as the run starts and follow it by events. */
    wait: z.boolean().default(false),
  })
  .strict();

export const jobsHistoryInput = z
  .object({
    jobId: jobId.optional(),
    status: jobRunStatus.optional(),
    limit: z.number().int().min(1).max(1_000).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const jobsHistoryOutput = z.object({ items: z.array(jobRun), total: z.number().int().min(0) });

export const jobsPreviewInput = z
  .object({ cron: z.string().max(120), timezone: timeZoneName.optional(), count: z.number().int().min(1).max(20).default(5) })
  .strict();
export const jobsPreviewOutput = z.object({
  valid: z.boolean(),
  description: z.string().nullable(),
  nextRuns: z.array(z.string()),
  error: z.string().nullable(),
});

export const notificationLevel = z.enum(['info', 'success', 'warning', 'error']);
export const notification = z.object({
  id: z.string(),
  at: z.string(),
  level: notificationLevel,
  title: z.string(),
  body: z.string(),
  jobId: z.string().nullable(),
  runId: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsListInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const notificationsListOutput = z.object({ items: z.array(notification), total: z.number().int().min(0), unread: z.number().int().min(0) });

export const notificationsMarkReadInput = z
  .object({ ids: z.array(z.string().max(64)).max(500).optional(), all: z.boolean().optional() })
  .strict()
  .refine((v) => (v.ids !== undefined) !== (v.all === true), 'Give either ids or all: true.');
export const notificationsMarkReadOutput = z.object({ updated: z.number().int().min(0), unread: z.number().int().min(0) });

export const emailSettings = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: z.boolean(),
  from: z.string(),
  to: z.string(),
  username: z.string().nullable(),
  /** The password itself is never returned; it lives in the shell's secret store. */
  hasPassword: z.boolean(),
});
export const notificationsSettingsGetInput = z.object({}).strict();
export const notificationsSettingsOutput = z.object({ email: emailSettings, canStoreSecrets: z.boolean() });
export const notificationsSettingsSetInput = z
  .object({
    email: z
      .object({
        enabled: z.boolean(),
        host: z.string().trim().max(255).default(''),
        port: z.number().int().min(1).max(65_535).default(587),
        secure: z.boolean().default(false),
        from: z.string().trim().max(255).default(''),
        to: z.string().trim().max(1_000).default(''),
        username: z.string().trim().max(255).nullable().default(null),
        /** Omit to keep the stored one; null removes it. */
        password: z.string().max(1_000).nullable().optional(),
      })
      .strict()
      .refine((e) => !e.enabled || (e.host !== '' && e.from.includes('@') && e.to.includes('@')), 'Email needs a server, a sender and a recipient address.'),
  })
  .strict();
export const notificationsEmailTestInput = z.object({}).strict();
export const notificationsEmailTestOutput = z.object({ sent: z.literal(true), to: z.string() });
