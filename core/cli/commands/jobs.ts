import type { Command } from 'commander';
import type { Job, JobRun } from '../../api/index.ts';
import { AppError, isErrorCode } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Jobs by id or by name (case-insensitive); an ambiguous name is refused. */
async function findJob(core: Core, idOrName: string): Promise<Job> {
  if (UUID.test(idOrName)) return core.dispatch('jobs.get', { id: idOrName });
  const wanted = idOrName.trim().toLocaleLowerCase('und');
  const matches = (await core.dispatch('jobs.list', {})).items.filter((j) => j.name.toLocaleLowerCase('und') === wanted);
  if (matches.length === 0) throw new AppError('NOT_FOUND', `No job is named "${idOrName}". See: dihya jobs list`, { name: idOrName });
  if (matches.length > 1) throw new AppError('CONFLICT', `${matches.length} jobs are named "${idOrName}"; use the id.`, { name: idOrName });
  return matches[0] as Job;
}

function when(iso: string | null): string {
  return iso === null ? '-' : iso.slice(0, 16).replace('T', ' ');
}

function outcome(run: JobRun | null): string {
  if (run === null) return 'never run';
  return `${run.status} ${when(run.startedAt)}`;
}

function parseOptions(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION_FAILED', `--options must be a JSON object, e.g. '{"prune":false}'.`, { issues: [{ path: 'options', message: 'not a JSON object', code: 'invalid_json' }] });
}

export function registerJobCommands(program: Command, ctx: CliContext): void {
  const jobs = program.command('jobs').description('Scheduled jobs (backups, verification…): list, add, run now, history');
  const json = () => ctx.globals().json === true;

  jobs
    .command('list')
    .alias('ls')
    .description('List scheduled jobs with their next run and last result')
    .action(async () => {
      const { items } = await ctx.withCore((core) => core.dispatch('jobs.list', {}));
      if (json()) return printJson(ctx.io, { items });
      if (items.length === 0) return ctx.io.out('No scheduled jobs. Add one with: dihya jobs add backup --cron "0 3 * * *"');
      ctx.io.out(formatTable(['NAME', 'KIND', 'SCHEDULE', 'NEXT (UTC)', 'LAST', 'ID'], items.map((j) => [j.name, j.kind, `${j.cron} (${j.schedule.description}, ${j.timezone})${j.enabled ? '' : ' [disabled]'}`, when(j.schedule.nextRunAt), outcome(j.lastRun), j.id])));
      ctx.io.out('Jobs run while the desktop app or `dihya serve` is running.');
    });

  jobs
    .command('add <kind>')
    .description('Schedule a job of a kind (see `dihya jobs kinds`)')
    .option('--name <name>', 'what to call it')
    .option('--cron <expression>', 'when: 5 fields (min hour day month weekday), or 6 with seconds first')
    .option('--tz <zone>', 'time zone of the schedule (default: this machine\'s)')
    .option('--options <json>', 'options of the kind, as a JSON object')
    .option('--notify <which>', 'notify on "failures" (default) or "all" outcomes')
    .option('--disabled', 'add it switched off')
    .action(async (kind: string, options: { name?: string; cron?: string; tz?: string; options?: string; notify?: string; disabled?: boolean }) => {
      const job = await ctx.withCore((core) =>
        core.dispatch('jobs.create', { kind, name: options.name, cron: options.cron, timezone: options.tz, options: parseOptions(options.options), notify: options.notify, enabled: options.disabled !== true }),
      );
      if (json()) return printJson(ctx.io, job);
      ctx.io.out(`Scheduled "${job.name}" (${job.kind}): ${job.schedule.description} (${job.timezone}); next ${when(job.schedule.nextRunAt)} UTC. Id ${job.id}`);
    });

  jobs
    .command('kinds')
    .description('Job kinds available, with their default schedule')
    .action(async () => {
      const { items } = await ctx.withCore((core) => core.dispatch('jobs.kinds', {}));
      if (json()) return printJson(ctx.io, { items });
      ctx.io.out(formatTable(['KIND', 'DEFAULT SCHEDULE', 'WHAT IT DOES'], items.map((k) => [k.kind, k.defaultCron, k.description])));
    });

  jobs
    .command('run <job>')
    .description('Run a job now (by name or id) and wait for it')
    .action(async (idOrName: string) => {
      const run = await ctx.withCore(async (core) => core.dispatch('jobs.run', { id: (await findJob(core, idOrName)).id, wait: true }));
      if (json()) printJson(ctx.io, run);
      else ctx.io.out(`${run.jobName}: ${run.status} in ${((run.durationMs ?? 0) / 1000).toFixed(1)} s${run.result ? ` — ${run.result.summary}` : ''}`);
      if (run.status !== 'succeeded') {
        const error = run.error ?? { code: 'INTERNAL', message: 'The run did not succeed.' };
        throw new AppError(isErrorCode(error.code) ? error.code : 'INTERNAL', error.message, { runId: run.id });
      }
    });

  jobs
    .command('history [job]')
    .description('Past runs, newest first (of one job, or all)')
    .option('-n, --limit <count>', 'at most this many', (v) => Number.parseInt(v, 10), 20)
    .action(async (idOrName: string | undefined, options: { limit: number }) => {
      const result = await ctx.withCore(async (core) => core.dispatch('jobs.history', { jobId: idOrName === undefined ? undefined : (await findJob(core, idOrName)).id, limit: options.limit }));
      if (json()) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('No runs yet.');
      ctx.io.out(formatTable(['STARTED (UTC)', 'JOB', 'TRIGGER', 'STATUS', 'DURATION', 'RESULT'], result.items.map((r) => [when(r.startedAt), r.jobName, r.trigger, r.status, r.durationMs === null ? '-' : `${(r.durationMs / 1000).toFixed(1)} s`, r.error ? `${r.error.message} [${r.error.code}]` : (r.result?.summary ?? '')])));
    });

  for (const [name, enabled] of [['enable', true], ['disable', false]] as const) {
    jobs
      .command(`${name} <job>`)
      .description(`${enabled ? 'Switch on' : 'Switch off'} a job`)
      .action(async (idOrName: string) => {
        const job = await ctx.withCore(async (core) => core.dispatch('jobs.update', { id: (await findJob(core, idOrName)).id, enabled }));
        if (json()) return printJson(ctx.io, job);
        ctx.io.out(`"${job.name}" is ${job.enabled ? 'on' : 'off'}.`);
      });
  }

  jobs
    .command('rm <job>')
    .description('Delete a job and its history')
    .action(async (idOrName: string) => {
      const removed = await ctx.withCore(async (core) => {
        const job = await findJob(core, idOrName);
        await core.dispatch('jobs.delete', { id: job.id });
        return job;
      });
      if (json()) return printJson(ctx.io, { id: removed.id, deleted: true });
      ctx.io.out(`Deleted "${removed.name}".`);
    });
}
