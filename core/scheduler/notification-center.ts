import type { Kysely, Selectable } from 'kysely';
import type { JobRun, Notification } from '../api/index.ts';
import { newId, redactText, type Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { EventBus } from '../host/event-bus.ts';
import type { EmailNotifier } from './email-notifier.ts';
import type { OsNotifier } from './os-notifier.ts';

type Row = Selectable<Database['notifications']>;
type Level = Notification['level'];

/** The centre keeps the latest outcomes, not an archive: older ones are dropped past this many. */
export const NOTIFICATIONS_KEPT = 1_000;

function toNotification(row: Row): Notification {
  return { id: row.id, at: row.at, level: row.level, title: row.title, body: row.body, jobId: row.job_id, runId: row.run_id, readAt: row.read_at };
}

/**
 * The in-app notification centre, and the fan-out of job outcomes to the OS (through the shell's
 * port) and to e-mail. Failures always reach every channel; successes reach the centre only for
 * jobs set to `notify: all`. A channel that fails never fails the job: it leaves a warning here.
 */
export class NotificationCenter {
  private readonly db: Kysely<Database>;
  private readonly clock: Clock;
  private readonly bus: EventBus;
  private readonly os: OsNotifier | undefined;
  private readonly email: EmailNotifier;
  private readonly deliveries = new Set<Promise<void>>();

  constructor(deps: { db: Kysely<Database>; clock: Clock; bus: EventBus; os?: OsNotifier | undefined; email: EmailNotifier }) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.bus = deps.bus;
    this.os = deps.os;
    this.email = deps.email;
  }

  async add(entry: { level: Level; title: string; body: string; jobId?: string | null; runId?: string | null }): Promise<Notification> {
    const row: Row = { id: newId(), at: this.clock.now().toISOString(), level: entry.level, title: redactText(entry.title), body: redactText(entry.body), job_id: entry.jobId ?? null, run_id: entry.runId ?? null, read_at: null };
    await this.db.insertInto('notifications').values(row).execute();
    const cutoff = await this.db.selectFrom('notifications').select('at').orderBy('at', 'desc').offset(NOTIFICATIONS_KEPT).limit(1).executeTakeFirst();
    if (cutoff !== undefined) await this.db.deleteFrom('notifications').where('at', '<=', cutoff.at).execute();
    const notification = toNotification(row);
    this.bus.emit({ type: 'notification.created', notification });
    return notification;
  }

  /** Called by the scheduler when a run ends. */
  async jobOutcome(job: { id: string; name: string; notify: 'failures' | 'all' }, run: JobRun): Promise<void> {
    const failed = run.status !== 'succeeded';
    if (!failed && job.notify !== 'all') return;
    const level: Level = run.status === 'succeeded' ? 'success' : run.status === 'interrupted' ? 'warning' : 'error';
    const title = run.status === 'succeeded' ? `${job.name}: done` : run.status === 'interrupted' ? `${job.name}: interrupted` : `${job.name}: failed`;
    const body = run.error !== null ? `${run.error.message} [${run.error.code}]` : (run.result?.summary ?? '');
    await this.add({ level, title, body, jobId: job.id, runId: run.id });
    if (failed) this.deliver(title, body, level, run);
  }

  private deliver(title: string, body: string, level: Level, run: JobRun): void {
    const delivery = (async () => {
      if (this.os !== undefined) {
        try {
          await this.os.notify({ title, body, level });
        } catch {
          // The OS refusing a notification (permissions, no session) is not worth a second notification.
        }
      }
      try {
        await this.email.send({
          subject: `[Dihya] ${title}`,
          text: `${body}\n\nJob: ${run.jobName} (${run.kind})\nRun: ${run.id}\nStarted: ${run.startedAt}\nFinished: ${run.finishedAt ?? '-'}\nTrigger: ${run.trigger}\n`,
        });
      } catch (error) {
        await this.add({ level: 'warning', title: 'E-mail notification not sent', body: error instanceof Error ? error.message : String(error), jobId: run.jobId, runId: run.id }).catch(() => undefined);
      }
    })();
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  /** Resolves once every OS and e-mail delivery started so far has ended (tests, shutdown). */
  async whenDelivered(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.allSettled([...this.deliveries]);
  }

  async list(options: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: Notification[]; total: number; unread: number }> {
    let query = this.db.selectFrom('notifications');
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
    const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { items: rows.map(toNotification), total, unread: await this.unread() };
  }

  async unread(db: Kysely<Database> = this.db): Promise<number> {
    return Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow()).n);
  }

  async markRead(db: Kysely<Database>, selection: { ids?: readonly string[] | undefined; all?: boolean | undefined }): Promise<number> {
    let query = db.updateTable('notifications').set({ read_at: this.clock.now().toISOString() }).where('read_at', 'is', null);
    if (selection.all !== true) {
      if (selection.ids === undefined || selection.ids.length === 0) return 0;
      query = query.where('id', 'in', selection.ids);
    }
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
