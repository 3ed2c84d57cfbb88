import type { Kysely } from 'kysely';
import { z } from 'zod';
import { retentionPolicy } from '../api/backup.ts';
import type { Database } from '../db/index.ts';
import { readSetting, writeSetting } from '../scheduler/settings-json.ts';

const SETTINGS_KEY = 'backup.settings';
export const BACKUP_PASSPHRASE_SECRET = 'backup.passphrase';

export const storedBackupSettings = z.object({
  /** null: `<dataDir>/backups`. */
  destination: z.string().nullable().default(null),
  encrypt: z.boolean().default(false),
  retention: retentionPolicy.default({ keepLast: 3, daily: 7, weekly: 4, monthly: 12 }),
});
export type StoredBackupSettings = z.infer<typeof storedBackupSettings>;

export function readBackupSettings(db: Kysely<Database>): Promise<StoredBackupSettings> {
  return readSetting(db, SETTINGS_KEY, storedBackupSettings);
}

export function writeBackupSettings(db: Kysely<Database>, settings: StoredBackupSettings, now: Date): Promise<void> {
  return writeSetting(db, SETTINGS_KEY, storedBackupSettings.parse(settings), now);
}
