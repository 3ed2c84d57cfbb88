import type BetterSqlite3 from 'better-sqlite3';

/**
 * What Dihya stores, table by table: the single source for the export's README, the record of
 * processing (Art. 30), and what erasure deletes.
 *
 * When you add a table (a migration), add its entry here. `data-catalog.test.ts` fails until
 * you do, so no table is exported, erased or documented by accident. A table missing here is
 * still exported (secrets removed) and erased with everything, and flagged as "not described".
 */
export interface TableEntry {
  table: string;
  /** One or two sentences for the export README and the record of processing. */
  description: string;
  /** Does it hold personal data (about the user or people named in their specs)? */
  personal: boolean;
  /** Categories of personal data (Art. 30(1)(c)); empty when not personal. */
  categories: readonly string[];
  purpose: string;
  /** `rows`: exported as JSON; `exclude`: internal bookkeeping, never personal. */
  export: 'rows' | 'exclude';
  /** Columns never exported (credentials), with why. Secret-named keys inside JSON go anyway. */
  secretColumns?: readonly string[];
  /** How erasing one project reaches this table: the column holding the project id, or none. */
  projectColumn?: string;
  /**
   * Free-text columns that may mention a project (notifications, job options…): erasing a project
   * deletes the rows whose columns contain its id, and its name too when `byName`.
   */
  mentions?: { columns: readonly string[]; byName: boolean };
  /** How `erase --all` treats it: delete every row, keep (not personal), or redact (the audit log). */
  eraseAll: 'delete' | 'keep' | 'redact';
  /** Which retention rule applies, if any. */
  retention?: 'audit' | 'generations';
}

export const DATA_CATALOG: readonly TableEntry[] = [
  {
    table: 'projects',
    description: 'Your projects: name, description, URL-safe slug, creation and change times.',
    personal: true,
    categories: ['project names and descriptions you wrote (may name you, your clients or their customers)'],
    purpose: 'Organise your specifications and generated software.',
    export: 'rows',
    projectColumn: 'id',
    eraseAll: 'delete',
  },
  {
    table: 'generations',
    description: 'One record per generation run: status, timing, the project model and lock file used, where the output went, and any error.',
    personal: true,
    categories: ['the project model extracted from your specification', 'output folder paths', 'error messages (redacted)'],
    purpose: 'Reproduce and explain generated projects (provenance).',
    export: 'rows',
    projectColumn: 'project_id',
    eraseAll: 'delete',
    retention: 'generations',
  },
  {
    table: 'settings',
    description: 'Your preferences and feature settings (retention rules, schedules…), as key → JSON value. Credentials are never exported.',
    personal: true,
    categories: ['preferences', 'configuration you entered (e-mail addresses for notifications, remote service names)'],
    purpose: 'Remember how you want Dihya to behave.',
    export: 'rows',
    mentions: { columns: ['value_json'], byName: false },
    eraseAll: 'delete',
  },
  {
    table: 'audit_log',
    description: 'The tamper-evident record of every change made through Dihya: when, by which channel, what, and on which item. Credentials are removed and e-mails and phone numbers masked before entries are written; erased items leave only a content-free entry. Each entry is kept as the exact texts its hashes cover (`header_text`, `content_text`: anyone can re-hash them); the other columns are read out of those texts.',
    personal: true,
    categories: ['times of your actions', 'names of items you changed (masked where they hold e-mails or phone numbers)'],
    purpose: 'Accountability and security of processing (Art. 5(2), 32): show what Dihya did.',
    export: 'rows',
    eraseAll: 'redact',
    retention: 'audit',
  },
  {
    table: 'jobs',
    description: 'Scheduled jobs you set up (backups, checks, retention…): name, schedule, time zone and options.',
    personal: true,
    categories: ['job names and options you entered (may include paths or e-mail addresses)'],
    purpose: 'Run the tasks you scheduled.',
    export: 'rows',
    mentions: { columns: ['name', 'options_json'], byName: true },
    eraseAll: 'delete',
  },
  {
    table: 'job_runs',
    description: 'The history of each job run: trigger, status, timing, result and error (redacted).',
    personal: true,
    categories: ['times of runs', 'results and error messages (redacted)'],
    purpose: 'Show what scheduled jobs did and why one failed.',
    export: 'rows',
    mentions: { columns: ['result_json', 'error_json'], byName: true },
    eraseAll: 'delete',
  },
  {
    table: 'notifications',
    description: 'The notification centre: messages Dihya showed you, and when you read them.',
    personal: true,
    categories: ['message titles and bodies (may name your projects)'],
    purpose: 'Tell you what happened while you were away.',
    export: 'rows',
    mentions: { columns: ['title', 'body'], byName: true },
    eraseAll: 'delete',
  },
  {
    table: 'backup_checks',
    description: 'Results of verifying backup archives: which file, when, whether it was sound.',
    personal: false,
    categories: [],
    purpose: 'Prove backups can be restored.',
    export: 'rows',
    mentions: { columns: ['message'], byName: true },
    eraseAll: 'delete',
  },
  {
    table: 'publications',
    description: 'What you published to IPFS: content id (CID), size, project, source folder and times.',
    personal: true,
    categories: ['published content ids', 'source folder paths', 'publication times'],
    purpose: 'Keep track of published outputs and their links.',
    export: 'rows',
    projectColumn: 'project_id',
    eraseAll: 'delete',
  },
  {
    table: 'ipfs_pins',
    description: 'Content ids this computer keeps pinned in its local IPFS blockstore.',
    personal: true,
    categories: ['content ids of your published or imported content'],
    purpose: 'Keep published content available from this computer.',
    export: 'rows',
    eraseAll: 'delete',
  },
  {
    table: 'ipfs_pin_blocks',
    description: 'The blocks each pin keeps (so garbage collection keeps them).',
    personal: false,
    categories: [],
    purpose: 'Garbage-collect the local blockstore safely.',
    export: 'exclude',
    eraseAll: 'delete',
  },
  {
    table: 'ipfs_remotes',
    description: 'Remote pinning services you added: name, kind and endpoint. Their access tokens are never exported.',
    personal: true,
    categories: ['names and addresses of services you use'],
    purpose: 'Pin your content on services you chose.',
    export: 'rows',
    secretColumns: ['token'],
    eraseAll: 'delete',
  },
  {
    table: 'ipfs_remote_pins',
    description: 'Pins requested on remote services, and the retry queue with the last error (redacted).',
    personal: true,
    categories: ['content ids pinned elsewhere'],
    purpose: 'Keep copies on remote services and retry failures.',
    export: 'rows',
    mentions: { columns: ['last_error_message'], byName: true },
    eraseAll: 'delete',
  },
  {
    table: 'kysely_migration',
    description: 'Which schema migrations were applied.',
    personal: false,
    categories: [],
    purpose: 'Keep the database schema up to date.',
    export: 'exclude',
    eraseAll: 'keep',
  },
  {
    table: 'kysely_migration_lock',
    description: 'A lock that keeps two processes from migrating at once.',
    personal: false,
    categories: [],
    purpose: 'Keep the database schema up to date.',
    export: 'exclude',
    eraseAll: 'keep',
  },
];

export interface CatalogedTable {
  entry: TableEntry;
  /** False when the table exists but nobody described it yet (see the note at the top). */
  described: boolean;
  columns: string[];
}

/** Every table the database actually holds, each with its catalog entry (or a cautious default). */
export function tablesInStore(sqlite: BetterSqlite3.Database): CatalogedTable[] {
  const names = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  return names.map((table) => {
    const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]);
    const known = DATA_CATALOG.find((entry) => entry.table === table);
    if (known !== undefined) return { entry: known, described: true, columns };
    const entry: TableEntry = {
      table,
      description: 'Not described yet: exported in full (credentials removed) and erased with everything.',
      personal: true,
      categories: ['unknown — treated as personal'],
      purpose: 'Not described yet.',
      export: 'rows',
      ...(columns.includes('project_id') ? { projectColumn: 'project_id' } : {}),
      eraseAll: 'delete',
    };
    return { entry, described: false, columns };
  });
}

/** Table and column names come from sqlite_master, never from input; quoting keeps odd names safe. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
