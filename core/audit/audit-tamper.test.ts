import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../host/index.ts';
import { tempCore } from '../test-support/temp-core.ts';
import { editAuditEntry, emptyAuditEntry, forgeAuditEntry, writeAuditEntries } from '../test-support/audit-rows.ts';
import { AUDIT_HEAD_FILE, readAuditAnchor, syncAuditAnchor } from './audit-head.ts';
import { readAuditLog, verifyAuditChain } from './audit-log.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

/** A real core with a log of `n` entries (create, rename…), its head recorded beside it. */
async function coreWithLog(n: number): Promise<{ core: Core; dataDir: string; verify: () => ReturnType<typeof verifyAuditLog> }> {
  const env = await tempCore();
  disposers.push(env.dispose);
  for (let i = 1; i <= n; i += 1) await env.core.dispatch('projects.create', { name: `Project ${i}` });
  return { core: env.core, dataDir: env.dataDir, verify: () => verifyAuditLog(env.core.store.sqlite, env.dataDir) };
}

describe('the audit chain detects and names tampering', () => {
  it('holds when nothing was touched, with the head recorded outside the table', async () => {
    const { verify, dataDir } = await coreWithLog(5);
    const check = verify();
    expect(check).toMatchObject({ ok: true, entries: 5, firstSeq: 1, problem: null, anchor: { state: 'matches', seq: 5, count: 5 } });
    expect(check.head?.seq).toBe(5);
    expect(readAuditAnchor(dataDir)).toMatchObject({ seq: 5, hash: check.head?.hash, count: 5 });
    // Written by rename: no temporary file is left behind.
    expect(readdirSync(dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('names an edited row', async () => {
    const { core, verify } = await coreWithLog(5);
    editAuditEntry(core.store.sqlite, 3, { details: '{"name":"Someone else"}' });
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 3, reason: 'modified' } });
    expect(verify().problem?.message).toContain('#3');
  });

  it('names an edited row even when its own hash was recomputed to match', async () => {
    const { core, verify } = await coreWithLog(5);
    forgeAuditEntry(core.store.sqlite, 3, '{"name":"Forged"}');
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 3, reason: 'modified', message: expect.stringContaining('replaced') } });
  });

  it('names a deleted row', async () => {
    const { core, verify } = await coreWithLog(5);
    core.store.sqlite.prepare('delete from audit_log where seq = 2').run();
    expect(verify()).toMatchObject({ ok: false, entries: 4, problem: { seq: 2, reason: 'removed', message: 'Entry #2 was removed.' } });
  });

  it('names two swapped rows', async () => {
    const { core, verify } = await coreWithLog(5);
    const swap = core.store.sqlite.transaction(() => {
      core.store.sqlite.prepare('update audit_log set seq = -1 where seq = 3').run();
      core.store.sqlite.prepare('update audit_log set seq = 3 where seq = 4').run();
      core.store.sqlite.prepare('update audit_log set seq = 4 where seq = -1').run();
    });
    swap();
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 3, reason: 'reordered' } });
  });

  it('names a truncated tail, which the chain alone cannot see', async () => {
    const { core, verify } = await coreWithLog(6);
    core.store.sqlite.prepare('delete from audit_log where seq > 4').run();
    // The chain itself is intact…
    expect(verifyAuditChain(await readAuditLog(core.store.db))).toMatchObject({ ok: true, entries: 4 });
    // …the recorded head is not.
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 5, reason: 'truncated', message: expect.stringContaining('#5–#6 are missing') }, anchor: { state: 'contradicted', seq: 6 } });
  });

  it('tells a replaced database from a truncated one', async () => {
    const first = await coreWithLog(3);
    const second = await coreWithLog(4);
    writeFileSync(join(second.dataDir, AUDIT_HEAD_FILE), readFileSync(join(first.dataDir, AUDIT_HEAD_FILE)));
    expect(second.verify()).toMatchObject({ ok: false, problem: { seq: 1, reason: 'replaced' } });
  });

  it('refuses an emptied entry that no erasure tombstone accounts for', async () => {
    const { core, verify } = await coreWithLog(4);
    emptyAuditEntry(core.store.sqlite, 2, 'made-up');
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 2, reason: 'unaccounted-redaction' } });
  });

  it('keeps the recorded head when the table is behind it, and moves it only forward', async () => {
    const { core, dataDir, verify } = await coreWithLog(3);
    core.store.sqlite.prepare('delete from audit_log where seq = 3').run();
    await core.dispatch('projects.create', { name: 'After the cut' });
    // seq 3 is reused by the new entry, whose hash differs from the recorded one: history was rewritten.
    expect(readAuditAnchor(dataDir)).toMatchObject({ seq: 3 });
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 3, reason: 'modified' } });
  });

  it('reports an unreadable head file instead of trusting it', async () => {
    const { dataDir, verify } = await coreWithLog(2);
    writeFileSync(join(dataDir, AUDIT_HEAD_FILE), '{ not json');
    expect(verify()).toMatchObject({ ok: false, anchor: { state: 'unreadable' }, problem: { reason: 'anchor-unreadable' } });
    expect(existsSync(join(dataDir, AUDIT_HEAD_FILE))).toBe(true);
  });
});

describe('a log longer than one page of the verification walk', () => {
  it('holds, and a removal or a swap across pages is still named', async () => {
    const { core, dataDir, verify } = await coreWithLog(0);
    writeAuditEntries(core.store.sqlite, 12_000, (seq) => ({ at: '2026-01-01T00:00:00.000Z', actor: 'local', action: 'test.bulk', subject: null, details: `{"n":${seq}}` }));
    syncAuditAnchor(core.store.sqlite, dataDir, new Date());
    expect(verify()).toMatchObject({ ok: true, entries: 12_000, anchor: { state: 'matches' } });
    core.store.sqlite.transaction(() => {
      core.store.sqlite.prepare('update audit_log set seq = -1 where seq = 5000').run();
      core.store.sqlite.prepare('update audit_log set seq = 5000 where seq = 5001').run();
      core.store.sqlite.prepare('update audit_log set seq = 5001 where seq = -1').run();
    })();
    expect(verify()).toMatchObject({ ok: false, problem: { seq: 5000, reason: 'reordered' } });
    core.store.sqlite.prepare('delete from audit_log where seq = 3000').run();
    expect(verify()).toMatchObject({ ok: false, entries: 11_999, problem: { seq: 3000, reason: 'removed' } });
  });
});

describe('audit.verify and audit.reanchor over the contract', () => {
  it('reports the chain and accepts a new head only when confirmed, on the record', async () => {
    const { core } = await coreWithLog(3);
    expect(await core.dispatch('audit.verify', {})).toMatchObject({ ok: true, entries: 3, anchor: { state: 'matches' } });
    core.store.sqlite.prepare('delete from audit_log where seq = 3').run();
    expect(await core.dispatch('audit.verify', {})).toMatchObject({ ok: false, problem: { reason: 'truncated', seq: 3 } });
    await expect(core.dispatch('audit.reanchor', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const reanchored = await core.dispatch('audit.reanchor', { confirm: true });
    expect(reanchored.previous).toMatchObject({ seq: 3 });
    const after = await core.dispatch('audit.verify', {});
    expect(after).toMatchObject({ ok: true, entries: 3, anchor: { state: 'matches', seq: 3 } });
    const last = (await readAuditLog(core.store.db)).at(-1);
    expect(last).toMatchObject({ action: 'audit.reanchor', details: { previous: { seq: 3 } } });
  });
});
