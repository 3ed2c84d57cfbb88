import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DihyaEvent } from '../api/index.ts';
import { readAuditLog } from '../audit/index.ts';
import type { Clock } from '../common/index.ts';
import { createCore } from '../host/index.ts';
import { seedGeneration } from '../test-support/seed-generation.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { DEFAULT_RETENTION } from './retention-rules.ts';
import { GDPR_RETENTION_JOB_KIND, ensureRetentionJob } from './retention-job.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A clock the test moves by hand: entries are written "in the past", retention runs "now". */
function movableClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso) => void (now = new Date(iso)) };
}

async function core(clock: Clock) {
  const dir = tempDir('dihya-retention-');
  cleanups.push(() => dir.remove());
  const c = await createCore({ dataDir: dir.path, mode: 'test' }, { clock });
  cleanups.push(() => c.dispose());
  return { core: c, dataDir: dir.path };
}

describe('retention rules', () => {
  it('start at the defaults, change only through an audited command, and refuse nonsense', async () => {
    const { core: c } = await core(movableClock('2026-01-01T00:00:00Z'));
    const events: DihyaEvent[] = [];
    c.events.subscribe((e) => events.push(e));
    expect(await c.dispatch('gdpr.retention.get', {})).toEqual({ rules: DEFAULT_RETENTION, defaults: DEFAULT_RETENTION, updatedAt: null });
    expect(DEFAULT_RETENTION).toEqual({ auditDays: 365, generationDays: null, logDays: 90, backupDays: null });

    const changed = await c.dispatch('gdpr.retention.set', { auditDays: 730, generationDays: 180 });
    expect(changed.rules).toEqual({ auditDays: 730, generationDays: 180, logDays: 90, backupDays: null });
    expect((await readAuditLog(c.store.db)).at(-1)).toMatchObject({
      action: 'gdpr.retention.update',
      details: { before: { auditDays: 365, generationDays: null }, after: { auditDays: 730, generationDays: 180 } },
    });
    expect(events).toContainEqual({ type: 'gdpr.retentionChanged', rules: changed.rules });

    await expect(c.dispatch('gdpr.retention.set', { auditDays: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(c.dispatch('gdpr.retention.set', { logDays: 'forever' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await c.dispatch('gdpr.retention.get', {})).rules.auditDays).toBe(730);
  });
});

describe('applying retention', () => {
  it('purges old audit entries behind a checkpoint, old generation records and old rotated logs; the chain still verifies', async () => {
    const clock = movableClock('2024-01-01T00:00:00Z');
    const { core: c, dataDir } = await core(clock);
    const old = await c.dispatch('projects.create', { name: 'Old times' });
    seedGeneration(c, old.id, { outputDir: join(dataDir, 'outputs', 'old'), files: { 'a.txt': 'a' }, finishedAt: '2024-01-02T00:00:00.000Z' });
    clock.set('2026-01-01T00:00:00Z');
    const recent = await c.dispatch('projects.create', { name: 'Recent' });
    seedGeneration(c, recent.id, { outputDir: join(dataDir, 'outputs', 'recent'), files: { 'b.txt': 'b' }, finishedAt: '2025-12-31T00:00:00.000Z' });
    await c.dispatch('gdpr.retention.set', { generationDays: 30 });
    // An old rotated log file, and a fresh one.
    c.services.logger.info('filler');
    const logs = c.services.gdpr.deps.appLog.file;
    logs.rotate();
    logs.rotate();
    const [newest, older] = logs.rotatedFiles();
    utimesSync(older as string, new Date('2025-06-01'), new Date('2025-06-01'));

    const result = await c.dispatch('gdpr.retention.run', {});
    expect(result.audit.purged).toBe(1); // "Old times" was created two years ago
    expect(result.generations.deleted).toBe(1);
    expect(result.logs.deletedFiles).toBe(1);
    // The backup engine takes part through its retention participant (core/backup/backup-gdpr.ts).
    expect(result.backups).toMatchObject({ applied: true, deleted: 0 });
    expect(logs.rotatedFiles()).toEqual([newest]);
    expect(c.store.sqlite.prepare('select project_id from generations').pluck().all()).toEqual([recent.id]);

    const log = await readAuditLog(c.store.db);
    expect(log[0]?.seq).toBe(2);
    expect(log.map((e) => e.action).slice(-2)).toEqual(['audit.checkpoint', 'gdpr.retention.run']);
    expect(await c.dispatch('audit.verify', {})).toMatchObject({ ok: true, purgedThroughSeq: 1, anchor: { state: 'matches' } });
    expect(readdirSync(join(dataDir, 'outputs'))).toEqual(['old', 'recent']); // outputs are the user's, not records
  });

  it('lets every registered backup participant apply the backup rule', async () => {
    const { core: c } = await core(movableClock('2026-01-01T00:00:00Z'));
    const calls: (number | null)[] = [];
    c.services.gdpr.registerRetentionParticipant({ kind: 'backups', apply: async (days) => (calls.push(days), { deleted: 2, note: 'pruned' }) });
    await c.dispatch('gdpr.retention.set', { backupDays: 60 });
    const { backups } = await c.dispatch('gdpr.retention.run', {});
    expect(backups).toMatchObject({ applied: true, deleted: 2, note: expect.stringContaining('pruned') });
    expect(calls).toEqual([60]);
  });

  it('runs as the scheduler job kind gdpr-retention, created once as a nightly job', async () => {
    const clock = movableClock('2026-01-01T00:00:00Z');
    const { core: c } = await core(clock);
    expect(c.services.jobKinds.has(GDPR_RETENTION_JOB_KIND)).toBe(true);
    const kind = c.services.jobKinds.get(GDPR_RETENTION_JOB_KIND);
    const audited: unknown[] = [];
    const ran = await kind.run({
      job: { id: 'j', name: 'Privacy retention', kind: GDPR_RETENTION_JOB_KIND },
      runId: 'r',
      trigger: 'manual',
      options: {},
      signal: new AbortController().signal,
      clock,
      audit: async (entry) => void audited.push(entry),
      emit: () => undefined,
    });
    expect(ran.summary).toContain('Retention applied');
    expect(audited).toEqual([expect.objectContaining({ action: 'gdpr.retention.run' })]);

    expect(await ensureRetentionJob(c.store.db, clock)).toBe(true);
    expect(await ensureRetentionJob(c.store.db, clock)).toBe(false);
    expect(c.store.sqlite.prepare('select name, cron from jobs where kind = ?').all(GDPR_RETENTION_JOB_KIND)).toEqual([{ name: 'Privacy retention', cron: '17 3 * * *' }]);
  });
});
