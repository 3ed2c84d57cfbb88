import { sql, type Kysely, type Selectable } from 'kysely';
import type { Project } from '../api/index.ts';
import { AppError, nameKey, newId, slugify } from '../common/index.ts';
import type { Database } from '../db/index.ts';

type ProjectRow = Selectable<Database['projects']>;

function toProject(row: ProjectRow): Project {
  return { id: row.id, name: row.name, slug: row.slug, description: row.description, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** LIKE patterns treat % and _ as wildcards; a user searching for "50%" means the character. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listProjects(db: Kysely<Database>, options: { search?: string | undefined; limit: number; offset: number }): Promise<{ items: Project[]; total: number }> {
  let query = db.selectFrom('projects');
  // SQLite's LIKE folds ASCII letters only; name_key holds the name already folded for every
  // script (the same key that keeps names unique), so the search is folded the same way.
  if (options.search) query = query.where(sql<boolean>`name_key like ${likePattern(nameKey(options.search))} escape '\\'`);
  const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute();
  // The total is only counted when the page might not be everything, which keeps the common case one query.
  const total =
    options.offset === 0 && rows.length < options.limit
      ? rows.length
      : Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: rows.map(toProject), total };
}

export async function getProject(db: Kysely<Database>, id: string): Promise<Project> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No project has the id ${id}.`, { id });
  return toProject(row);
}

async function refuseDuplicateName(db: Kysely<Database>, name: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('projects').select('id').where('name_key', '=', nameKey(name));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if ((await query.executeTakeFirst()) !== undefined) {
    throw new AppError('CONFLICT', `A project named "${name}" already exists.`, { name });
  }
}

async function freeSlug(db: Kysely<Database>, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.selectFrom('projects').select('slug').where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createProject(db: Kysely<Database>, input: { name: string; description: string }, now: Date): Promise<Project> {
  await refuseDuplicateName(db, input.name);
  const at = now.toISOString();
  const row: ProjectRow = {
    id: newId(),
    name: input.name,
    name_key: nameKey(input.name),
    slug: await freeSlug(db, input.name),
    description: input.description,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('projects').values(row).execute();
  return toProject(row);
}

/** The slug stays as it was: it names folders and links already handed out. */
export async function renameProject(db: Kysely<Database>, id: string, name: string, now: Date): Promise<{ before: Project; after: Project }> {
  const before = await getProject(db, id);
  await refuseDuplicateName(db, name, id);
  await db.updateTable('projects').set({ name, name_key: nameKey(name), updated_at: now.toISOString() }).where('id', '=', id).execute();
  return { before, after: await getProject(db, id) };
}

export async function deleteProject(db: Kysely<Database>, id: string): Promise<Project> {
  const existing = await getProject(db, id);
  await db.deleteFrom('projects').where('id', '=', id).execute();
  return existing;
}
