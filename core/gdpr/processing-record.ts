import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_PATTERNS } from '../common/index.ts';
import { LOG_DIR } from '../logging/index.ts';
import { quoteIdent, tablesInStore } from './data-catalog.ts';
import { FILE_AREAS } from './file-areas.ts';
import type { GdprDeps } from './gdpr-deps.ts';
import type { ErasureParticipant, RetentionParticipant } from './participants.ts';
import { readRetentionRules } from './retention-rules.ts';

/** The embedded IPFS node's repository (core/publish/ipfs/ipfs-node.ts): present once something was published. */
const IPFS_DIR = 'ipfs';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The record of processing activities (Art. 30) for Dihya itself, generated from what this
 * installation actually stores (tables and their row counts, folders, retention settings, the
 * features taking part in erasure) rather than written by hand, so it cannot drift from the code.
 */
export async function processingRecord(
  deps: GdprDeps,
  participants: { erasure: readonly ErasureParticipant[]; retention: readonly RetentionParticipant[] },
): Promise<{ generatedAt: string; markdown: string; tables: { table: string; rows: number; personal: boolean; described: boolean }[] }> {
  const generatedAt = deps.clock.now().toISOString();
  const tables = tablesInStore(deps.store.sqlite).map((t) => ({
    ...t,
    rows: deps.store.sqlite.prepare(`select count(*) from ${quoteIdent(t.entry.table)}`).pluck().get() as number,
  }));
  const { rules } = await readRetentionRules(deps.store.db);
  const verification = deps.audit.verify();
  const retentionOf = (kind: 'audit' | 'generations' | undefined): string => {
    if (kind === 'audit') return `${rules.auditDays} days, then purged behind a checkpoint`;
    if (kind === 'generations') return rules.generationDays === null ? 'while the project exists' : `${rules.generationDays} days`;
    return 'until you delete or erase it';
  };
  const personal = tables.filter((t) => t.entry.personal);
  const undescribed = tables.filter((t) => !t.described);
  const purposes = [...new Set(personal.map((t) => t.entry.purpose))];

  const markdown = [
    '# Record of processing activities (GDPR Art. 30) — Dihya',
    '',
    `Generated ${generatedAt} by Dihya ${deps.version} from what this installation stores in \`${deps.dataDir}\`.`,
    '',
    '## Controller',
    '',
    'You: the person or organisation running this copy of Dihya. Dihya runs on your machine and sends',
    'nothing to its authors; it has no processor of its own.',
    '',
    '## Purposes',
    '',
    ...purposes.map((p) => `- ${p}`),
    '',
    '## Data subjects',
    '',
    '- You, the user of this installation.',
    '- People named in your specifications, project names and descriptions (for example your clients and their customers).',
    '',
    '## Personal data kept, and for how long',
    '',
    '| Where | Rows now | What | Categories | Kept |',
    '| --- | --- | --- | --- | --- |',
    ...personal.map((t) => `| \`${t.entry.table}\`${t.described ? '' : ' (not described yet)'} | ${t.rows} | ${cell(t.entry.description)} | ${cell(t.entry.categories.join('; '))} | ${retentionOf(t.entry.retention)} |`),
    ...FILE_AREAS.map((a) => `| \`${a.dir}/\` | — | ${cell(a.description)} | as in the tables above | ${a.dir === LOG_DIR ? `rotated files: ${rules.logDays} days` : 'until erased'} |`),
    ...(existsSync(join(deps.dataDir, IPFS_DIR))
      ? [`| \`${IPFS_DIR}/\` | — | The blocks of what you published to IPFS (and CAR files you imported), kept by this computer's node. | whatever the published files hold (publishing personal data asks for your consent) | while pinned; erasure unpins and deletes them |`]
      : []),
    `| backups | — | Copies of the database and files made by the backup schedule. | everything above | ${rules.backupDays === null ? 'per the backup policy' : `${rules.backupDays} days`} |`,
    '',
    ...(undescribed.length === 0 ? [] : [`Tables not described yet (treated as personal, exported and erased in full): ${undescribed.map((t) => `\`${t.entry.table}\``).join(', ')}.`, '']),
    '## Recipients and transfers',
    '',
    'None by default: Dihya works offline. When you configure publishing, synchronisation or remote',
    'pinning, the data you send goes to the services you chose, under their terms and in their',
    'countries; those copies are listed in every erasure report.',
    ...(participants.erasure.length === 0 ? [] : ['', `Features holding copies outside the tables: ${participants.erasure.map((p) => p.name).join(', ')}.`]),
    '',
    '## Your rights, in the app',
    '',
    '- Access and portability (Art. 15, 20): `dihya gdpr export --out FILE.zip` — everything above as JSON and files, with a manifest of sha256 sums.',
    '- Erasure (Art. 17): `dihya gdpr erase --project ID --yes` or `--all --yes` — rows, files and log lines removed, database compacted, a report of copies elsewhere.',
    '- Retention: `dihya gdpr retention` shows and changes the limits; changes are audited.',
    '',
    '## Security measures (Art. 32)',
    '',
    `- A tamper-evident, hash-chained audit log; its head is also kept outside the database and in backups. Checked now: ${verification.ok ? `intact (${verification.entries} entries)` : `PROBLEM at entry #${verification.problem?.seq}: ${verification.problem?.message}`}.`,
    `- Credentials are removed before anything reaches the audit log, the application log or an error message (${[...new Set(SECRET_PATTERNS.map((p) => p.kind))].join(', ')}); e-mail addresses and phone numbers are masked there.`,
    '- Deleted rows are overwritten (SQLite secure_delete); erasure compacts the database and truncates its write-ahead log.',
    '- Serve mode listens on 127.0.0.1 by default and requires a fresh random access token; logs and the audit head are readable by your user only.',
    '',
  ].join('\n');
  return { generatedAt, markdown, tables: tables.map((t) => ({ table: t.entry.table, rows: t.rows, personal: t.entry.personal, described: t.described })) };
}
