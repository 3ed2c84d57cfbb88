import { resolve } from 'node:path';
import type { CommandInput, CommandName, DihyaClient, DihyaEvent } from '../api/index.ts';
import { DisposableStore, systemClock, type Clock, type Disposable, type SecretStore } from '../common/index.ts';
import { AuditService } from '../audit/index.ts';
import { connectBackupsToGdpr, createBackups, ensureDefaultJobs, layeredSecrets, recoverInterruptedRestore } from '../backup/index.ts';
import { openStore, type Store } from '../db/index.ts';
import { GdprService, ensureRetentionJob, gdprRetentionJobKind } from '../gdpr/index.ts';
import { GenerationService, markInterruptedGenerations } from '../generation/index.ts';
import { createAppLog } from '../logging/index.ts';
import { connectPublishingToGdpr, createPublishing, registerPublishJobKind, startRetryLoop } from '../publish/index.ts';
import { createScheduling, type OsNotifier } from '../scheduler/index.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers, type CoreServices } from './handlers.ts';
import { DIHYA_VERSION } from './version.ts';

export interface CoreConfig {
  dataDir: string;
  mode: 'desktop' | 'serve' | 'cli' | 'test';
}

/**
 * What the shell around the core provides (Electron, serve, CLI, tests): OS notifications, secret
 * storage, dialogs… Each is optional; the core degrades to its own defaults without them.
 */
export interface CorePorts {
  clock?: Clock;
  /** OS notifications of failed jobs (Electron's Notification); without it, the in-app centre only. */
  notifier?: OsNotifier;
  /** The OS keychain (Electron safeStorage) for the backup passphrase and SMTP password; else the environment. */
  secrets?: SecretStore;
}

export interface Core extends Disposable {
  readonly dataDir: string;
  readonly store: Store;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly services: CoreServices;
  /** The same contract as the IPC and HTTP clients, in-process. */
  readonly client: DihyaClient;
  dispose(): Promise<void>;
}

/**
 * The composition root: opens the store, builds the services, wires handlers to the contract and
 * owns every lifetime. Long-lived services (scheduler, IPFS node…) are added to `owned`, which
 * disposes them in reverse order before the store closes.
 */
export async function createCore(config: CoreConfig, ports: CorePorts = {}): Promise<Core> {
  const dataDir = resolve(config.dataDir);
  // A restore that a crash cut short after its commit point is completed before anything reads the store.
  const recovered = await recoverInterruptedRestore(dataDir);
  const store = await openStore(dataDir);
  const owned = new DisposableStore();
  owned.add({ dispose: () => store.close() });
  try {
    return await startServices(config, ports, { dataDir, store, owned, recovered });
  } catch (error) {
    // Whatever started is stopped and the store closed, so a failed start leaves nothing open.
    await owned.dispose();
    throw error;
  }
}

async function startServices(
  config: CoreConfig,
  ports: CorePorts,
  opened: { dataDir: string; store: Store; owned: DisposableStore; recovered: Awaited<ReturnType<typeof recoverInterruptedRestore>> },
): Promise<Core> {
  const { dataDir, store, owned, recovered } = opened;
  const bus = new EventBus();
  const clock = ports.clock ?? systemClock;

  const appLog = owned.add(createAppLog({ dataDir }));
  const audit = owned.add(new AuditService({ sqlite: store.sqlite, dataDir, clock }));
  try {
    audit.syncAnchor(); // records the head on the first start after an upgrade
  } catch (error) {
    appLog.logger.error({ err: error }, 'The audit head could not be recorded.');
  }
  const gdpr = new GdprService({ store, dataDir, clock, appLog, audit, version: DIHYA_VERSION });

  // Later features construct their services here, each registered with `owned`.
  // The IPFS node starts on first use only; progress events of long publishes go out live.
  const publishing = owned.add(createPublishing({ dataDir, emitLive: (event) => bus.emit(event) }));
  // Erasure unpins the target's CIDs and collects the local blockstore; published copies are reported.
  owned.add(connectPublishingToGdpr({ node: publishing.node, db: store.db }, gdpr));
  const secrets = layeredSecrets(ports.secrets);
  const scheduling = createScheduling({ db: store.db, clock, bus, secrets, notifier: ports.notifier, afterAudit: () => void audit.syncAnchor() });
  owned.add(scheduling.scheduler);
  owned.add(scheduling.jobKinds.registerJobKind(gdprRetentionJobKind(gdpr)));
  const backups = createBackups({ store, dataDir, clock, bus, secrets, scheduler: scheduling.scheduler, jobKinds: scheduling.jobKinds, dihyaVersion: DIHYA_VERSION });
  // After an in-place restore the store holds another database: erasures made since the backup are
  // applied again, then the audit anchor and the scheduler's timers follow (in this order).
  connectBackupsToGdpr(backups, gdpr);
  backups.registerRestoreParticipant({ name: 'audit', restored: () => void audit.reanchor() });
  backups.registerRestoreParticipant({ name: 'scheduler', restored: () => scheduling.scheduler.reload() });
  if (recovered.completed) await backups.completeRecoveredRestore(recovered.carry);
  // Publishing: encrypted backups to IPFS and back, and the scheduler's `publish` job kind.
  publishing.connectBackups(backups);
  owned.add(registerPublishJobKind(scheduling.jobKinds, { publishing, db: store.db }));
  const services: CoreServices = {
    info: { version: DIHYA_VERSION, mode: config.mode, dataDir, schemaVersion: store.schemaVersion },
    logger: appLog.logger,
    audit,
    gdpr,
    publishing,
    ...scheduling,
    backups,
    secrets,
    // Generation runs as a task: its progress events go out live, not after the command ends.
    generation: new GenerationService({ version: DIHYA_VERSION, emitLive: (event) => bus.emit(event) }),
  };

  const dispatch = createDispatcher({ db: store.db, dbFile: store.file, dataDir, clock, bus, handlers: createHandlers(services), logger: appLog.logger, afterAudit: () => void audit.syncAnchor() });
  appLog.logger.info({ mode: config.mode, version: DIHYA_VERSION, schemaVersion: store.schemaVersion }, 'core started');
  try {
    // Generation runs a dead process left `running` become `interrupted`; their folders are put back.
    if ((await markInterruptedGenerations(store.db, clock)) > 0) audit.syncAnchor();
  } catch (error) {
    appLog.logger.warn({ err: error }, 'Generation runs left running by a crash could not be marked interrupted.');
  }
  try {
    await backups.sweep();
  } catch (error) {
    appLog.logger.warn({ err: error }, 'Leftover backup temp files could not be swept.');
  }
  if (config.mode === 'desktop' || config.mode === 'serve') {
    // Jobs run only in long-running shells; one-shot CLI commands never start the scheduler.
    if (await ensureDefaultJobs(store.db, clock)) audit.syncAnchor();
    if (await ensureRetentionJob(store.db, clock)) audit.syncAnchor();
    await scheduling.scheduler.start();
    // Queued remote pins are retried (with backoff) while the app runs; through dispatch, so audited.
    owned.add(startRetryLoop({ intervalMs: 60_000, hasDue: () => publishing.remotes.hasDue({ db: store.db, clock }), retry: () => dispatch('ipfs.remotes.retry', {}, { actor: 'system' }) }));
  }
  const client: DihyaClient = {
    invoke: <K extends CommandName>(command: K, input: CommandInput<K>) => dispatch<K>(command, input),
    subscribe: (listener: (event: DihyaEvent) => void) => {
      const subscription = bus.subscribe(listener);
      return () => void subscription.dispose();
    },
  };
  return { dataDir, store, dispatch, events: bus, services, client, dispose: () => owned.dispose() };
}
