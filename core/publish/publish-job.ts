import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { cidProfile, type DihyaEvent } from '../api/index.ts';
import type { AuditEntryInput } from '../audit/index.ts';
import { AppError, type Disposable } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { JobKindRegistry } from '../scheduler/index.ts';
import type { Publishing } from './publishing.ts';

export const publishJobOptions = z
  .object({
    path: z.string().trim().min(1).max(4_096).optional().describe('Folder or file to publish (e.g. a generated output).'),
    latestBackup: z.boolean().default(false).describe('Publish the newest backup instead (it must be encrypted).'),
    profile: cidProfile.default('modern').describe('modern: CIDv1; legacy: CIDv0 as `ipfs add` makes them.'),
    remotes: z.array(z.string().uuid()).max(10).default([]).describe('Remote pinning endpoints (ids) to pin the result to.'),
  })
  .strict();

/**
 * The scheduler's `publish` job: publish a folder (or the newest encrypted backup) on a schedule,
 * then pin it on the chosen remotes. A remote that fails does not fail the job: its pin is queued
 * and retried like any other. Jobs never confirm personal data: such an output fails the job.
 */
export function registerPublishJobKind(registry: JobKindRegistry, deps: { publishing: Publishing; db: Kysely<Database> }): Disposable {
  return registry.registerJobKind({
    kind: 'publish',
    title: 'Publish to IPFS',
    description: 'Publish a folder (or the newest encrypted backup) to the embedded IPFS node, then pin it on the chosen remotes.',
    defaultCron: '0 4 * * *',
    optionsSchema: publishJobOptions,
    run: async (ctx) => {
      const audits: AuditEntryInput[] = [];
      const events: DihyaEvent[] = [];
      const handlerCtx = { db: deps.db, clock: ctx.clock, audit: (entry: AuditEntryInput) => void audits.push(entry), emit: (event: DihyaEvent) => void events.push(event) };
      const flush = async () => {
        for (const entry of audits.splice(0)) await ctx.audit(entry);
        for (const event of events.splice(0)) ctx.emit(event);
      };
      try {
        let cid: string;
        if (ctx.options.latestBackup) {
          if (deps.publishing.backups === null) throw new AppError('NOT_FOUND', 'Backups are not available in this Dihya.', {});
          cid = (await deps.publishing.backups.publishBackup({ profile: ctx.options.profile }, handlerCtx)).publication.cid;
        } else if (ctx.options.path !== undefined) {
          cid = (await deps.publishing.publish.publish({ path: resolve(ctx.options.path), profile: ctx.options.profile, confirmPersonalData: false }, handlerCtx)).publication.cid;
        } else {
          throw new AppError('VALIDATION_FAILED', 'A publish job needs a path to publish, or latestBackup: true.', { issues: [{ path: 'options.path', message: 'required' }] });
        }
        ctx.signal.throwIfAborted();
        const queued: string[] = [];
        for (const remoteId of ctx.options.remotes) {
          const pin = await deps.publishing.remotes.pin({ remoteId, cid, timeoutMs: 60_000 }, handlerCtx);
          if (pin.status === 'queued' || pin.status === 'failed') queued.push(pin.remoteName);
        }
        const remotes = ctx.options.remotes.length === 0 ? '' : queued.length === 0 ? `; pinned on ${ctx.options.remotes.length} remote(s)` : `; remote pin queued for retry on ${queued.join(', ')}`;
        return { summary: `Published ${cid}${remotes}.`, details: { cid, queuedRemotes: queued } };
      } finally {
        await flush();
      }
    },
  });
}
