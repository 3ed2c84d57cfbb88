import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-initial.ts';

/**
 * Numbered, append-only. Imported statically (not read from disk) so the list is the same under
 * Node, Electron's asar and bundlers. Add the next file as `NNNN-name.ts` and list it here.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const knownMigrationNames: readonly string[] = Object.keys(migrations);
export const latestSchemaVersion = knownMigrationNames.length;
