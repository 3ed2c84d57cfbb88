import type { Disposable } from '../common/index.ts';
import type { GdprService } from '../gdpr/index.ts';
import type { BackupService } from './backup-service.ts';

type Tombstones = Parameters<GdprService['reapplyErasures']>[0];

/**
 * Backups in the GDPR picture. Retention: the Privacy rule on backups (or, without one, the GFS
 * policy) runs with the nightly retention job. Erasure: archives are sealed (checksummed, maybe
 * encrypted) and are the user's way back, so an erasure does not rewrite them; it reports them as
 * copies that still hold the data until retention removes them. Restore: an older backup brings
 * erased data back, so the erasures recorded in the database being replaced are applied again to
 * the restored one before anything reads it (the GDPR service's tombstones, carried in the journal).
 */
export function connectBackupsToGdpr(backups: BackupService, gdpr: GdprService): Disposable[] {
  return [
    gdpr.registerRetentionParticipant({
      kind: 'backups',
      apply: async (days, now) => {
        if (days === null) {
          const { deleted } = await backups.prune({ dryRun: false });
          return { deleted: deleted.length, note: 'Backups follow their own retention policy (keep-last, daily, weekly, monthly).' };
        }
        const deleted = await backups.expire(days, now);
        return { deleted: deleted.length, note: `Backups older than ${days} days are deleted, except the newest verified one.` };
      },
    }),
    gdpr.registerErasureParticipant({
      name: 'backups',
      plan: async () => ({ localItems: 0, remoteCopies: await copies() }),
      erase: async () => ({ removed: 0, remoteCopies: await copies(), notes: ['Backups are not rewritten: if one is restored, this erasure is applied again to it.'] }),
    }),
    backups.registerRestoreParticipant({
      name: 'gdpr',
      capture: () => gdpr.listErasureTombstones(),
      restored: async (captured) => {
        if (Array.isArray(captured) && captured.length > 0) await gdpr.reapplyErasures(captured as Tombstones, 'system');
      },
    }),
  ];

  async function copies() {
    const { destination, items } = await backups.list();
    if (items.length === 0) return [];
    return [
      {
        where: destination,
        what: `${items.length} backup${items.length === 1 ? '' : 's'}, the newest from ${items[0]?.createdAt.slice(0, 10)}`,
        action: 'Kept so you can recover; they hold the erased data until the retention policy removes them (or delete them with `dihya backup prune`). A restore applies the erasure again.',
      },
    ];
  }
}
