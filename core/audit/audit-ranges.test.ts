import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { GENESIS_HASH, contentHashV2, entryHashV2, newSalt } from './audit-hash.ts';
import { syncAuditAnchor } from './audit-head.ts';
import { appendAuditEntry } from './audit-log.ts';
import { runAuditRanges } from './audit-range-runner.ts';
import { redactAuditEntries } from './audit-redaction.ts';
import { TOMBSTONE_ACTION } from './audit-verify.ts';
import { verifyAuditLog, verifyAuditLogExactly, type VerifyOptions } from './verify-audit-log.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ENTRIES = 8_000; // four ranges of 2 500 (the last one short)

/** A store holding `ENTRIES` v2 entries, every 700th about item "p-gone", its head recorded. */
async function longLog(): Promise<{ store: Store; dataDir: string }> {
  const dir = tempDir('dihya-audit-ranges-');
  cleanups.push(() => dir.remove());
  const store = await openStore(dir.path);
  cleanups.push(() => store.close());
  const insert = store.sqlite.prepare('insert into audit_log (seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  store.sqlite.transaction(() => {
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= ENTRIES; seq += 1) {
      const at = new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString();
      const subject = seq % 700 === 0 ? 'p-gone' : `p-${seq}`;
      const details = `{"n":${seq},"note":"quote \\" and é"}`;
      const salt = newSalt();
      const contentHash = contentHashV2(subject, details, salt);
      const hash = entryHashV2({ seq, at, actor: 'local', action: 'test.bulk', contentHash, prevHash: prev });
      insert.run(seq, at, 'local', 'test.bulk', subject, details, prev, hash, contentHash, salt);
      prev = hash;
    }
  })();
  syncAuditAnchor(store.sqlite, dir.path, new Date());
  return { store, dataDir: dir.path };
}

/** Verifies with every range walked by the helper thread, and checks that it was. */
function verifyByHelper(store: Store, dataDir: string) {
  const runs: { ranges: number; byHelper: number }[] = [];
  const options: VerifyOptions = { helper: true, leaveAllToHelper: true, onRun: (run) => runs.push(run) };
  const check = verifyAuditLog(store.sqlite, dataDir, options);
  expect(runs).toEqual([{ ranges: 4, byHelper: 4 }]);
  return check;
}

function rowAt(store: Store, seq: number) {
  return store.sqlite.prepare('select * from audit_log where seq = ?').get(seq) as { at: string; actor: string; action: string; subject: string; salt: string; prev_hash: string };
}

describe('verification split into ranges and across threads', () => {
  it('holds on a long log with an erasure spanning ranges, and agrees with the exact walk field for field', async () => {
    const { store, dataDir } = await longLog();
    const erased = await store.db.transaction().execute(async (trx) => {
      const { redacted } = await redactAuditEntries(trx, { id: 'p-gone', names: [] }, 'erasure-1');
      await appendAuditEntry(trx, { action: TOMBSTONE_ACTION, actor: 'local', at: '2026-02-01T00:00:00.000Z', details: { erasureId: 'erasure-1', redactedEntries: redacted } });
      return redacted;
    });
    syncAuditAnchor(store.sqlite, dataDir, new Date());
    expect(erased).toBe(11);
    const exact = verifyAuditLogExactly(store.sqlite, dataDir);
    expect(exact).toMatchObject({ ok: true, entries: ENTRIES + 1, redactedEntries: 11, anchor: { state: 'matches' } });
    expect(verifyByHelper(store, dataDir)).toEqual(exact);
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: false })).toEqual(exact);
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: true })).toEqual(exact);
  });

  it('names an edited, a deleted and a swapped entry in ranges the helper walked', async () => {
    const { store, dataDir } = await longLog();
    store.sqlite.prepare(`update audit_log set actor = 'someone' where seq = 7000`).run();
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 7000, reason: 'modified' } });
    store.sqlite.transaction(() => {
      store.sqlite.prepare('update audit_log set seq = -1 where seq = 4000').run();
      store.sqlite.prepare('update audit_log set seq = 4000 where seq = 4001').run();
      store.sqlite.prepare('update audit_log set seq = 4001 where seq = -1').run();
    })();
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 4000, reason: 'reordered' } });
    store.sqlite.prepare('delete from audit_log where seq = 3000').run();
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, entries: ENTRIES - 1, problem: { seq: 3000, reason: 'removed', message: 'Entry #3000 was removed.' } });
  });

  it('names a truncated tail and an emptied entry no tombstone accounts for', async () => {
    const { store, dataDir } = await longLog();
    store.sqlite.prepare('delete from audit_log where seq > 7990').run();
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 7991, reason: 'truncated', message: expect.stringContaining('#7991–#8000 are missing') } });
    store.sqlite.prepare(`update audit_log set subject = null, details_json = '{}', salt = null, redacted_by = 'made-up' where seq = 2600`).run();
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 2600, reason: 'unaccounted-redaction' } });
  });

  it('names an entry rewritten with its own hash recomputed, at the end of a range', async () => {
    const { store, dataDir } = await longLog();
    // Entry #2500 still matches its own hash, so its range holds alone: only the stitching sees it.
    const row = rowAt(store, 2500);
    const details = '{"n":"forged"}';
    const contentHash = contentHashV2(row.subject, details, row.salt);
    const hash = entryHashV2({ seq: 2500, at: row.at, actor: row.actor, action: row.action, contentHash, prevHash: row.prev_hash });
    store.sqlite.prepare('update audit_log set details_json = ?, content_hash = ?, hash = ? where seq = 2500').run(details, contentHash, hash);
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 2500, reason: 'modified', message: expect.stringContaining('replaced') } });
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: false })).toMatchObject({ ok: false, problem: { seq: 2500, reason: 'modified' } });
  });

  it('names text moved between details and salt, which leaves the content text as it was', async () => {
    const { store, dataDir } = await longLog();
    await store.db.transaction().execute((trx) => appendAuditEntry(trx, { action: 'test.salted', actor: 'local', at: '2026-02-01T00:00:00.000Z', subject: null, details: { a: 1, salt: 'x' } }));
    syncAuditAnchor(store.sqlite, dataDir, new Date());
    const seq = ENTRIES + 1;
    const row = store.sqlite.prepare('select details_json, salt from audit_log where seq = ?').get(seq) as { details_json: string; salt: string };
    expect(row.details_json).toBe('{"a":1,"salt":"x"}');
    // Same bytes between `{"details":` and `","subject":`, cut elsewhere: details `{"a":1`, salt `x"},"salt":"<salt>`.
    store.sqlite.prepare('update audit_log set details_json = ?, salt = ? where seq = ?').run('{"a":1', `x"},"salt":"${row.salt}`, seq);
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: false })).toMatchObject({ ok: false, problem: { seq, reason: 'modified' } });
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq, reason: 'modified' } });
  });

  it('walks every range itself when the helper cannot start', async () => {
    const { store } = await longLog();
    const plan = { min: 1, max: ENTRIES, size: 2_500, anchorSeq: -1, tombstoneAction: TOMBSTONE_ACTION };
    const run = runAuditRanges(store.sqlite, plan, { file: `${store.sqlite.name}.missing`, leaveAllToHelper: true });
    expect(run.byHelper).toBe(0);
    expect(run.facts).toHaveLength(4);
    expect(run.facts.every((f) => f !== null)).toBe(true);
    expect(run.facts[3]?.lastHash).toBe(store.sqlite.prepare('select hash from audit_log where seq = ?').pluck().get(ENTRIES));
  });
});
