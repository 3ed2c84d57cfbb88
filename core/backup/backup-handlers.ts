import type { Handlers } from '../host/handler-types.ts';
import type { BackupService } from './backup-service.ts';
import { manifestInfo } from './manifest.ts';

type BackupHandlers = Pick<
  Handlers,
  'backup.settings.get' | 'backup.settings.set' | 'backup.create' | 'backup.list' | 'backup.inspect' | 'backup.verify' | 'backup.restore' | 'backup.prune'
>;

/** Passphrases go to scrypt and the secret store only: never into audit details, events or errors. */
export function backupHandlers(backups: BackupService, options: { canStorePassphrase: boolean }): BackupHandlers {
  const settingsView = async (db: Parameters<BackupService['settings']>[0]) => {
    const settings = await backups.settings(db);
    return {
      destination: settings.resolvedDestination,
      defaultDestination: backups.defaultDestination,
      encrypt: settings.encrypt,
      passphraseAvailable: settings.passphraseAvailable,
      canStorePassphrase: options.canStorePassphrase,
      retention: settings.retention,
    };
  };
  return {
    'backup.settings.get': (_input, ctx) => settingsView(ctx.db),
    'backup.settings.set': async (input, ctx) => {
      await backups.saveSettings(ctx.db, input);
      ctx.audit({ action: 'backup.settings', details: { destinationChanged: input.destination !== undefined, encrypt: input.encrypt, passphraseChanged: input.passphrase !== undefined, retention: input.retention } });
      return settingsView(ctx.db);
    },
    'backup.create': async (input, ctx) => {
      const { backup, manifest } = await backups.create({ kind: 'manual', destination: input.destination, encrypt: input.encrypt, passphrase: input.passphrase });
      ctx.audit({ action: 'backup.create', subject: backup.id, details: { file: backup.fileName, sizeBytes: backup.sizeBytes, encrypted: backup.encrypted } });
      let pruned: string[] = [];
      if (input.prune) {
        pruned = (await backups.prune({ destination: input.destination, dryRun: false })).deleted.map((b) => b.fileName);
        if (pruned.length > 0) ctx.audit({ action: 'backup.prune', details: { deleted: pruned } });
      }
      return { backup, manifest: manifestInfo(manifest), pruned };
    },
    'backup.list': (input) => backups.list(input.destination),
    'backup.inspect': async (input) => {
      const { file, encrypted, manifest } = await backups.inspect(input.file, input);
      return { file, encrypted, manifest: manifestInfo(manifest) };
    },
    'backup.verify': async (input, ctx) => {
      const { file, manifest, checkedAt } = await backups.verify(input.file, input);
      ctx.audit({ action: 'backup.verify', details: { checked: [file], failed: [] } });
      return { file, ok: true as const, members: manifest.members.length, integrity: 'ok' as const, checkedAt, manifest: manifestInfo(manifest) };
    },
    'backup.restore': async (input, ctx) => {
      const result = await backups.restore(input);
      ctx.audit({ action: 'backup.restore', subject: result.manifest.id, details: { file: result.file, target: result.target, safetyBackup: result.safetyBackup?.fileName ?? null } });
      return { restoredFrom: result.file, target: result.target, dataDir: result.dataDir, safetyBackup: result.safetyBackup, manifest: manifestInfo(result.manifest) };
    },
    'backup.prune': async (input, ctx) => {
      const result = await backups.prune(input);
      ctx.audit({ action: 'backup.prune', details: { deleted: result.deleted.map((b) => b.fileName), dryRun: input.dryRun } });
      return { dryRun: input.dryRun, ...result };
    },
  };
}
