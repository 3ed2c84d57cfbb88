import type { Kysely } from 'kysely';
import type { Clock, SecretStore } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { EventBus } from '../host/event-bus.ts';
import { EmailNotifier } from './email-notifier.ts';
import { JobKindRegistry } from './job-kind-registry.ts';
import { NotificationCenter } from './notification-center.ts';
import type { OsNotifier } from './os-notifier.ts';
import { Scheduler } from './scheduler.ts';

/** The job-kind registry, the notification centre (in-app, OS port, e-mail) and the scheduler over them. */
export function createScheduling(deps: { db: Kysely<Database>; clock: Clock; bus: EventBus; secrets: SecretStore; notifier?: OsNotifier | undefined; afterAudit?: (() => void) | undefined }) {
  const jobKinds = new JobKindRegistry();
  const email = new EmailNotifier({ db: deps.db, secrets: deps.secrets, clock: deps.clock });
  const notifications = new NotificationCenter({ db: deps.db, clock: deps.clock, bus: deps.bus, os: deps.notifier, email });
  const scheduler = new Scheduler({ db: deps.db, clock: deps.clock, bus: deps.bus, registry: jobKinds, notifications, afterAudit: deps.afterAudit });
  return { jobKinds, email, notifications, scheduler };
}
