import type { GdprErasureReport } from '../api/index.ts';

/**
 * The report a user keeps, or forwards to whoever must also erase (Art. 17(2), 19). It names no
 * erased content: only counts, ids and where copies remain.
 */
export function erasureReportMarkdown(report: Omit<GdprErasureReport, 'report'>): string {
  const rows = Object.entries(report.deletedRows);
  const lines = [
    '# Erasure report (GDPR Art. 17)',
    '',
    `- Erasure id: \`${report.erasureId}\``,
    `- Time: ${report.at}`,
    `- Scope: ${report.target.scope === 'all' ? 'everything Dihya held' : 'one project'}`,
    '',
    '## Removed from this computer',
    '',
    ...(rows.length === 0 ? ['- No table rows.'] : rows.map(([table, count]) => `- \`${table}\`: ${count} row(s) deleted`)),
    `- Files removed from the data directory: ${report.removedFiles}`,
    `- Audit log: ${report.redactedAuditEntries} entr${report.redactedAuditEntries === 1 ? 'y' : 'ies'} emptied; tombstone entry #${report.tombstoneSeq} keeps the chain verifiable without personal data.`,
    ...(report.legacyAuditEntriesKept > 0 ? [`- ${report.legacyAuditEntriesKept} audit entr${report.legacyAuditEntriesKept === 1 ? 'y' : 'ies'} from before Dihya's GDPR update could not be emptied (their chain did not verify when upgraded); see \`dihya audit verify\`.`] : []),
    `- Database compacted (VACUUM, write-ahead log truncated, secure_delete on): ${report.vacuumed ? 'yes' : 'NO — another program held the database; run the erasure again'}`,
    ...report.participants.map((p) => `- ${p.name}: ${p.removed} item(s) removed${p.notes.length > 0 ? ` (${p.notes.join('; ')})` : ''}`),
    '',
    '## Copies Dihya cannot delete for you (Art. 17(2), 19)',
    '',
    ...(report.remoteCopies.length === 0 ? ['- None known: nothing was published, pinned or synchronised elsewhere.'] : report.remoteCopies.map((c) => `- ${c.where}: ${c.what} — ${c.action}`)),
    ...(report.outsideDataDir.length === 0 ? [] : ['', 'Generated folders you saved outside the data directory were left as they are (they are your files):', '', ...report.outsideDataDir.map((p) => `- ${p}`)]),
    '',
    '## Backups',
    '',
    'Backups taken before this erasure still hold the erased data until they expire or you purge them.',
    'Restoring one re-applies this erasure automatically (the tombstone above is matched).',
    '',
  ];
  return lines.join('\n');
}
