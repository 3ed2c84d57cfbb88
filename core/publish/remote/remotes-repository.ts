import type { Kysely, Selectable } from 'kysely';
import type { IpfsRemote, RemotePin } from '../../api/index.ts';
import { AppError, nameKey, newId } from '../../common/index.ts';
import type { Database } from '../../db/index.ts';

type RemoteRow = Selectable<Database['ipfs_remotes']>;
type RemotePinRow = Selectable<Database['ipfs_remote_pins']>;

/** A remote with its token: for the core's own use only, never returned by a command. */
export interface RemoteWithSecret {
  id: string;
  name: string;
  kind: 'kubo' | 'pinning-service';
  endpoint: string;
  token: string | null;
}

export function toRemote(row: RemoteRow): IpfsRemote {
  return { id: row.id, name: row.name, kind: row.kind, endpoint: row.endpoint, hasToken: row.token !== null, createdAt: row.created_at };
}

export async function listRemotes(db: Kysely<Database>): Promise<IpfsRemote[]> {
  return (await db.selectFrom('ipfs_remotes').selectAll().orderBy('name_key').execute()).map(toRemote);
}

export async function getRemoteWithSecret(db: Kysely<Database>, id: string): Promise<RemoteWithSecret> {
  const row = await db.selectFrom('ipfs_remotes').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No remote pinning endpoint has the id ${id}.`, { id });
  return { id: row.id, name: row.name, kind: row.kind, endpoint: row.endpoint, token: row.token };
}

export async function addRemote(
  db: Kysely<Database>,
  input: { name: string; kind: 'kubo' | 'pinning-service'; endpoint: string; token?: string | undefined },
  at: string,
): Promise<IpfsRemote> {
  const key = nameKey(input.name);
  if ((await db.selectFrom('ipfs_remotes').select('id').where('name_key', '=', key).executeTakeFirst()) !== undefined) {
    throw new AppError('CONFLICT', `A remote named "${input.name}" already exists.`, { name: input.name });
  }
  const row: RemoteRow = { id: newId(), name: input.name, name_key: key, kind: input.kind, endpoint: input.endpoint, token: input.token ?? null, created_at: at };
  await db.insertInto('ipfs_remotes').values(row).execute();
  return toRemote(row);
}

export async function removeRemote(db: Kysely<Database>, id: string): Promise<IpfsRemote> {
  const row = await db.selectFrom('ipfs_remotes').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No remote pinning endpoint has the id ${id}.`, { id });
  await db.deleteFrom('ipfs_remotes').where('id', '=', id).execute();
  return toRemote(row);
}

function toRemotePin(row: RemotePinRow & { remote_name: string }): RemotePin {
  return {
    id: row.id,
    remoteId: row.remote_id,
    remoteName: row.remote_name,
    cid: row.cid,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error_code === null ? null : { code: row.last_error_code, message: row.last_error_message ?? '' },
    updatedAt: row.updated_at,
  };
}

function selectRemotePins(db: Kysely<Database>) {
  return db.selectFrom('ipfs_remote_pins').innerJoin('ipfs_remotes', 'ipfs_remotes.id', 'ipfs_remote_pins.remote_id').selectAll('ipfs_remote_pins').select('ipfs_remotes.name as remote_name');
}

export async function listRemotePins(db: Kysely<Database>, status?: RemotePin['status']): Promise<RemotePin[]> {
  let query = selectRemotePins(db);
  if (status !== undefined) query = query.where('ipfs_remote_pins.status', '=', status);
  return (await query.orderBy('ipfs_remote_pins.updated_at', 'desc').orderBy('ipfs_remote_pins.id').execute()).map(toRemotePin);
}

export async function findRemotePin(db: Kysely<Database>, remoteId: string, cid: string): Promise<RemotePin | undefined> {
  const row = await selectRemotePins(db).where('ipfs_remote_pins.remote_id', '=', remoteId).where('ipfs_remote_pins.cid', '=', cid).executeTakeFirst();
  return row === undefined ? undefined : toRemotePin(row);
}

/** Queued pins whose backoff has elapsed, and accepted ones due for another status poll. */
export async function dueRemotePins(db: Kysely<Database>, now: string, all: boolean): Promise<RemotePin[]> {
  let query = selectRemotePins(db).where('ipfs_remote_pins.status', 'in', ['queued', 'pinning']);
  if (!all) query = query.where('ipfs_remote_pins.next_attempt_at', '<=', now);
  return (await query.orderBy('ipfs_remote_pins.next_attempt_at').execute()).map(toRemotePin);
}

export interface RemotePinState {
  status: RemotePin['status'];
  requestId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  error: { code: string; message: string } | null;
}

/** The outcome of one attempt, in one statement: the outbox row is either the old state or the new one. */
export async function saveRemotePin(db: Kysely<Database>, remoteId: string, cid: string, state: RemotePinState, at: string): Promise<void> {
  const values = {
    status: state.status,
    request_id: state.requestId,
    attempts: state.attempts,
    next_attempt_at: state.nextAttemptAt,
    last_error_code: state.error?.code ?? null,
    last_error_message: state.error?.message ?? null,
    updated_at: at,
  };
  await db
    .insertInto('ipfs_remote_pins')
    .values({ id: newId(), remote_id: remoteId, cid, created_at: at, ...values })
    .onConflict((oc) => oc.columns(['remote_id', 'cid']).doUpdateSet(values))
    .execute();
}
