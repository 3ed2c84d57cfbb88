import { z } from 'zod';
import { project } from './projects.ts';

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
]);
export type DihyaEvent = z.infer<typeof dihyaEvent>;
export type DihyaEventType = DihyaEvent['type'];
