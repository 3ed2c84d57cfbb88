import { z } from 'zod';
import { AppError, isAppError, type Disposable } from '../common/index.ts';
import type { JobKindRegistry } from '../scheduler/index.ts';
import type { BackupService } from './backup-service.ts';

const destination = z.string().trim().min(1).max(4_096).optional().describe('Folder for this job\'s backups; the backup settings\' folder when omitted.');

export const backupJobOptions = z
  .object({
    destination,
    prune: z.boolean().default(true).describe('Apply the retention policy after each backup.'),
  })
  .strict();

export const verifyJobOptions = z
  .object({
    destination,
    count: z.number().int().min(1).max(100).default(3).describe('How many backups to re-verify per run, least recently checked first.'),
  })
  .strict();

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** The two kinds this feature contributes to the scheduler's registry. */
export function registerBackupJobKinds(registry: JobKindRegistry, backups: BackupService): Disposable[] {
  return [
    registry.registerJobKind({
      kind: 'backup',
      title: 'Backup',
      description: 'Back up the database, generated projects, templates and plugins, verify the archive, then apply the retention policy.',
      defaultCron: '0 3 * * *',
      optionsSchema: backupJobOptions,
      run: async (ctx) => {
        const { backup } = await backups.create({ kind: 'scheduled', destination: ctx.options.destination, signal: ctx.signal });
        await ctx.audit({ action: 'backup.create', subject: backup.id, details: { file: backup.fileName, sizeBytes: backup.sizeBytes, encrypted: backup.encrypted, trigger: ctx.trigger } });
        let deleted: string[] = [];
        if (ctx.options.prune) {
          deleted = (await backups.prune({ destination: ctx.options.destination, dryRun: false })).deleted.map((b) => b.fileName);
          if (deleted.length > 0) await ctx.audit({ action: 'backup.prune', details: { deleted } });
        }
        const pruned = deleted.length === 0 ? '' : `; ${deleted.length} old backup${deleted.length === 1 ? '' : 's'} removed`;
        return { summary: `Backup ${backup.fileName} (${megabytes(backup.sizeBytes)}) written and verified${pruned}.`, details: { backupId: backup.id, file: backup.file, sizeBytes: backup.sizeBytes, pruned: deleted } };
      },
    }),
    registry.registerJobKind({
      kind: 'verify-backups',
      title: 'Verify backups',
      description: 'Re-read a few backups (the least recently checked first) and prove each can still be restored.',
      defaultCron: '30 4 * * 0',
      optionsSchema: verifyJobOptions,
      run: async (ctx) => {
        const { items } = await backups.list(ctx.options.destination);
        const due = [...items].sort((a, b) => Date.parse(a.verification.checkedAt) - Date.parse(b.verification.checkedAt)).slice(0, ctx.options.count);
        const failed: { file: string; code: string }[] = [];
        for (const backup of due) {
          ctx.signal.throwIfAborted();
          try {
            await backups.verify(backup.file, { destination: ctx.options.destination });
          } catch (error) {
            if (!isAppError(error)) throw error;
            failed.push({ file: backup.fileName, code: error.code });
          }
        }
        await ctx.audit({ action: 'backup.verify', details: { checked: due.map((b) => b.fileName), failed } });
        if (failed.length > 0) {
          throw new AppError('BACKUP_CORRUPT', `${failed.length} of ${due.length} backups failed verification: ${failed.map((f) => `${f.file} [${f.code}]`).join(', ')}. Take a new backup and check the disk.`, { failed });
        }
        return { summary: due.length === 0 ? 'No backups to verify yet.' : `${due.length} backup${due.length === 1 ? '' : 's'} verified.`, details: { checked: due.map((b) => b.fileName) } };
      },
    }),
  ];
}
