import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import * as m0001 from '../db/migrations/0001-initial.ts';
import * as m0003 from '../db/migrations/0003-gdpr.ts';
import { editAuditEntry } from '../test-support/audit-rows.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { GENESIS_HASH, entryHashV1 } from './audit-hash.ts';
import { appendAuditEntry, readAuditLog, verifyAuditChain } from './audit-log.ts';
import { purgeAuditEntries } from './audit-retention.ts';
import { verifyAuditLog, verifyAuditLogExactly } from './verify-audit-log.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(clockStart = '2025-01-01T00:00:00Z', stepMs = 24 * 3600 * 1000): Promise<{ core: Core; dataDir: string }> {
  const dir = tempDir('dihya-audit-');
  cleanups.push(() => dir.remove());
  const c = await createCore({ dataDir: dir.path, mode: 'test' }, { clock: fixedClock(new Date(clockStart), stepMs) });
  cleanups.push(() => c.dispose());
  return { core: c, dataDir: dir.path };
}

describe('appendAuditEntry', () => {
  it('redacts before writing: credentials removed, e-mails and phones masked, nothing raw in the row', async () => {
    const { core: c } = await core();
    await c.store.db.transaction().execute((trx) =>
      appendAuditEntry(trx, {
        action: 'test.redaction',
        actor: 'local',
        at: '2025-01-01T00:00:00.000Z',
        subject: 'amel@example.dz',
        details: { token: 'ghp_R4nd0mV4lu3sF0rT3st1ngOnlyAbCdEfGh1234', note: 'call +213 555 12 34 56', url: 'https://u:pw@x.test' },
      }),
    );
    const row = c.store.sqlite.prepare("select subject, details_json from audit_log where action = 'test.redaction'").get() as { subject: string; details_json: string };
    expect(row.subject).toBe('a***@e***.dz');
    expect(JSON.parse(row.details_json)).toEqual({ note: 'call +*** *** ** ** 56', token: '[REDACTED]', url: 'https://[REDACTED]@x.test' });
    expect(verifyAuditLog(c.store.sqlite, c.dataDir).ok).toBe(true);
  });
});

describe('entries holding text SQLite cannot store as given', () => {
  it('still verify: a lone surrogate is hashed as it reads back (U+FFFD)', async () => {
    const { core: c } = await core();
    const record = await c.store.db.transaction().execute((trx) =>
      appendAuditEntry(trx, { action: 'test.surrogate', actor: 'local\ud800', at: '2025-01-01T00:00:00.000Z', subject: 'half \ud83d pair', details: { name: 'half \udc00 pair' } }),
    );
    c.services.audit.syncAnchor();
    const row = c.store.sqlite.prepare("select subject, actor, details_json from audit_log where action = 'test.surrogate'").get() as { subject: string; actor: string; details_json: string };
    expect(row).toEqual({ subject: 'half \ufffd pair', actor: 'local\ufffd', details_json: '{"name":"half \\udc00 pair"}' });
    expect(record).toMatchObject({ subject: row.subject, actor: row.actor });
    expect(verifyAuditLog(c.store.sqlite, c.dataDir)).toMatchObject({ ok: true, problem: null });
  });
});

describe('verifying the stored log', () => {
  it('holds across entries whose text needs escaping, erased entries and a checkpoint, page after page', async () => {
    const { core: c, dataDir } = await core();
    const tricky = ['quote " back \\ slash', 'ctrl \u0001\b\t\n\f\r\u001f\u007f', 'unicode é 😀 \u2028\u2029', '</script>', ''];
    await c.store.db.transaction().execute(async (trx) => {
      for (const [i, text] of tricky.entries()) await appendAuditEntry(trx, { action: 'test.tricky', actor: 'local', at: `2024-0${i + 1}-01T00:00:00.000Z`, subject: text, details: { text, list: [text, 1, null] } });
    });
    const project = await c.dispatch('projects.create', { name: 'To erase' });
    await c.dispatch('gdpr.erase', { target: { scope: 'project', projectId: project.id }, confirm: true });
    const cutoff = (await readAuditLog(c.store.db))[2]?.at as string;
    await c.store.db.transaction().execute((trx) => purgeAuditEntries(trx, { before: cutoff, actor: 'x', at: '2026-01-01T00:00:00.000Z' }));
    c.services.audit.syncAnchor();
    const stored = verifyAuditLog(c.store.sqlite, dataDir);
    expect(stored).toMatchObject({ ok: true, purgedThroughSeq: 2, redactedEntries: 1, anchor: { state: 'matches' } });
    // The fast walk answered; the exact walk, the reference, agrees field for field.
    expect(verifyAuditLogExactly(c.store.sqlite, dataDir)).toEqual(stored);
    expect(verifyAuditChain(await readAuditLog(c.store.db))).toMatchObject({ ok: true, entries: stored.entries });
    const lastTricky = c.store.sqlite.prepare("select max(seq) from audit_log where action = 'test.tricky'").pluck().get() as number;
    editAuditEntry(c.store.sqlite, lastTricky, { details: '{"text":"x"}' });
    expect(verifyAuditLog(c.store.sqlite, dataDir)).toMatchObject({ ok: false, problem: { seq: lastTricky, reason: 'modified' } });
  });
});

describe('retention of the audit log', () => {
  it('purges the oldest entries behind a checkpoint, and the chain still verifies from it', async () => {
    const { core: c, dataDir } = await core();
    for (let i = 0; i < 6; i += 1) await c.dispatch('projects.create', { name: `P${i}` }); // days apart (stepping clock)
    const before = await readAuditLog(c.store.db);
    const cutoff = before[3]?.at as string; // the 4th entry is the first one kept
    const result = await c.store.db.transaction().execute((trx) => purgeAuditEntries(trx, { before: cutoff, actor: 'scheduler', at: '2026-01-01T00:00:00.000Z' }));
    expect(result).toEqual({ purged: 3, checkpointSeq: 7 });
    c.services.audit.syncAnchor();
    const after = await readAuditLog(c.store.db);
    expect(after.map((e) => e.seq)).toEqual([4, 5, 6, 7]);
    expect(after.at(-1)).toMatchObject({ action: 'audit.checkpoint', details: { throughSeq: 3, throughHash: before[2]?.hash, purged: 3 } });
    const check = verifyAuditLog(c.store.sqlite, dataDir);
    expect(check).toMatchObject({ ok: true, entries: 4, firstSeq: 4, purgedThroughSeq: 3, anchor: { state: 'matches', seq: 7, count: 4 } });
    expect(verifyAuditChain(after)).toMatchObject({ ok: true, entries: 4 });
  });

  it('still names a deletion the checkpoint does not cover', async () => {
    const { core: c, dataDir } = await core();
    for (let i = 0; i < 6; i += 1) await c.dispatch('projects.create', { name: `P${i}` });
    const cutoff = (await readAuditLog(c.store.db))[2]?.at as string;
    await c.store.db.transaction().execute((trx) => purgeAuditEntries(trx, { before: cutoff, actor: 'scheduler', at: '2026-01-01T00:00:00.000Z' }));
    c.store.sqlite.prepare('delete from audit_log where seq = 3').run();
    expect(verifyAuditLog(c.store.sqlite, dataDir)).toMatchObject({ ok: false, problem: { seq: 3, reason: 'removed' } });
  });

  it('purges nothing and adds no checkpoint when nothing is old enough', async () => {
    const { core: c } = await core();
    await c.dispatch('projects.create', { name: 'Fresh' });
    expect(await c.store.db.transaction().execute((trx) => purgeAuditEntries(trx, { before: '2000-01-01T00:00:00.000Z', actor: 'x', at: '2026-01-01T00:00:00.000Z' }))).toEqual({ purged: 0, checkpointSeq: null });
    expect((await readAuditLog(c.store.db)).length).toBe(1);
  });
});

describe('migration 0003 and entries written before it', () => {
  async function legacyStore(tamper: boolean) {
    const dir = tempDir('dihya-legacy-');
    cleanups.push(() => dir.remove());
    const sqlite = new BetterSqlite3(join(dir.path, 'legacy.sqlite'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    cleanups.push(() => db.destroy());
    await m0001.up(db);
    let prev = GENESIS_HASH;
    const insert = sqlite.prepare('insert into audit_log (seq, at, actor, action, subject, details_json, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let seq = 1; seq <= 3; seq += 1) {
      const entry = { seq, at: `2025-0${seq}-01T00:00:00.000Z`, actor: 'local', action: 'project.create', subject: `p${seq}`, details: { name: `Legacy ${seq}` }, prevHash: prev };
      const hash = entryHashV1(entry);
      insert.run(seq, entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.details), prev, hash);
      prev = hash;
    }
    if (tamper) sqlite.prepare(`update audit_log set details_json = '{"name":"Changed"}' where seq = 2`).run();
    await m0003.up(db);
    return { sqlite, dataDir: dir.path };
  }

  it('re-seals a verified legacy chain as erasable v2 entries, same content', async () => {
    const { sqlite, dataDir } = await legacyStore(false);
    const rows = sqlite.prepare('select seq, subject, details_json, content_hash, salt from audit_log order by seq').all() as { subject: string; details_json: string; content_hash: string | null; salt: string | null }[];
    expect(rows.map((r) => [r.subject, r.details_json])).toEqual([['p1', '{"name":"Legacy 1"}'], ['p2', '{"name":"Legacy 2"}'], ['p3', '{"name":"Legacy 3"}']]);
    expect(rows.every((r) => r.content_hash !== null && r.salt !== null)).toBe(true);
    expect(verifyAuditLog(sqlite, dataDir)).toMatchObject({ ok: true, entries: 3 });
  });

  it('leaves a damaged legacy chain as it is, still named', async () => {
    const { sqlite, dataDir } = await legacyStore(true);
    expect(sqlite.prepare('select count(*) from audit_log where content_hash is null').pluck().get()).toBe(3);
    expect(verifyAuditLog(sqlite, dataDir)).toMatchObject({ ok: false, problem: { seq: 2, reason: 'modified' } });
  });
});
