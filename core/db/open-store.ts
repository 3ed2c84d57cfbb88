import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../common/index.ts';
import { translateStoreError } from './driver-errors.ts';
import { knownMigrationNames, latestSchemaVersion, migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export const DATABASE_FILE = 'dihya.sqlite';

export interface Store {
  readonly db: Kysely<Database>;
  /** The raw driver, for the online backup API and compiled hot paths. */
  readonly sqlite: BetterSqlite3.Database;
  readonly file: string;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

function ensureWritableDirectory(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new AppError('STORE_UNAVAILABLE', `The data directory ${dataDir} is a file, not a folder; choose another with --data-dir.`, { dataDir });
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw translateStoreError(error, dataDir);
  }
}

/**
 * Opens (creating if needed) the SQLite store in `dataDir` and brings its schema up to date.
 * A damaged file is reported as STORE_CORRUPT and never rewritten; a database written by a newer
 * Dihya is refused rather than risk downgrading it.
 */
export async function openStore(dataDir: string): Promise<Store> {
  ensureWritableDirectory(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    // Reading the schema first makes a non-database file fail here, before any write.
    sqlite.pragma('schema_version');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    throw translateStoreError(error, file);
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, sqlite, file);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    sqlite,
    file,
    schemaVersion: latestSchemaVersion,
    close: async () => {
      await db.destroy();
    },
  };
}

async function migrate(db: Kysely<Database>, sqlite: BetterSqlite3.Database, file: string): Promise<void> {
  refuseUnknownMigrations(sqlite, file);
  const migrator = new Migrator({ db, provider: migrationProvider });
  let result;
  try {
    result = await migrator.migrateToLatest();
  } catch (error) {
    throw translateStoreError(error, file);
  }
  if (result.error !== undefined) throw translateStoreError(result.error, file);
}

/** A database migrated by a newer Dihya has migrations we do not know: refuse it, untouched. */
function refuseUnknownMigrations(sqlite: BetterSqlite3.Database, file: string): void {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (table === undefined) return;
  const applied = sqlite.prepare('select name from kysely_migration').pluck().all() as string[];
  const unknown = applied.filter((name) => !knownMigrationNames.includes(name));
  if (unknown.length > 0) {
    throw new AppError('STORE_CORRUPT', `The database at ${file} was written by a newer Dihya (unknown migrations: ${unknown.join(', ')}); it was left untouched.`, { file, unknown });
  }
}
