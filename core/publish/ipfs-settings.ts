import type { Kysely } from 'kysely';
import { ipfsSettings, type IpfsSettings } from '../api/index.ts';
import type { Database } from '../db/index.ts';

const KEY = 'ipfs';

/** Loopback only and a small connection cap until the user decides otherwise. */
export const DEFAULT_IPFS_SETTINGS: IpfsSettings = Object.freeze({
  gatewayUrl: 'https://ipfs.io',
  listen: ['/ip4/127.0.0.1/tcp/0'],
  maxConnections: 32,
}) as IpfsSettings;

export async function readIpfsSettings(db: Kysely<Database>): Promise<IpfsSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (row === undefined) return { ...DEFAULT_IPFS_SETTINGS };
  // A value written by another version may lack fields or hold stale ones: defaults fill the gaps.
  const parsed = ipfsSettings.partial().safeParse(JSON.parse(row.value_json));
  return { ...DEFAULT_IPFS_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function writeIpfsSettings(db: Kysely<Database>, change: Partial<IpfsSettings>, at: string): Promise<IpfsSettings> {
  const next = { ...(await readIpfsSettings(db)), ...change };
  const value_json = JSON.stringify(next);
  await db
    .insertInto('settings')
    .values({ key: KEY, value_json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at }))
    .execute();
  return next;
}
