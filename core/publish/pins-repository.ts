import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

export type PinOrigin = 'publication' | 'car-import' | 'backup';

export interface PinRow {
  cid: string;
  origin: PinOrigin;
  blockCount: number;
  pinnedAt: string;
}

const INSERT_BATCH = 400;

/**
 * Records (or replaces) a pin and the blocks it keeps. Call inside the transaction that records
 * what the pin is for, so the pin and its reason are stored together or not at all.
 */
export async function recordPin(db: Kysely<Database>, pin: { cid: string; origin: PinOrigin; blocks: Iterable<string>; at: string }): Promise<void> {
  const blocks = [...new Set(pin.blocks)];
  await db
    .insertInto('ipfs_pins')
    .values({ cid: pin.cid, origin: pin.origin, block_count: blocks.length, pinned_at: pin.at })
    .onConflict((oc) => oc.column('cid').doUpdateSet({ block_count: blocks.length, pinned_at: pin.at }))
    .execute();
  await db.deleteFrom('ipfs_pin_blocks').where('pin_cid', '=', pin.cid).execute();
  for (let i = 0; i < blocks.length; i += INSERT_BATCH) {
    await db
      .insertInto('ipfs_pin_blocks')
      .values(blocks.slice(i, i + INSERT_BATCH).map((block) => ({ pin_cid: pin.cid, block })))
      .execute();
  }
}

export async function removePin(db: Kysely<Database>, cid: string): Promise<boolean> {
  const result = await db.deleteFrom('ipfs_pins').where('cid', '=', cid).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listPins(db: Kysely<Database>): Promise<PinRow[]> {
  const rows = await db.selectFrom('ipfs_pins').selectAll().orderBy('pinned_at', 'desc').orderBy('cid').execute();
  return rows.map((row) => ({ cid: row.cid, origin: row.origin, blockCount: row.block_count, pinnedAt: row.pinned_at }));
}

export async function isPinned(db: Kysely<Database>, cid: string): Promise<boolean> {
  return (await db.selectFrom('ipfs_pins').select('cid').where('cid', '=', cid).executeTakeFirst()) !== undefined;
}

/** Every block some pin keeps: what garbage collection must not remove. */
export async function pinnedBlocks(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('ipfs_pin_blocks').select('block').distinct().execute();
  return new Set(rows.map((row) => row.block));
}
