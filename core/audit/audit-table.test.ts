import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from '../db/index.ts';
import { migrationProvider } from '../db/migrations/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { GENESIS_HASH, contentHashV2, entryHashV2, newSalt } from './audit-hash.ts';
import { syncAuditAnchor } from './audit-head.ts';
import { auditTableIsCurrent } from './audit-table.ts';
import { TOMBSTONE_ACTION } from './audit-verify.ts';
import { verifyAuditLog, verifyAuditLogExactly } from './verify-audit-log.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const COLUMNS = 'seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt, redacted_by';
const TRICKY = ['quote " back \\ slash', 'ctrl \u0001\b\t\n\f\r\u001f\u007f', 'unicode é 😀 \u2028', '</script>', ''];

/**
 * A data folder whose store stopped at migration 0006, its audit log in the columns of the time:
 * entries with text that needs escaping, one emptied by an erasure and the erasure's tombstone.
 */
async function logAt0006(): Promise<string> {
  const dir = tempDir('dihya-audit-0006-');
  cleanups.push(() => dir.remove());
  const sqlite = new BetterSqlite3(join(dir.path, DATABASE_FILE));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo('0006-generation-interrupted');
  expect(migrated.error).toBeUndefined();
  const insert = sqlite.prepare(`insert into audit_log (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let prev = GENESIS_HASH;
  const add = (seq: number, action: string, subject: string | null, details: string, redactedBy: string | null = null) => {
    const salt = newSalt();
    const at = `2026-01-0${seq}T00:00:00.000Z`;
    const contentHash = contentHashV2(subject, details, salt);
    const hash = entryHashV2({ seq, at, actor: 'local', action, contentHash, prevHash: prev });
    if (redactedBy === null) insert.run(seq, at, 'local', action, subject, details, prev, hash, contentHash, salt, null);
    else insert.run(seq, at, 'local', action, null, '{}', prev, hash, contentHash, null, redactedBy);
    prev = hash;
  };
  for (const [i, text] of TRICKY.entries()) add(i + 1, 'test.tricky', text, JSON.stringify({ list: [text, 1, null], text }));
  add(6, 'project.create', 'p-gone', '{"name":"Gone"}', 'erasure-1');
  add(7, TOMBSTONE_ACTION, null, '{"erasureId":"erasure-1","redactedEntries":1}');
  syncAuditAnchor(sqlite, dir.path, new Date());
  await db.destroy();
  return dir.path;
}

async function withRaw<T>(dataDir: string, use: (sqlite: BetterSqlite3.Database) => T): Promise<T> {
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
  }
}

async function migrated(dataDir: string) {
  const store = await openStore(dataDir);
  cleanups.push(() => store.close());
  return store;
}

describe('migration 0007: entries stored as the texts their hashes cover', () => {
  it('keeps every column as it read before, and the verdict with it', async () => {
    const dataDir = await logAt0006();
    const [rowsBefore, before] = await withRaw(dataDir, (sqlite) => [sqlite.prepare(`select ${COLUMNS} from audit_log order by seq`).all(), verifyAuditLog(sqlite, dataDir)] as const);
    expect(before).toMatchObject({ ok: true, entries: 7, redactedEntries: 1, anchor: { state: 'matches' } });
    const store = await migrated(dataDir);
    expect(auditTableIsCurrent(store.sqlite)).toBe(true);
    expect(store.sqlite.prepare(`select ${COLUMNS} from audit_log order by seq`).all()).toEqual(rowsBefore);
    expect(store.sqlite.prepare('select content_text from audit_log where seq = 6').pluck().get()).toBeNull();
    expect(verifyAuditLog(store.sqlite, dataDir)).toEqual(before);
    expect(verifyAuditLogExactly(store.sqlite, dataDir)).toEqual(before);
  });

  it('still names an entry edited before the migration', async () => {
    const dataDir = await logAt0006();
    await withRaw(dataDir, (sqlite) => sqlite.prepare(`update audit_log set details_json = '{"text":"x"}' where seq = 3`).run());
    const before = await withRaw(dataDir, (sqlite) => verifyAuditLog(sqlite, dataDir));
    expect(before).toMatchObject({ ok: false, problem: { seq: 3, reason: 'modified' } });
    const store = await migrated(dataDir);
    expect(verifyAuditLog(store.sqlite, dataDir)).toEqual(before);
  });
});

describe('a table no longer defined as Dihya defines it', () => {
  it('is not taken at its texts\' word: a column made plain and edited is named', async () => {
    const dataDir = await logAt0006();
    const store = await migrated(dataDir);
    expect(verifyAuditLog(store.sqlite, dataDir)).toMatchObject({ ok: true });
    // Same texts, same hashes; `actor` is now a column of its own, which says something else.
    store.sqlite.transaction(() => {
      store.sqlite.exec(`create table audit_log_plain as select seq, header_text, content_text, hash, redacted_by, ${COLUMNS.replace('seq, ', '').replace(', hash', '').replace(', redacted_by', '')} from audit_log`);
      store.sqlite.exec('drop table audit_log');
      store.sqlite.exec('alter table audit_log_plain rename to audit_log');
      store.sqlite.prepare(`update audit_log set actor = 'someone else' where seq = 2`).run();
    })();
    expect(auditTableIsCurrent(store.sqlite)).toBe(false);
    expect(verifyAuditLog(store.sqlite, dataDir)).toMatchObject({ ok: false, problem: { seq: 2, reason: 'modified' } });
  });
});
