import { existsSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import type { ErasureTarget, GdprErasureReport, RemoteCopy } from '../api/index.ts';
import { TOMBSTONE_ACTION, appendAuditEntry, redactAuditEntries } from '../audit/index.ts';
import { newId, redactText } from '../common/index.ts';
import { quoteIdent } from './data-catalog.ts';
import { deletionsFor, erasureDigest, filesToRemove, resolveTarget } from './erasure-plan.ts';
import { erasureReportMarkdown } from './erasure-report.ts';
import type { GdprDeps } from './gdpr-deps.ts';
import type { ErasureParticipant } from './participants.ts';

/**
 * Art. 17 erasure, in this order:
 * 1. participants (IPFS, backups, sync…) remove their local copies and name remote ones;
 * 2. one transaction: delete the rows, empty the audit entries about the target, and append a
 *    tombstone (no personal data: the erasure id, counts, and a digest a restored backup can match);
 * 3. remove files (generated folders inside the data directory, earlier exports) and scrub logs;
 * 4. with secure_delete on, VACUUM and checkpoint the WAL (TRUNCATE), so no freed page or WAL
 *    frame keeps a copy in the database files.
 * The dispatcher then appends the `gdpr.erase` entry (it carries no personal data either).
 */
export async function eraseData(
  deps: GdprDeps,
  participants: readonly ErasureParticipant[],
  target: ErasureTarget,
  options: { actor: string; reappliedFrom?: string },
): Promise<GdprErasureReport> {
  const resolved = resolveTarget(deps, target);
  const erasureId = newId();
  const at = deps.clock.now().toISOString();
  const { folders, files } = filesToRemove(deps, resolved.target);
  const { sqlite } = deps.store;
  sqlite.pragma('secure_delete = ON');

  // Participants go first, while their rows still say which CIDs, pins or pushes belong to the target.
  const participantResults: GdprErasureReport['participants'] = [];
  const remoteCopies: RemoteCopy[] = [];
  for (const participant of participants) {
    try {
      const result = await participant.erase(resolved.target, erasureId);
      participantResults.push({ name: participant.name, removed: result.removed, notes: result.notes ?? [] });
      remoteCopies.push(...result.remoteCopies);
    } catch (error) {
      // Go on with the rest, and say plainly what this participant could not do.
      const message = redactText(error instanceof Error ? error.message : String(error));
      participantResults.push({ name: participant.name, removed: 0, notes: [`failed: ${message} — run the erasure again to retry`] });
    }
  }

  const stored = await deps.store.db.transaction().execute(async (trx) => {
    const deletedRows: Record<string, number> = {};
    if (resolved.target.scope === 'all') await sql`pragma defer_foreign_keys = on`.execute(trx);
    // Raw statements on the same connection run inside this transaction.
    for (const d of deletionsFor(sqlite, resolved)) {
      const { changes } = sqlite.prepare(`delete from ${quoteIdent(d.table)} where ${d.where}`).run(...d.params);
      deletedRows[d.table] = (deletedRows[d.table] ?? 0) + changes;
    }
    const { redacted, legacyKept } = await redactAuditEntries(trx, resolved.audit, erasureId);
    const tombstone = await appendAuditEntry(trx, {
      action: TOMBSTONE_ACTION,
      actor: options.actor,
      at,
      subject: null,
      details: {
        erasureId,
        scope: resolved.target.scope,
        target: resolved.target.scope === 'project' ? erasureDigest(resolved.target.projectId) : null,
        redactedEntries: redacted,
        deletedRows,
        ...(options.reappliedFrom === undefined ? {} : { reappliedFrom: options.reappliedFrom }),
      },
    });
    return { deletedRows, redacted, legacyKept, tombstoneSeq: tombstone.seq };
  });

  for (const folder of folders) if (folder.insideDataDir) rmSync(folder.path, { recursive: true, force: true });
  for (const file of files) rmSync(file, { force: true });
  const removedFiles = files.filter((file) => !existsSync(file)).length;
  if (resolved.target.scope === 'all') deps.appLog.file.scrub();
  else {
    const needles = [...new Set(resolved.needles.flatMap((n) => [n, redactText(n)]).map((n) => n.toLowerCase()))];
    deps.appLog.file.scrub((line) => {
      const lower = line.toLowerCase();
      return !needles.some((needle) => lower.includes(needle));
    });
  }

  let vacuumed = true;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    vacuumed = false;
  }
  deps.audit.syncAnchor();

  const report: Omit<GdprErasureReport, 'report'> = {
    erasureId,
    target: { scope: resolved.target.scope },
    at,
    deletedRows: stored.deletedRows,
    removedFiles,
    redactedAuditEntries: stored.redacted,
    legacyAuditEntriesKept: stored.legacyKept,
    tombstoneSeq: stored.tombstoneSeq,
    vacuumed,
    participants: participantResults,
    remoteCopies,
    outsideDataDir: folders.filter((f) => !f.insideDataDir).map((f) => f.path),
  };
  return { ...report, report: erasureReportMarkdown(report) };
}

export interface ErasureTombstone {
  erasureId: string;
  at: string;
  scope: 'project' | 'all';
  /** erasureDigest(projectId) for a project erasure. */
  target: string | null;
  reappliedFrom: string | null;
}

/** Every erasure recorded in this database (read from the live one before restoring a backup). */
export function listErasureTombstones(deps: Pick<GdprDeps, 'store'>): ErasureTombstone[] {
  const rows = deps.store.sqlite.prepare('select at, details_json from audit_log where action = ? order by seq').all(TOMBSTONE_ACTION) as { at: string; details_json: string }[];
  return rows.flatMap((row) => {
    const d = JSON.parse(row.details_json) as Record<string, unknown>;
    if (typeof d.erasureId !== 'string' || (d.scope !== 'project' && d.scope !== 'all')) return [];
    return [{ erasureId: d.erasureId, at: row.at, scope: d.scope, target: typeof d.target === 'string' ? d.target : null, reappliedFrom: typeof d.reappliedFrom === 'string' ? d.reappliedFrom : null }];
  });
}

/**
 * After a backup is restored: erases again whatever was erased after that backup was taken.
 * `tombstones` come from the database as it was before the restore (`listErasureTombstones`).
 * The backup engine calls this right after restoring, before anything else reads the data.
 */
export async function reapplyErasures(
  deps: GdprDeps,
  participants: readonly ErasureParticipant[],
  tombstones: readonly ErasureTombstone[],
  actor: string,
): Promise<GdprErasureReport[]> {
  const known = new Set(listErasureTombstones(deps).flatMap((t) => [t.erasureId, t.reappliedFrom ?? '']));
  const reports: GdprErasureReport[] = [];
  for (const tombstone of tombstones) {
    const original = tombstone.reappliedFrom ?? tombstone.erasureId;
    if (known.has(tombstone.erasureId) || known.has(original)) continue;
    if (tombstone.scope === 'all') {
      reports.push(await eraseData(deps, participants, { scope: 'all' }, { actor, reappliedFrom: original }));
    } else {
      const ids = deps.store.sqlite.prepare('select id from projects').pluck().all() as string[];
      for (const id of ids.filter((candidate) => erasureDigest(candidate) === tombstone.target)) {
        reports.push(await eraseData(deps, participants, { scope: 'project', projectId: id }, { actor, reappliedFrom: original }));
      }
    }
    known.add(original);
  }
  return reports;
}
