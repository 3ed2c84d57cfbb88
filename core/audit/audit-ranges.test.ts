import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db/index.ts';
import { editAuditEntry, emptyAuditEntry, forgeAuditEntry, writeAuditEntries } from '../test-support/audit-rows.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { syncAuditAnchor } from './audit-head.ts';
import { appendAuditEntry } from './audit-log.ts';
import { AuditRangeHelper } from './audit-range-helper.ts';
import { runAuditRanges } from './audit-range-runner.ts';
import { redactAuditEntries } from './audit-redaction.ts';
import { TOMBSTONE_ACTION } from './audit-verify.ts';
import { verifyAuditLog, verifyAuditLogExactly, type VerifyOptions } from './verify-audit-log.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOMBSTONE_PREFIX = `{"action":${JSON.stringify(TOMBSTONE_ACTION)},`;
const ENTRIES = 8_000; // four ranges of 2 500 (the last one short)

/** A store holding `ENTRIES` v2 entries, every 700th about item "p-gone", its head recorded. */
async function longLog(): Promise<{ store: Store; dataDir: string }> {
  const dir = tempDir('dihya-audit-ranges-');
  cleanups.push(() => dir.remove());
  const store = await openStore(dir.path);
  cleanups.push(() => store.close());
  writeAuditEntries(store.sqlite, ENTRIES, (seq) => ({
    at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
    actor: 'local',
    action: 'test.bulk',
    subject: seq % 700 === 0 ? 'p-gone' : `p-${seq}`,
    details: `{"n":${seq},"note":"quote \\" and é"}`,
  }));
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
    // The ranges hold on their own: the answer below is the fast walk's, not the exact walk's again.
    const ranges = runAuditRanges(store.sqlite, { min: 1, max: ENTRIES + 1, size: 2_500, anchorSeq: -1, tombstonePrefix: TOMBSTONE_PREFIX }, null);
    expect(ranges.facts.every((f) => f !== null)).toBe(true);
    expect(ranges.facts.flatMap((f) => f?.tombstones ?? [])).toEqual([['erasure-1', ENTRIES + 1, 11]]);
    expect(verifyByHelper(store, dataDir)).toEqual(exact);
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: false })).toEqual(exact);
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: true })).toEqual(exact);
  });

  it('names an edited, a deleted and a swapped entry in ranges the helper walked', async () => {
    const { store, dataDir } = await longLog();
    editAuditEntry(store.sqlite, 7000, { field: 'actor', value: 'someone' });
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
    emptyAuditEntry(store.sqlite, 2600, 'made-up');
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 2600, reason: 'unaccounted-redaction' } });
  });

  it('names an entry rewritten with its own hash recomputed, at the end of a range', async () => {
    const { store, dataDir } = await longLog();
    // Entry #2500 still matches its own hash, so its range holds alone: only the stitching sees it.
    forgeAuditEntry(store.sqlite, 2500, '{"n":"forged"}');
    expect(verifyByHelper(store, dataDir)).toMatchObject({ ok: false, problem: { seq: 2500, reason: 'modified', message: expect.stringContaining('replaced') } });
    expect(verifyAuditLog(store.sqlite, dataDir, { helper: false })).toMatchObject({ ok: false, problem: { seq: 2500, reason: 'modified' } });
  });

  it('walks every range itself when the helper cannot start', async () => {
    const { store } = await longLog();
    const plan = { min: 1, max: ENTRIES, size: 2_500, anchorSeq: -1, tombstonePrefix: TOMBSTONE_PREFIX };
    const run = runAuditRanges(store.sqlite, plan, { file: `${store.sqlite.name}.missing`, leaveAllToHelper: true });
    expect(run.byHelper).toBe(0);
    expect(run.facts).toHaveLength(4);
    expect(run.facts.every((f) => f !== null)).toBe(true);
    expect(run.facts[3]?.lastHash).toBe(store.sqlite.prepare('select hash from audit_log where seq = ?').pluck().get(ENTRIES));
  });

  it('keeps a helper thread between verifications: it walks the next one, reading the file as it is then', async () => {
    const { store, dataDir } = await longLog();
    const thread = new AuditRangeHelper({ idleMs: 60_000 });
    cleanups.push(() => thread.dispose());
    const runs: { ranges: number; byHelper: number }[] = [];
    const options: VerifyOptions = { helper: true, leaveAllToHelper: true, thread, onRun: (run) => runs.push(run) };
    expect(verifyAuditLog(store.sqlite, dataDir, options)).toMatchObject({ ok: true });
    expect(thread.running).toBe(true);
    // The same thread, a fresh connection: it sees the edit made since.
    editAuditEntry(store.sqlite, 5000, { field: 'action', value: 'test.other' });
    expect(verifyAuditLog(store.sqlite, dataDir, options)).toMatchObject({ ok: false, problem: { seq: 5000, reason: 'modified' } });
    expect(runs).toEqual([{ ranges: 4, byHelper: 4 }, { ranges: 4, byHelper: 4 }]);
    thread.dispose();
    expect(thread.running).toBe(false);
  });

  it('lets an idle helper thread go', async () => {
    const { store, dataDir } = await longLog();
    const thread = new AuditRangeHelper({ idleMs: 50 });
    cleanups.push(() => thread.dispose());
    verifyAuditLog(store.sqlite, dataDir, { helper: true, leaveAllToHelper: true, thread });
    expect(thread.running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(thread.running).toBe(false);
  });
});
