import { z } from 'zod';
import { project } from './projects.ts';
import { generationSummary } from './generation.ts';
import { backupSummary } from './backup.ts';
import { job, jobRun, notification } from './scheduler.ts';
import { retentionRules } from './gdpr.ts';
import { ipfsNodeStatus, publication, remotePin } from './publish.ts';

/**
 * The event stream every transport relays (IPC `dihya:event`, HTTP SSE `/api/events`).
 * Later features add members here (job, progress, publish, sync) — keep `type` unique.
 */
export const dihyaEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('project.created'), project }),
  z.object({ type: z.literal('project.updated'), project }),
  z.object({ type: z.literal('project.deleted'), id: z.string() }),
  z.object({
    type: z.literal('progress'),
    taskId: z.string(),
    label: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  // Publishing (core/publish): a publication recorded, a remote pin changed state, the node went on/offline.
  z.object({ type: z.literal('publication.recorded'), publication }),
  z.object({ type: z.literal('ipfs.remotePin.updated'), remotePin }),
  z.object({ type: z.literal('ipfs.status'), status: ipfsNodeStatus }),
  // GDPR (core/gdpr): an erasure finished; retention rules changed.
  z.object({ type: z.literal('gdpr.erased'), erasureId: z.string(), scope: z.enum(['project', 'all']) }),
  z.object({ type: z.literal('gdpr.retentionChanged'), rules: retentionRules }),
  // Scheduler (core/scheduler): a job saved or deleted (job: null), runs starting and ending, the notification centre.
  z.object({ type: z.literal('job.changed'), jobId: z.string(), job: job.nullable() }),
  z.object({ type: z.literal('job.run.started'), run: jobRun }),
  z.object({ type: z.literal('job.run.finished'), run: jobRun }),
  z.object({ type: z.literal('notification.created'), notification }),
  z.object({ type: z.literal('notifications.changed'), unread: z.number().int().min(0) }),
  // Backups (core/backup): written, verified, pruned, restored in place (reload everything after this one).
  z.object({ type: z.literal('backup.created'), backup: backupSummary }),
  z.object({ type: z.literal('backup.verified'), file: z.string(), ok: z.boolean(), errorCode: z.string().nullable() }),
  z.object({ type: z.literal('backup.deleted'), files: z.array(z.string()) }),
  z.object({ type: z.literal('backup.restored'), file: z.string(), target: z.enum(['in-place', 'new-dir']), dataDir: z.string() }),
  // Generation (core/generation): a run ended (succeeded or failed); its progress comes as `progress` with taskId = the run id.
  z.object({ type: z.literal('generation.finished'), generation: generationSummary }),
]);
export type DihyaEvent = z.infer<typeof dihyaEvent>;
export type DihyaEventType = DihyaEvent['type'];
