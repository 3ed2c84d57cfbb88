import { afterEach, describe, expect, it } from 'vitest';
import { AuditService, readAuditLog, verifyAuditChain } from '../audit/index.ts';
import { createBackups, layeredSecrets } from '../backup/index.ts';
import { AppError, fixedClock } from '../common/index.ts';
import { openStore, type Store } from '../db/index.ts';
import { GdprService } from '../gdpr/index.ts';
import { GenerationService } from '../generation/index.ts';
import { createAppLog } from '../logging/index.ts';
import { createPublishing } from '../publish/index.ts';
import { createScheduling } from '../scheduler/index.ts';
import { editAuditEntry } from '../test-support/audit-rows.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { createDispatcher } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import type { Handlers } from './handler-types.ts';
import { createHandlers } from './handlers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(override: Partial<Handlers> = {}) {
  const dir = tempDir('dihya-dispatch-');
  const store: Store = await openStore(dir.path);
  cleanups.push(() => dir.remove(), () => store.close());
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((e) => events.push(e));
  // The IPFS node starts on first use only: building the publishing service costs nothing here.
  const publishing = createPublishing({ dataDir: dir.path });
  cleanups.push(() => publishing.dispose());
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'), 1000);
  const appLog = createAppLog({ dataDir: dir.path });
  cleanups.push(() => appLog.dispose());
  const audit = new AuditService({ sqlite: store.sqlite, dataDir: dir.path, clock });
  const gdpr = new GdprService({ store, dataDir: dir.path, clock, appLog, audit, version: '0.0.0' });
  const secrets = layeredSecrets(undefined, {});
  const scheduling = createScheduling({ db: store.db, clock, bus, secrets });
  const backups = createBackups({ store, dataDir: dir.path, clock, bus, secrets, scheduler: scheduling.scheduler, jobKinds: scheduling.jobKinds, dihyaVersion: '0.0.0' });
  const handlers = { ...createHandlers({ info: { version: '0.0.0', mode: 'test', dataDir: dir.path, schemaVersion: 1 }, publishing, logger: appLog.logger, audit, gdpr, ...scheduling, backups, secrets, generation: new GenerationService({ version: '0.0.0', emitLive: (e) => bus.emit(e) }) }), ...override };
  const dispatch = createDispatcher({ db: store.db, dbFile: store.file, dataDir: dir.path, clock, bus, handlers });
  return { dispatch, store, events };
}

describe('dispatcher', () => {
  it('writes one hash-chained audit entry per mutating command, none for reads', async () => {
    const { dispatch, store } = await setup();
    const project = await dispatch('projects.create', { name: 'Audited' });
    await dispatch('projects.list', {});
    await dispatch('projects.rename', { id: project.id, name: 'Audited twice' });
    await dispatch('projects.delete', { id: project.id });
    const log = await readAuditLog(store.db);
    expect(log.map((e) => [e.action, e.subject, e.actor])).toEqual([
      ['project.create', project.id, 'local'],
      ['project.rename', project.id, 'local'],
      ['project.delete', project.id, 'local'],
    ]);
    expect(verifyAuditChain(log)).toMatchObject({ ok: true, entries: 3 });
  });

  it('names the first tampered audit entry', async () => {
    const { dispatch, store } = await setup();
    for (const name of ['A', 'B', 'C']) await dispatch('projects.create', { name });
    editAuditEntry(store.sqlite, 2, { details: '{"name":"Z"}' });
    expect(verifyAuditChain(await readAuditLog(store.db))).toMatchObject({ ok: false, entries: 3, firstBadSeq: 2, reason: 'modified' });
    store.sqlite.prepare('delete from audit_log where seq = 2').run();
    expect(verifyAuditChain(await readAuditLog(store.db))).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'removed' });
  });

  it('rolls back the change, its audit entry and its events when a handler fails', async () => {
    const { dispatch, store, events } = await setup({
      'projects.create': async (input, ctx) => {
        await ctx.db.insertInto('projects').values({ id: '00000000-0000-4000-8000-000000000001', name: input.name, name_key: 'x', slug: 'x', description: '', created_at: 'now', updated_at: 'now' }).execute();
        ctx.audit({ action: 'project.create' });
        ctx.emit({ type: 'project.deleted', id: 'never' });
        throw new Error('disk on fire');
      },
    });
    await expect(dispatch('projects.create', { name: 'Doomed' })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(store.sqlite.prepare('select count(*) from projects').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('select count(*) from audit_log').pluck().get()).toBe(0);
    expect(events).toEqual([]);
  });

  it('appends the entries a failed task recorded (its failure included), and nothing for a task that recorded none', async () => {
    const { dispatch, store, events } = await setup({
      'backup.create': async (_input, ctx) => {
        ctx.audit({ action: 'backup.failed', details: { code: 'DISK_FULL' } });
        ctx.emit({ type: 'project.deleted', id: 'never' });
        throw new AppError('DISK_FULL', 'The disk is full.', {});
      },
      'backup.prune': async () => {
        throw new AppError('NOT_FOUND', 'No backup folder.', {});
      },
    });
    await expect(dispatch('backup.create', {})).rejects.toMatchObject({ code: 'DISK_FULL' });
    await expect(dispatch('backup.prune', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const log = await readAuditLog(store.db);
    expect(log.map((e) => [e.action, e.details])).toEqual([['backup.failed', { code: 'DISK_FULL' }]]);
    expect(verifyAuditChain(log)).toMatchObject({ ok: true, entries: 1 });
    expect(events).toEqual([]);
  });

  it('refuses a mutating command that forgot its audit entry', async () => {
    const { dispatch, store } = await setup({
      'projects.delete': async (input) => ({ id: input.id, deleted: true as const }),
    });
    await expect(dispatch('projects.delete', { id: '00000000-0000-4000-8000-000000000002' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('without an audit entry') });
    expect(store.sqlite.prepare('select count(*) from audit_log').pluck().get()).toBe(0);
  });

  it('refuses output that breaks the contract', async () => {
    const { dispatch } = await setup({ 'projects.get': async () => ({ id: 'x' }) as never });
    await expect(dispatch('projects.get', { id: '00000000-0000-4000-8000-000000000003' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('breaks the contract') });
  });

  it('does not let a throwing subscriber break a command', async () => {
    const { dispatch } = await setup();
    const bus = new EventBus();
    bus.subscribe(() => {
      throw new Error('closed window');
    });
    const seen: string[] = [];
    bus.subscribe((e) => seen.push(e.type));
    bus.emit({ type: 'project.deleted', id: 'x' });
    expect(seen).toEqual(['project.deleted']);
    await expect(dispatch('projects.create', { name: 'Fine' })).resolves.toMatchObject({ name: 'Fine' });
  });
});
