import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-scheduler-backups.ts';
import * as m0003 from './0003-gdpr.ts';
import * as m0004 from './0004-ipfs-publishing.ts';
import * as m0005 from './0005-generation.ts';
import * as m0006 from './0006-generation-interrupted.ts';
import * as m0007 from './0007-audit-texts.ts';

/**
 * Numbered, append-only. Imported statically (not read from disk) so the list is the same under
 * Node, Electron's asar and bundlers. Add the next file as `NNNN-name.ts` and list it here.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-scheduler-backups': m0002,
  '0003-gdpr': m0003,
  '0004-ipfs-publishing': m0004,
  '0005-generation': m0005,
  '0006-generation-interrupted': m0006,
  '0007-audit-texts': m0007,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const knownMigrationNames: readonly string[] = Object.keys(migrations);
export const latestSchemaVersion = knownMigrationNames.length;
