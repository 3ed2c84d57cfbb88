import { z } from 'zod';

const count = z.number().int().min(0).max(10_000);

/** Grandfather-father-son retention, as restic and Kopia count it: each rule keeps its own backups. */
export const retentionPolicy = z
  .object({
    keepLast: count.default(3),
    daily: count.default(7),
    weekly: count.default(4),
    monthly: count.default(12),
  })
  .strict();
export type RetentionPolicyInput = z.input<typeof retentionPolicy>;

export const backupKind = z.enum(['manual', 'scheduled', 'safety']);

/** A folder path the user chose (an external disk, a synced folder…); absolute or relative to the working directory. */
const folderPath = z.string().trim().min(1, 'A folder path cannot be empty.').max(4_096);
/** A backup: its file path, its file name, or its 8-character id as `backup list` shows it. */
const backupRef = z.string().trim().min(1, 'Name a backup: its file, its file name or its id.').max(4_096);
/** Never logged, never stored in plain text; only passed to scrypt. */
const passphrase = z.string().min(8, 'A passphrase has at least 8 characters.').max(1_024);

export const backupVerification = z.object({
  status: z.enum(['verified', 'failed']),
  checkedAt: z.string(),
  /** true: checked when the backup was written, not re-read since. */
  atCreation: z.boolean(),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
});

export const backupSummary = z.object({
  id: z.string(),
  file: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  kind: backupKind,
  sizeBytes: z.number().int().min(0),
  encrypted: z.boolean(),
  verification: backupVerification,
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const backupManifestInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: backupKind,
  dihyaVersion: z.string(),
  schemaVersion: z.number().int(),
  members: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  folders: z.array(z.string()),
  /** The audit chain head at the snapshot, so a restored chain can be checked against it. */
  audit: z.object({ head: z.string(), seq: z.number().int().min(0), count: z.number().int().min(0), origin: z.string().nullable() }),
  projects: z.number().int().min(0),
});

export const backupSettings = z.object({
  destination: z.string(),
  defaultDestination: z.string(),
  encrypt: z.boolean(),
  /** Whether a passphrase is available to scheduled backups (stored by the shell, or from the environment). */
  passphraseAvailable: z.boolean(),
  /** Whether this shell can keep a passphrase safely (the desktop app's OS keychain); if not, use DIHYA_BACKUP_PASSPHRASE. */
  canStorePassphrase: z.boolean(),
  retention: z.object({ keepLast: count, daily: count, weekly: count, monthly: count }),
});

export const backupSettingsGetInput = z.object({}).strict();
export const backupSettingsSetInput = z
  .object({
    /** null goes back to the default folder in the data directory. */
    destination: folderPath.nullable().optional(),
    encrypt: z.boolean().optional(),
    /** Kept in the shell's secret store, never in the database; null forgets it. */
    passphrase: passphrase.nullable().optional(),
    retention: retentionPolicy.optional(),
  })
  .strict();

export const backupCreateInput = z
  .object({
    destination: folderPath.optional(),
    /** Defaults to the settings. */
    encrypt: z.boolean().optional(),
    /** Defaults to the stored (or environment) passphrase when encrypting. */
    passphrase: passphrase.optional(),
    /** Apply the retention policy afterwards. */
    prune: z.boolean().default(false),
  })
  .strict();
export const backupCreateOutput = z.object({
  backup: backupSummary,
  manifest: backupManifestInfo,
  pruned: z.array(z.string()),
});

export const backupListInput = z.object({ destination: folderPath.optional() }).strict();
export const backupListOutput = z.object({ destination: z.string(), items: z.array(backupSummary) });

export const backupInspectInput = z.object({ file: backupRef, destination: folderPath.optional(), passphrase: passphrase.optional() }).strict();
export const backupInspectOutput = z.object({ file: z.string(), encrypted: z.boolean(), manifest: backupManifestInfo });

export const backupVerifyInput = z.object({ file: backupRef, destination: folderPath.optional(), passphrase: passphrase.optional() }).strict();
export const backupVerifyOutput = z.object({
  file: z.string(),
  ok: z.literal(true),
  members: z.number().int().min(0),
  integrity: z.literal('ok'),
  checkedAt: z.string(),
  manifest: backupManifestInfo,
});

export const backupRestoreInput = z
  .object({
    file: backupRef,
    destination: folderPath.optional(),
    passphrase: passphrase.optional(),
    /** A new data directory to restore into; omitted: replace this data directory's contents (after a safety backup). */
    dataDir: folderPath.optional(),
    /** Restoring is destructive: the caller confirms explicitly (the UI's dialog, the CLI's --yes). */
    confirm: z.literal(true, 'Restoring replaces data: confirm with confirm: true.'),
  })
  .strict();
export const backupRestoreOutput = z.object({
  restoredFrom: z.string(),
  target: z.enum(['in-place', 'new-dir']),
  dataDir: z.string(),
  safetyBackup: backupSummary.nullable(),
  manifest: backupManifestInfo,
});

export const backupPruneInput = z
  .object({
    destination: folderPath.optional(),
    /** Defaults to the settings' policy. */
    retention: retentionPolicy.optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();
export const backupPruneOutput = z.object({
  dryRun: z.boolean(),
  kept: z.array(backupSummary),
  deleted: z.array(backupSummary),
});
