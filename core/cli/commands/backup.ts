import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { BackupSummary } from '../../api/index.ts';
import { AppError, isAppError, isErrorCode, type ErrorCode } from '../../common/index.ts';
import { restoreToNewDir } from '../../backup/restore-backup.ts';
import { resolveArchive } from '../../backup/backup-catalog.ts';
import { resolveDataDir } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1_073_741_824) return `${(bytes / 1_048_576).toFixed(1)} MiB`;
  return `${(bytes / 1_073_741_824).toFixed(2)} GiB`;
}

/** Passphrases never go on the command line (other users see argv): a file, or DIHYA_BACKUP_PASSPHRASE. */
function passphraseFrom(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    const text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    if (text.length === 0) throw new AppError('VALIDATION_FAILED', `The passphrase file ${file} is empty.`, { file });
    return text;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('NOT_FOUND', `The passphrase file ${file} cannot be read.`, { file });
  }
}

const int = (v: string) => Number.parseInt(v, 10);

function row(b: BackupSummary): string[] {
  const state = b.verification.status === 'verified' ? (b.verification.atCreation ? 'verified' : `re-verified ${b.verification.checkedAt.slice(0, 10)}`) : `FAILED (${b.verification.errorCode ?? '?'})`;
  return [b.id, b.createdAt.slice(0, 19).replace('T', ' '), b.kind, size(b.sizeBytes), b.encrypted ? 'yes' : 'no', state];
}

export function registerBackupCommands(program: Command, ctx: CliContext): void {
  const backup = program.command('backup').description('Create, list, verify, restore and prune backups');
  const json = () => ctx.globals().json === true;

  backup
    .command('create')
    .description('Back up now: a consistent snapshot, verified before it is kept')
    .option('--dest <dir>', 'backup folder (default: the one in the backup settings)')
    .option('--encrypt', 'encrypt (AES-256-GCM, key from the passphrase by scrypt)')
    .option('--no-encrypt', 'do not encrypt, whatever the settings say')
    .option('--passphrase-file <file>', 'read the passphrase from this file (else DIHYA_BACKUP_PASSPHRASE)')
    .option('--prune', 'apply the retention policy afterwards')
    .action(async (options: { dest?: string; encrypt?: boolean; passphraseFile?: string; prune?: boolean }) => {
      const result = await ctx.withCore((core) => core.dispatch('backup.create', { destination: options.dest, encrypt: options.encrypt, passphrase: passphraseFrom(options.passphraseFile), prune: options.prune === true }));
      if (json()) return printJson(ctx.io, result);
      ctx.io.out(`Backup written and verified: ${result.backup.file} (${size(result.backup.sizeBytes)}${result.backup.encrypted ? ', encrypted' : ''})`);
      if (result.pruned.length > 0) ctx.io.out(`Removed by the retention policy: ${result.pruned.join(', ')}`);
    });

  backup
    .command('list')
    .alias('ls')
    .description('List backups, newest first')
    .option('--dest <dir>', 'backup folder')
    .action(async (options: { dest?: string }) => {
      const result = await ctx.withCore((core) => core.dispatch('backup.list', { destination: options.dest }));
      if (json()) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out(`No backups in ${result.destination} yet. Make one with: dihya backup create`);
      ctx.io.out(formatTable(['ID', 'CREATED (UTC)', 'KIND', 'SIZE', 'ENCRYPTED', 'STATE'], result.items.map(row)));
      ctx.io.out(`(${result.items.length} in ${result.destination})`);
    });

  backup
    .command('verify [backups...]')
    .description('Prove backups restore (checksums, integrity check of a restored copy); all when none named')
    .option('--dest <dir>', 'backup folder')
    .option('--passphrase-file <file>', 'passphrase of encrypted backups (else DIHYA_BACKUP_PASSPHRASE)')
    .action(async (refs: string[], options: { dest?: string; passphraseFile?: string }) => {
      const passphrase = passphraseFrom(options.passphraseFile);
      const results = await ctx.withCore(async (core) => {
        const files = refs.length > 0 ? refs : (await core.dispatch('backup.list', { destination: options.dest })).items.map((b) => b.file);
        const out: { file: string; ok: boolean; code?: string; message?: string }[] = [];
        for (const file of files) {
          try {
            await core.dispatch('backup.verify', { file, destination: options.dest, passphrase });
            out.push({ file, ok: true });
          } catch (error) {
            if (!isAppError(error)) throw error;
            out.push({ file, ok: false, code: error.code, message: error.message });
          }
        }
        return out;
      });
      if (json()) printJson(ctx.io, { results });
      else if (results.length === 0) ctx.io.out('No backups to verify.');
      else for (const r of results) ctx.io.out(r.ok ? `ok      ${r.file}` : `FAILED  ${r.file}: ${r.message} [${r.code}]`);
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) {
        const first = failed.find((f) => f.code === 'BACKUP_CORRUPT') ?? failed[0];
        const code: ErrorCode = isErrorCode(first?.code) ? first.code : 'BACKUP_CORRUPT';
        throw new AppError(code, `${failed.length} of ${results.length} backups failed verification.`, { failed: failed.map((f) => f.file) });
      }
    });

  backup
    .command('inspect <backup>')
    .description("Show what a backup holds (its manifest)")
    .option('--dest <dir>', 'backup folder')
    .option('--passphrase-file <file>', 'passphrase of an encrypted backup')
    .action(async (ref: string, options: { dest?: string; passphraseFile?: string }) => {
      const result = await ctx.withCore((core) => core.dispatch('backup.inspect', { file: ref, destination: options.dest, passphrase: passphraseFrom(options.passphraseFile) }));
      if (json()) return printJson(ctx.io, result);
      const m = result.manifest;
      ctx.io.out(`${result.file}\n  created ${m.createdAt} by Dihya ${m.dihyaVersion} (schema ${m.schemaVersion}), ${m.kind}${result.encrypted ? ', encrypted' : ''}\n  ${m.projects} projects, ${m.members} files, ${size(m.totalBytes)}; folders: ${m.folders.join(', ') || 'none'}\n  audit head #${m.audit.seq} ${m.audit.head.slice(0, 16)}… (${m.audit.count} entries)`);
    });

  backup
    .command('restore <backup>')
    .description('Restore a backup: into a new folder (--into), or replace this data directory after a safety backup')
    .option('--into <dir>', 'restore into this new (or empty) data directory instead of replacing this one')
    .option('--dest <dir>', 'backup folder to find the backup in by id or name')
    .option('--passphrase-file <file>', 'passphrase of an encrypted backup')
    .option('--yes', 'confirm: restoring replaces data')
    .action(async (ref: string, options: { into?: string; dest?: string; passphraseFile?: string; yes?: boolean }) => {
      if (options.yes !== true) {
        throw new AppError('VALIDATION_FAILED', options.into === undefined ? 'Restoring replaces the data in this data directory (a safety backup is taken first): add --yes to confirm.' : 'Add --yes to confirm the restore.', { issues: [{ path: 'yes', message: 'required', code: 'confirm' }] });
      }
      const passphrase = passphraseFrom(options.passphraseFile);
      const input = { file: ref, destination: options.dest, passphrase, dataDir: options.into, confirm: true as const };
      let result;
      try {
        result = await ctx.withCore((core) => core.dispatch('backup.restore', input));
      } catch (error) {
        // A database too damaged to open is the usual reason to restore: into a new folder, no core is needed.
        if (!isAppError(error) || error.code !== 'STORE_CORRUPT' || options.into === undefined) {
          if (isAppError(error) && error.code === 'STORE_CORRUPT') throw new AppError('STORE_CORRUPT', `${error.message} Restore into a new folder instead: dihya backup restore ${ref} --into NEW_DIR --yes`, error.details);
          throw error;
        }
        const dataDir = resolveDataDir(ctx.globals().dataDir, ctx.env);
        const { file } = await resolveArchive(ref, options.dest ?? join(dataDir, 'backups'));
        const manifest = await restoreToNewDir(file, options.into, { passphrase: passphrase ?? ctx.env.DIHYA_BACKUP_PASSPHRASE });
        result = { restoredFrom: file, target: 'new-dir' as const, dataDir: options.into, safetyBackup: null, manifest };
      }
      if (json()) return printJson(ctx.io, result);
      ctx.io.out(`Restored ${result.restoredFrom}\n  into ${result.dataDir}${result.target === 'new-dir' ? ` (use it with --data-dir ${result.dataDir})` : ''}`);
      if (result.safetyBackup !== null) ctx.io.out(`  the previous state was saved first: ${result.safetyBackup.file}`);
    });

  backup
    .command('prune')
    .description('Delete backups the retention policy does not keep (never the newest verified one)')
    .option('--dest <dir>', 'backup folder')
    .option('--keep-last <n>', 'keep the newest n', int)
    .option('--daily <n>', 'keep the newest backup of each of the last n days', int)
    .option('--weekly <n>', 'keep one per week for n weeks', int)
    .option('--monthly <n>', 'keep one per month for n months', int)
    .option('--dry-run', 'only show what would be deleted')
    .action(async (options: { dest?: string; keepLast?: number; daily?: number; weekly?: number; monthly?: number; dryRun?: boolean }) => {
      const result = await ctx.withCore(async (core) => {
        const given = [options.keepLast, options.daily, options.weekly, options.monthly].some((v) => v !== undefined);
        const base = (await core.dispatch('backup.settings.get', {})).retention;
        const retention = given ? { keepLast: options.keepLast ?? 0, daily: options.daily ?? 0, weekly: options.weekly ?? 0, monthly: options.monthly ?? 0 } : base;
        return core.dispatch('backup.prune', { destination: options.dest, retention, dryRun: options.dryRun === true });
      });
      if (json()) return printJson(ctx.io, result);
      const verb = result.dryRun ? 'Would delete' : 'Deleted';
      ctx.io.out(result.deleted.length === 0 ? `Nothing to delete; ${result.kept.length} kept.` : `${verb} ${result.deleted.length}, kept ${result.kept.length}:\n${result.deleted.map((b) => `  ${b.fileName}`).join('\n')}`);
    });
}
