import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/index.ts';

/**
 * Feature settings live as JSON in the `settings` table. A value that no longer parses (hand-edited,
 * or written by another version) falls back to the defaults instead of breaking the feature.
 */
export async function readSetting<S extends z.ZodType>(db: Kysely<Database>, key: string, schema: S): Promise<z.output<S>> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  let value: unknown = {};
  if (row !== undefined) {
    try {
      value = JSON.parse(row.value_json);
    } catch {
      value = {};
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown, now: Date): Promise<void> {
  const row = { key, value_json: JSON.stringify(value), updated_at: now.toISOString() };
  await db.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: row.value_json, updated_at: row.updated_at })).execute();
}
