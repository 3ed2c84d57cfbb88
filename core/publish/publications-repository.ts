import type { Kysely, Selectable } from 'kysely';
import type { CidProfile, Publication } from '../api/index.ts';
import { newId } from '../common/index.ts';
import type { Database } from '../db/index.ts';

type PublicationRow = Selectable<Database['publications']>;

export function gatewayLink(gatewayUrl: string, cid: string): string {
  return `${gatewayUrl.replace(/\/+$/, '')}/ipfs/${cid}/`;
}

function toPublication(row: PublicationRow & { pinned: number | null }, gatewayUrl: string): Publication {
  return {
    id: row.id,
    cid: row.cid,
    profile: row.profile,
    kind: row.kind,
    sizeBytes: row.size_bytes,
    fileCount: row.file_count,
    projectId: row.project_id,
    sourcePath: row.source_path,
    hasLock: row.has_lock === 1,
    firstPublishedAt: row.first_published_at,
    publishedAt: row.published_at,
    pinned: row.pinned !== null,
    gatewayUrl: gatewayLink(gatewayUrl, row.cid),
  };
}

function selectPublications(db: Kysely<Database>) {
  return db
    .selectFrom('publications')
    .leftJoin('ipfs_pins', 'ipfs_pins.cid', 'publications.cid')
    .selectAll('publications')
    .select('ipfs_pins.block_count as pinned');
}

export async function findPublication(db: Kysely<Database>, cid: string, gatewayUrl: string): Promise<Publication | undefined> {
  const row = await selectPublications(db).where('publications.cid', '=', cid).executeTakeFirst();
  return row === undefined ? undefined : toPublication(row, gatewayUrl);
}

export async function listPublications(
  db: Kysely<Database>,
  options: { projectId?: string | undefined; limit: number; offset: number },
  gatewayUrl: string,
): Promise<{ items: Publication[]; total: number }> {
  let query = selectPublications(db);
  let count = db.selectFrom('publications');
  if (options.projectId !== undefined) {
    query = query.where('publications.project_id', '=', options.projectId);
    count = count.where('project_id', '=', options.projectId);
  }
  const rows = await query.orderBy('publications.published_at', 'desc').orderBy('publications.id').limit(options.limit).offset(options.offset).execute();
  const total = Number((await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: rows.map((row) => toPublication(row, gatewayUrl)), total };
}

export interface PublicationInput {
  cid: string;
  profile: CidProfile;
  kind: 'directory' | 'file';
  sizeBytes: number;
  fileCount: number;
  projectId: string | null;
  sourcePath: string;
  hasLock: boolean;
  at: string;
}

/** One row per CID: publishing unchanged content again only moves `published_at`. Returns whether it existed. */
export async function upsertPublication(db: Kysely<Database>, input: PublicationInput): Promise<{ existed: boolean }> {
  const existing = await db.selectFrom('publications').select(['id', 'project_id']).where('cid', '=', input.cid).executeTakeFirst();
  if (existing !== undefined) {
    await db
      .updateTable('publications')
      .set({ published_at: input.at, source_path: input.sourcePath, project_id: input.projectId ?? existing.project_id })
      .where('id', '=', existing.id)
      .execute();
    return { existed: true };
  }
  await db
    .insertInto('publications')
    .values({
      id: newId(),
      cid: input.cid,
      profile: input.profile,
      kind: input.kind,
      size_bytes: input.sizeBytes,
      file_count: input.fileCount,
      project_id: input.projectId,
      source_path: input.sourcePath,
      has_lock: input.hasLock ? 1 : 0,
      first_published_at: input.at,
      published_at: input.at,
    })
    .execute();
  return { existed: false };
}
