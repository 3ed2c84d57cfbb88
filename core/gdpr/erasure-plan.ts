import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ErasureTarget, GdprErasurePlan, RemoteCopy } from '../api/index.ts';
import { countAuditEntriesToRedact, type AuditRedactionMatch } from '../audit/index.ts';
import { AppError } from '../common/index.ts';
import { quoteIdent, tablesInStore } from './data-catalog.ts';
import { EXPORTS_DIR, listFiles, outputFolders, type OutputFolder } from './file-areas.ts';
import type { GdprDeps } from './gdpr-deps.ts';
import type { ErasureParticipant, ResolvedErasureTarget } from './participants.ts';

export interface ResolvedTarget {
  target: ResolvedErasureTarget;
  label: string;
  /** Text that identifies the project in logs (any case), earlier names included; never stored. */
  needles: string[];
  /** The project's name as typed and as it appears inside JSON, for `mentions` columns. */
  names: string[];
  audit: AuditRedactionMatch;
}

/** One table's share of an erasure: `delete from <table> where <where>`. */
export interface Deletion {
  table: string;
  where: string;
  params: unknown[];
}

const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What an erasure deletes, table by table, in a safe order: rows holding the project's id, then
 * rows whose free text mentions it, then the project itself (so no foreign key can refuse it).
 */
export function deletionsFor(sqlite: Parameters<typeof tablesInStore>[0], resolved: ResolvedTarget): Deletion[] {
  const tables = tablesInStore(sqlite).map((t) => t.entry);
  const target = resolved.target;
  if (target.scope === 'all') return tables.filter((t) => t.eraseAll === 'delete').map((t) => ({ table: t.table, where: '1', params: [] }));
  const out: Deletion[] = [];
  for (const t of tables) {
    if (t.projectColumn !== undefined && t.projectColumn !== 'id') out.push({ table: t.table, where: `${quoteIdent(t.projectColumn)} = ?`, params: [target.projectId] });
  }
  for (const t of tables) {
    if (t.mentions === undefined || t.projectColumn !== undefined) continue;
    const needles = [target.projectId, ...(t.mentions.byName ? resolved.names : [])];
    const clauses = t.mentions.columns.flatMap((column) => needles.map(() => `${quoteIdent(column)} like ? escape '\\'`));
    out.push({ table: t.table, where: `(${clauses.join(' or ')})`, params: t.mentions.columns.flatMap(() => needles.map(likeContains)) });
  }
  for (const t of tables) if (t.projectColumn === 'id') out.push({ table: t.table, where: `${quoteIdent(t.projectColumn)} = ?`, params: [target.projectId] });
  return out;
}

/**
 * An unsalted digest is enough here: project ids are random UUIDs, so the digest reveals nothing,
 * yet a backup restored later can recognise the erased project and erase it again.
 */
export function erasureDigest(projectId: string): string {
  return createHash('sha256').update(`dihya-erasure:project:${projectId}`).digest('hex');
}

export function resolveTarget(deps: GdprDeps, target: ErasureTarget): ResolvedTarget {
  if (target.scope === 'all') return { target: { scope: 'all' }, label: 'everything Dihya holds', needles: [], names: [], audit: { all: true } };
  const row = deps.store.sqlite.prepare('select id, name, slug from projects where id = ?').get(target.projectId) as { id: string; name: string; slug: string } | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', `No project has the id ${target.projectId}.`, { id: target.projectId });
  // Earlier names (renames) are known from the project's own audit entries; logs may hold those too.
  const history = (deps.store.sqlite.prepare('select details_json from audit_log where subject = ? and redacted_by is null').pluck().all(row.id) as string[]).flatMap((json) =>
    Object.values(JSON.parse(json) as Record<string, unknown>).filter((v): v is string => typeof v === 'string'),
  );
  const needles = [row.id, row.name, JSON.stringify(row.name).slice(1, -1), ...history].filter((n) => n.length >= 3);
  if (row.slug.length >= 4 && row.slug !== 'project') needles.push(row.slug);
  const names = [...new Set([row.name, JSON.stringify(row.name).slice(1, -1)])].filter((n) => n.length >= 3);
  return { target: { scope: 'project', projectId: row.id, slug: row.slug }, label: `the project "${row.name}"`, needles: [...new Set(needles)], names, audit: { id: row.id, names: [row.name] } };
}

/** Rows an erasure deletes, table by table (the audit log is emptied, not deleted, and counted apart). */
export function rowsToDelete(deps: GdprDeps, resolved: ResolvedTarget): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const d of deletionsFor(deps.store.sqlite, resolved)) {
    rows[d.table] = (rows[d.table] ?? 0) + (deps.store.sqlite.prepare(`select count(*) from ${quoteIdent(d.table)} where ${d.where}`).pluck().get(...d.params) as number);
  }
  return rows;
}

export interface FilesToRemove {
  folders: OutputFolder[];
  /** Absolute paths of files removed outright (exports; for `all`, rotated logs are emptied too). */
  files: string[];
}

export function filesToRemove(deps: GdprDeps, target: ResolvedErasureTarget): FilesToRemove {
  const folders = outputFolders(deps.store.sqlite, deps.dataDir, target.scope === 'project' ? target.projectId : undefined);
  const exportsDir = join(deps.dataDir, EXPORTS_DIR);
  const files = [
    ...folders.filter((f) => f.insideDataDir).flatMap((f) => listFiles(f.path).map((rel) => join(f.path, rel))),
    // Earlier exports hold everything, this project included; an archive cannot be edited in place.
    ...listFiles(exportsDir).map((rel) => join(exportsDir, rel)),
  ];
  return { folders, files };
}

export async function planErasure(deps: GdprDeps, participants: readonly ErasureParticipant[], target: ErasureTarget): Promise<GdprErasurePlan> {
  const resolved = resolveTarget(deps, target);
  const { folders, files } = filesToRemove(deps, resolved.target);
  const remoteCopies: RemoteCopy[] = [];
  const localCopies: { name: string; items: number }[] = [];
  for (const participant of participants) {
    const planned = await participant.plan(resolved.target);
    remoteCopies.push(...planned.remoteCopies);
    if (planned.localItems > 0) localCopies.push({ name: participant.name, items: planned.localItems });
  }
  return {
    target,
    label: resolved.label,
    rows: rowsToDelete(deps, resolved),
    files: { count: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), sample: files.slice(0, 20).map((f) => f.slice(deps.dataDir.length + 1)) },
    auditEntriesToRedact: await countAuditEntriesToRedact(deps.store.db, resolved.audit),
    localCopies,
    remoteCopies,
    outsideDataDir: folders.filter((f) => !f.insideDataDir).map((f) => f.path),
  };
}
