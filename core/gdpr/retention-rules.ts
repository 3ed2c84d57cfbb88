import type { Kysely } from 'kysely';
import { retentionRules, type RetentionRules } from '../api/index.ts';
import type { Database } from '../db/index.ts';

export const RETENTION_SETTING = 'gdpr.retention';

/** Audit 1 year, logs 90 days, generation records while their project exists, backups per their policy. */
export const DEFAULT_RETENTION: Readonly<RetentionRules> = Object.freeze({ auditDays: 365, generationDays: null, logDays: 90, backupDays: null });

export async function readRetentionRules(db: Kysely<Database>): Promise<{ rules: RetentionRules; updatedAt: string | null }> {
  const row = await db.selectFrom('settings').select(['value_json', 'updated_at']).where('key', '=', RETENTION_SETTING).executeTakeFirst();
  if (row === undefined) return { rules: { ...DEFAULT_RETENTION }, updatedAt: null };
  // A stored value from an older or newer Dihya is merged over the defaults field by field.
  let stored: unknown;
  try {
    stored = JSON.parse(row.value_json);
  } catch {
    stored = {};
  }
  const merged = retentionRules.safeParse({ ...DEFAULT_RETENTION, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
  return { rules: merged.success ? merged.data : { ...DEFAULT_RETENTION }, updatedAt: row.updated_at };
}

export async function writeRetentionRules(db: Kysely<Database>, patch: Partial<RetentionRules>, now: Date): Promise<{ before: RetentionRules; after: RetentionRules }> {
  const { rules: before } = await readRetentionRules(db);
  const after = retentionRules.parse({ ...before, ...patch });
  const value_json = JSON.stringify(after);
  const updated_at = now.toISOString();
  await db
    .insertInto('settings')
    .values({ key: RETENTION_SETTING, value_json, updated_at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at }))
    .execute();
  return { before, after };
}
