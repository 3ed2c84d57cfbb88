import type { Kysely } from 'kysely';
import type { Job } from '../api/index.ts';
import { AppError, type Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { Handlers } from '../host/handler-types.ts';
import { assertValidSchedule, describeSchedule, localTimeZone, nextRuns, scheduleProblem } from './cron-schedule.ts';
import type { EmailNotifier } from './email-notifier.ts';
import type { JobKindRegistry } from './job-kind-registry.ts';
import { deleteJob, getJobRow, insertJob, listJobRows, toJob, updateJob, type JobRow } from './jobs-repository.ts';
import type { NotificationCenter } from './notification-center.ts';
import { lastRuns, listRuns } from './runs-repository.ts';
import type { Scheduler } from './scheduler.ts';

export interface SchedulerServices {
  jobKinds: JobKindRegistry;
  scheduler: Scheduler;
  notifications: NotificationCenter;
  email: EmailNotifier;
  canStoreSecrets: boolean;
}

type SchedulerHandlers = Pick<
  Handlers,
  | 'jobs.kinds'
  | 'jobs.list'
  | 'jobs.get'
  | 'jobs.create'
  | 'jobs.update'
  | 'jobs.delete'
  | 'jobs.run'
  | 'jobs.history'
  | 'jobs.preview'
  | 'notifications.list'
  | 'notifications.markRead'
  | 'notifications.settings.get'
  | 'notifications.settings.set'
  | 'notifications.email.test'
>;

export function schedulerHandlers(services: SchedulerServices): SchedulerHandlers {
  const { jobKinds, scheduler, notifications, email } = services;

  async function present(db: Kysely<Database>, rows: readonly JobRow[], clock: Clock): Promise<Job[]> {
    const last = await lastRuns(db, rows.map((r) => r.id));
    const now = clock.now();
    return rows.map((row) => {
      const lastRun = last.get(row.id) ?? null;
      return toJob(row, { lastRun, running: scheduler.isRunning(row.id) || lastRun?.status === 'running', kindKnown: jobKinds.has(row.kind), now });
    });
  }
  const presentOne = async (db: Kysely<Database>, row: JobRow, clock: Clock): Promise<Job> => (await present(db, [row], clock))[0] as Job;

  async function settingsOutput(db: Kysely<Database>) {
    const stored = await email.settings(db);
    return { email: { ...stored, hasPassword: await email.hasPassword() }, canStoreSecrets: services.canStoreSecrets };
  }

  return {
    'jobs.kinds': async () => ({ items: jobKinds.list() }),
    'jobs.list': async (input, ctx) => ({ items: await present(ctx.db, await listJobRows(ctx.db, input.kind), ctx.clock) }),
    'jobs.get': async (input, ctx) => presentOne(ctx.db, await getJobRow(ctx.db, input.id), ctx.clock),
    'jobs.create': async (input, ctx) => {
      const kind = jobKinds.get(input.kind);
      const cron = input.cron ?? kind.defaultCron;
      const timezone = input.timezone ?? localTimeZone();
      assertValidSchedule(cron, timezone);
      const options = jobKinds.parseOptions(input.kind, input.options);
      const row = await insertJob(ctx.db, { name: input.name ?? kind.title, kind: input.kind, cron, timezone, enabled: input.enabled, notify: input.notify, options }, ctx.clock.now());
      const job = await presentOne(ctx.db, row, ctx.clock);
      ctx.audit({ action: 'job.create', subject: row.id, details: { kind: row.kind, cron, timezone, enabled: job.enabled } });
      ctx.emit({ type: 'job.changed', jobId: row.id, job });
      return job;
    },
    'jobs.update': async (input, ctx) => {
      const before = await getJobRow(ctx.db, input.id);
      assertValidSchedule(input.cron ?? before.cron, input.timezone ?? before.timezone);
      const options = input.options === undefined ? undefined : jobKinds.parseOptions(before.kind, input.options);
      const after = await updateJob(ctx.db, before, { name: input.name, cron: input.cron, timezone: input.timezone, enabled: input.enabled, notify: input.notify, options }, ctx.clock.now());
      const job = await presentOne(ctx.db, after, ctx.clock);
      const changed = (['name', 'cron', 'timezone', 'enabled', 'notify', 'options_json'] as const).filter((k) => before[k] !== after[k]);
      ctx.audit({ action: 'job.update', subject: after.id, details: { changed } });
      ctx.emit({ type: 'job.changed', jobId: after.id, job });
      return job;
    },
    'jobs.delete': async (input, ctx) => {
      const row = await getJobRow(ctx.db, input.id);
      if (scheduler.isRunning(row.id)) throw new AppError('CONFLICT', `"${row.name}" is running; delete it once the run has finished.`, { id: row.id });
      await deleteJob(ctx.db, row.id);
      ctx.audit({ action: 'job.delete', subject: row.id, details: { kind: row.kind } });
      ctx.emit({ type: 'job.changed', jobId: row.id, job: null });
      return { id: row.id, deleted: true as const };
    },
    'jobs.run': async (input, ctx) => {
      const { run, done } = await scheduler.runNow(input.id, 'manual');
      ctx.audit({ action: 'job.run', subject: input.id, details: { runId: run.id } });
      return input.wait ? await done : run;
    },
    'jobs.history': (input, ctx) => listRuns(ctx.db, input),
    'jobs.preview': async (input, ctx) => {
      const zone = input.timezone ?? localTimeZone();
      const problem = scheduleProblem(input.cron, zone);
      if (problem !== null) return { valid: false, description: null, nextRuns: [], error: problem };
      return { valid: true, description: describeSchedule(input.cron), nextRuns: nextRuns(input.cron, zone, ctx.clock.now(), input.count).map((d) => d.toISOString()), error: null };
    },
    'notifications.list': (input) => notifications.list(input),
    'notifications.markRead': async (input, ctx) => {
      const updated = await notifications.markRead(ctx.db, input);
      ctx.audit({ action: 'notifications.read', details: { count: updated } });
      const unread = await notifications.unread(ctx.db);
      ctx.emit({ type: 'notifications.changed', unread });
      return { updated, unread };
    },
    'notifications.settings.get': (_input, ctx) => settingsOutput(ctx.db),
    'notifications.settings.set': async (input, ctx) => {
      const { password, ...settings } = input.email;
      await email.saveSettings(ctx.db, settings, password);
      ctx.audit({ action: 'notifications.settings', details: { emailEnabled: settings.enabled, passwordChanged: password !== undefined } });
      return settingsOutput(ctx.db);
    },
    'notifications.email.test': async () => {
      const settings = await email.settings();
      await email.send({ subject: '[Dihya] Test message', text: 'E-mail notifications from Dihya reach you. Failed scheduled jobs will be reported here.\n' }, { force: true });
      return { sent: true as const, to: settings.to };
    },
  };
}
