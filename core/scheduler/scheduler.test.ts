import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DihyaEvent, JobRun } from '../api/index.ts';
import { AppError, type Clock } from '../common/index.ts';
import { createCore, type Core, type CorePorts } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import type { OsNotifier } from './os-notifier.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(options: { dataDir?: string; mode?: 'test' | 'serve' | 'cli'; ports?: CorePorts } = {}): Promise<{ core: Core; dataDir: string; events: DihyaEvent[] }> {
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    const dir = tempDir('dihya-sched-');
    cleanups.push(() => dir.remove());
    dataDir = dir.path;
  }
  const core = await createCore({ dataDir, mode: options.mode ?? 'test' }, options.ports ?? {});
  let disposed = false;
  cleanups.push(async () => {
    if (!disposed) await core.dispose();
  });
  const dispose = core.dispose.bind(core);
  core.dispose = async () => {
    disposed = true;
    await dispose();
  };
  const events: DihyaEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  return { core, dataDir, events };
}

function movableClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), set: (iso) => void (now = new Date(iso).getTime()) };
}

/** A job kind the test controls: each run waits for `release()` and fails when told to. */
function controlledKind(core: Core, kind = 'test.controlled') {
  const state = { runs: 0, fail: false, gate: Promise.resolve(), release: () => undefined as void };
  const hold = () => {
    state.gate = new Promise<void>((resolve) => (state.release = resolve));
  };
  core.services.jobKinds.registerJobKind({
    kind,
    title: 'Controlled',
    description: 'A job kind for tests.',
    defaultCron: '0 3 * * *',
    optionsSchema: z.object({ label: z.string().default('x') }),
    run: async (ctx) => {
      state.runs += 1;
      // Like a real job, it stops at the next safe point when the core shuts down.
      await Promise.race([state.gate, new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }))]);
      if (state.fail) throw new AppError('STORE_UNAVAILABLE', 'The test told this run to fail.');
      await ctx.audit({ action: 'test.ran', details: { label: ctx.options.label } });
      return { summary: `ran ${ctx.options.label}` };
    },
  });
  return { state, hold };
}

function nextEvent<T extends DihyaEvent['type']>(core: Core, type: T, predicate: (e: Extract<DihyaEvent, { type: T }>) => boolean = () => true, timeoutMs = 10_000): Promise<Extract<DihyaEvent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = core.events.subscribe((event) => {
      if (event.type !== type || !predicate(event as Extract<DihyaEvent, { type: T }>)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(event as Extract<DihyaEvent, { type: T }>);
    });
  });
}

describe('jobs through the contract', () => {
  it('lists the registered kinds with a JSON schema of their options', async () => {
    const { core } = await open();
    const { items } = await core.dispatch('jobs.kinds', {});
    expect(items.map((k) => k.kind)).toEqual(expect.arrayContaining(['backup', 'verify-backups']));
    const verify = items.find((k) => k.kind === 'verify-backups');
    expect(verify).toMatchObject({ defaultCron: '30 4 * * 0', defaultOptions: { count: 3 }, optionsSchema: { type: 'object', properties: { count: { type: 'integer', default: 3 } } } });
    expect(() => core.services.jobKinds.registerJobKind({ kind: 'backup', title: '', description: '', defaultCron: '* * * * *', optionsSchema: z.object({}), run: async () => ({ summary: '' }) })).toThrow(/already registered/);
    expect(() => core.services.jobKinds.registerJobKind({ kind: 'needs.input', title: '', description: '', defaultCron: '* * * * *', optionsSchema: z.object({ url: z.string() }), run: async () => ({ summary: '' }) })).toThrow(/must accept \{\}/);
  });

  it('creates, updates and deletes jobs, validating schedule, zone, kind and options; each change audited and announced', async () => {
    const { core, events } = await open();
    const job = await core.dispatch('jobs.create', { kind: 'backup', timezone: 'Europe/Paris' });
    expect(job).toMatchObject({ name: 'Backup', cron: '0 3 * * *', timezone: 'Europe/Paris', enabled: true, notify: 'failures', options: { prune: true }, schedule: { description: 'At 03:00' }, lastRun: null, running: false, kindKnown: true });
    expect(Date.parse(job.schedule.nextRunAt ?? '')).toBeGreaterThan(Date.now());

    const bad = async (input: Record<string, unknown>) => core.dispatch('jobs.create', { kind: 'backup', ...input }).catch((e: AppError) => [e.code, (e.details?.issues as { path: string }[] | undefined)?.[0]?.path]);
    expect(await bad({ cron: '61 * * * *' })).toEqual(['VALIDATION_FAILED', 'cron']);
    expect(await bad({ cron: '* * *' })).toEqual(['VALIDATION_FAILED', 'cron']);
    expect(await bad({ timezone: 'Mars/Olympus' })).toEqual(['VALIDATION_FAILED', 'cron']);
    expect(await bad({ kind: 'verify-backups', options: { count: 0 } })).toEqual(['VALIDATION_FAILED', 'options.count']);
    expect(await bad({ options: { surprise: true } })).toEqual(['VALIDATION_FAILED', 'options']);
    expect(await core.dispatch('jobs.create', { kind: 'no.such.kind' }).catch((e: AppError) => e.code)).toBe('NOT_FOUND');

    const updated = await core.dispatch('jobs.update', { id: job.id, cron: '*/15 * * * *', enabled: false, options: { prune: false } });
    expect(updated).toMatchObject({ cron: '*/15 * * * *', enabled: false, options: { prune: false }, schedule: { description: 'Every 15 minutes', nextRunAt: null } });
    expect(await core.dispatch('jobs.delete', { id: job.id })).toEqual({ id: job.id, deleted: true });
    expect((await core.dispatch('jobs.list', {})).items).toEqual([]);

    expect(events.filter((e) => e.type === 'job.changed').map((e) => (e.type === 'job.changed' ? e.job?.enabled ?? null : 'x'))).toEqual([true, false, null]);
    const actions = (await core.dispatch('audit.list', { action: 'job.' })).items.map((e) => e.action);
    expect(actions.sort()).toEqual(['job.create', 'job.delete', 'job.update']);
  });

  it('previews a schedule in words with its next times, or says what is wrong', async () => {
    const clock = movableClock('2026-03-10T12:00:00Z');
    const { core } = await open({ ports: { clock } });
    expect(await core.dispatch('jobs.preview', { cron: '0 3 * * 1-5', timezone: 'UTC', count: 3 })).toEqual({
      valid: true,
      description: 'At 03:00, Monday through Friday',
      nextRuns: ['2026-03-11T03:00:00.000Z', '2026-03-12T03:00:00.000Z', '2026-03-13T03:00:00.000Z'],
      error: null,
    });
    expect(await core.dispatch('jobs.preview', { cron: '0 25 * * *' })).toMatchObject({ valid: false, nextRuns: [], error: expect.stringContaining('0 25 * * *') });
  });
});

describe('running jobs', () => {
  it('runs now, records the run (start, end, status, duration, result) and streams it', async () => {
    const { core, events } = await open();
    controlledKind(core);
    const job = await core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Probe', options: { label: 'now' } });
    const run = await core.dispatch('jobs.run', { id: job.id, wait: true });
    expect(run).toMatchObject({ jobId: job.id, jobName: 'Probe', kind: 'test.controlled', trigger: 'manual', status: 'succeeded', error: null, result: { summary: 'ran now', details: {} } });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(run.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    expect(events.filter((e) => e.type === 'job.run.started' || e.type === 'job.run.finished').map((e) => e.type)).toEqual(['job.run.started', 'job.run.finished']);
    expect((await core.dispatch('jobs.history', { jobId: job.id })).items).toEqual([run]);
    expect((await core.dispatch('jobs.get', { id: job.id })).lastRun).toEqual(run);
    // The job's own change went to the audit log, by the scheduler.
    expect((await core.dispatch('audit.list', { action: 'test.ran' })).items).toEqual([expect.objectContaining({ actor: 'scheduler', details: { label: 'now' } })]);
  });

  it('runs one at a time per job: a second start while one runs is refused', async () => {
    const { core } = await open();
    const { state, hold } = controlledKind(core);
    const job = await core.dispatch('jobs.create', { kind: 'test.controlled' });
    hold();
    const first = await core.dispatch('jobs.run', { id: job.id });
    expect(first.status).toBe('running');
    expect((await core.dispatch('jobs.get', { id: job.id })).running).toBe(true);
    await expect(core.dispatch('jobs.run', { id: job.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.dispatch('jobs.delete', { id: job.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    state.release();
    await core.services.scheduler.whenIdle();
    expect(state.runs).toBe(1);
    expect((await core.dispatch('jobs.history', { jobId: job.id })).items.map((r) => r.status)).toEqual(['succeeded']);
  });

  it('a failure is recorded with its code, reaches the centre and the OS port; successes only for notify: all', async () => {
    const osNotes: Parameters<OsNotifier['notify']>[0][] = [];
    const { core } = await open({ ports: { notifier: { notify: (n) => void osNotes.push(n) } } });
    const { state } = controlledKind(core);
    const quiet = await core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Quiet' });
    const chatty = await core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Chatty', notify: 'all' });
    await core.dispatch('jobs.run', { id: quiet.id, wait: true });
    await core.dispatch('jobs.run', { id: chatty.id, wait: true });
    state.fail = true;
    const failed = await core.dispatch('jobs.run', { id: quiet.id, wait: true });
    await core.services.scheduler.whenIdle();
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'STORE_UNAVAILABLE', message: 'The test told this run to fail.' }, result: null });

    const centre = await core.dispatch('notifications.list', {});
    expect(centre.items.map((n) => [n.level, n.title])).toEqual([['error', 'Quiet: failed'], ['success', 'Chatty: done']]);
    expect(centre.unread).toBe(2);
    expect(osNotes).toEqual([{ title: 'Quiet: failed', body: 'The test told this run to fail. [STORE_UNAVAILABLE]', level: 'error' }]);

    expect(await core.dispatch('notifications.markRead', { ids: [centre.items[0]?.id ?? ''] })).toEqual({ updated: 1, unread: 1 });
    expect(await core.dispatch('notifications.markRead', { all: true })).toEqual({ updated: 1, unread: 0 });
    expect((await core.dispatch('notifications.list', { unreadOnly: true })).items).toEqual([]);
  });

  it('a shutdown stops a running job and records it as interrupted', async () => {
    const { core, dataDir } = await open();
    const { hold } = controlledKind(core);
    hold();
    const job = await core.dispatch('jobs.create', { kind: 'test.controlled' });
    await core.dispatch('jobs.run', { id: job.id });
    await core.dispose();
    const again = await open({ dataDir });
    controlledKind(again.core);
    expect((await again.core.dispatch('jobs.history', { jobId: job.id })).items.map((r) => r.status)).toEqual(['interrupted']);
  });
});

describe('after the app was closed', () => {
  it('marks runs a crash left "running" as interrupted at the next start, and leaves live processes\' runs alone', async () => {
    const { core } = await open();
    controlledKind(core);
    const job = await core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Crashed' });
    const other = await core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Elsewhere' });
    const insert = core.store.sqlite.prepare("insert into job_runs (id, job_id, trigger, status, started_at, pid) values (?, ?, 'schedule', 'running', '2026-01-01T03:00:00.000Z', ?)");
    insert.run('run-of-a-dead-process', job.id, 2 ** 22 + 12_345);
    insert.run('run-of-a-live-process', other.id, process.ppid);
    await core.services.scheduler.start();
    const runs = (await core.dispatch('jobs.history', {})).items;
    expect(runs.find((r) => r.id === 'run-of-a-dead-process')).toMatchObject({ status: 'interrupted', error: { code: 'INTERRUPTED' } });
    expect(runs.find((r) => r.id === 'run-of-a-live-process')?.status).toBe('running');
    expect((await core.dispatch('notifications.list', {})).items.map((n) => [n.level, n.title])).toEqual([['warning', 'Crashed: interrupted']]);
  });

  it('catches up a missed slot once — not once per missed slot — and not for slots before the job existed', async () => {
    const clock = movableClock('2026-03-01T12:00:00Z');
    const first = await open({ ports: { clock } });
    controlledKind(first.core);
    const daily = await first.core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Daily', cron: '0 3 * * *', timezone: 'UTC' });
    const weekly = await first.core.dispatch('jobs.create', { kind: 'test.controlled', name: 'Weekly', cron: '0 3 * * 1', timezone: 'UTC' });
    await first.core.dispose();

    clock.set('2026-03-04T12:00:00Z'); // three daily slots missed; Monday 2 March 03:00 missed for the weekly one
    const second = await open({ dataDir: first.dataDir, ports: { clock } });
    const { state } = controlledKind(second.core);
    await second.core.services.scheduler.start();
    await second.core.services.scheduler.whenIdle();
    expect(state.runs).toBe(2);
    const runs = (await second.core.dispatch('jobs.history', {})).items;
    expect(runs.map((r) => [r.jobName, r.trigger, r.status]).sort()).toEqual([['Daily', 'catch-up', 'succeeded'], ['Weekly', 'catch-up', 'succeeded']]);
    await second.core.dispose();

    // Started again the same day: nothing is owed any more.
    clock.set('2026-03-04T18:00:00Z');
    const third = await open({ dataDir: first.dataDir, ports: { clock } });
    const again = controlledKind(third.core);
    await third.core.services.scheduler.start();
    await third.core.services.scheduler.whenIdle();
    expect(again.state.runs).toBe(0);
    expect([daily.id, weekly.id].every((id) => typeof id === 'string')).toBe(true);
  });
});

describe('the scheduler and the shells', () => {
  it('starts only in long-running modes, with a default nightly backup created once', async () => {
    const { core: cli, dataDir } = await open({ mode: 'cli' });
    expect(cli.services.scheduler.isStarted).toBe(false);
    expect((await cli.dispatch('jobs.list', {})).items).toEqual([]);
    await cli.dispose();

    const { core: serve } = await open({ dataDir, mode: 'serve' });
    expect(serve.services.scheduler.isStarted).toBe(true);
    // Other features (GDPR retention…) add their own default jobs; these are the backup ones.
    const defaults = (await serve.dispatch('jobs.list', {})).items.filter((j) => j.kind === 'backup' || j.kind === 'verify-backups');
    expect(defaults.map((j) => [j.name, j.kind, j.cron]).sort()).toEqual([['Nightly backup', 'backup', '0 3 * * *'], ['Weekly backup check', 'verify-backups', '30 4 * * 0']]);
    for (const job of defaults) await serve.dispatch('jobs.delete', { id: job.id });
    await serve.dispose();

    const { core: later } = await open({ dataDir, mode: 'serve' });
    expect((await later.dispatch('jobs.list', {})).items.filter((j) => j.kind === 'backup' || j.kind === 'verify-backups')).toEqual([]);
  });

  it('runs a scheduled backup by itself, every second, on the real clock — and leaves no timer behind', async () => {
    const { core } = await open({ mode: 'serve' });
    const job = await core.dispatch('jobs.create', { kind: 'backup', name: 'Every second', cron: '* * * * * *', options: { prune: false } });
    const finished = await nextEvent(core, 'job.run.finished', (e) => e.run.jobId === job.id && e.run.trigger === 'schedule', 15_000);
    expect(finished.run).toMatchObject({ status: 'succeeded', result: { details: { backupId: expect.any(String) } } });
    const backups = (await core.dispatch('backup.list', {})).items;
    expect(backups.some((b) => b.kind === 'scheduled' && b.id === (finished.run as JobRun).result?.details.backupId)).toBe(true);
    expect(cron.getTasks().size).toBeGreaterThan(0);
    await core.dispose();
    expect(cron.getTasks().size).toBe(0);
  });
});
