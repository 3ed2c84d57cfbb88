import type { z } from 'zod';
import { appInfoInput, appInfoOutput } from './app.ts';
import * as backup from './backup.ts';
import * as sched from './scheduler.ts';
import {
  project,
  projectsCreateInput,
  projectsDeleteInput,
  projectsDeleteOutput,
  projectsGetInput,
  projectsListInput,
  projectsListOutput,
  projectsRenameInput,
} from './projects.ts';
import {
  ipfsBackupFetchInput,
  ipfsBackupFetchOutput,
  ipfsCarExportInput,
  ipfsCarExportOutput,
  ipfsCarImportInput,
  ipfsCarImportOutput,
  ipfsGcInput,
  ipfsGcOutput,
  ipfsGetInput,
  ipfsGetOutput,
  ipfsNodeStatus,
  ipfsOfflineInput,
  ipfsOnlineInput,
  ipfsPinsInput,
  ipfsPinsOutput,
  ipfsRemote,
  ipfsSettings,
  ipfsSettingsGetInput,
  ipfsSettingsSetInput,
  ipfsStatusInput,
  ipfsUnpinInput,
  ipfsUnpinOutput,
  publishBackupInput,
  publishBackupOutput,
  publishLinkInput,
  publishLinkOutput,
  publishListInput,
  publishListOutput,
  publishRunInput,
  publishRunOutput,
  publishVerifyInput,
  publishVerifyOutput,
  remotePin,
  remotesAddInput,
  remotesListInput,
  remotesListOutput,
  remotesPinInput,
  remotesPinsInput,
  remotesPinsOutput,
  remotesRemoveInput,
  remotesRemoveOutput,
  remotesRetryInput,
  remotesRetryOutput,
} from './publish.ts';
import {
  auditActionsInput,
  auditActionsOutput,
  auditListInput,
  auditListOutput,
  auditReanchorInput,
  auditReanchorOutput,
  auditVerifyInput,
  auditVerifyOutput,
} from './audit.ts';
import {
  gdprErasurePlanInput,
  gdprErasurePlanOutput,
  gdprEraseInput,
  gdprEraseOutput,
  gdprExportInput,
  gdprExportOutput,
  gdprProcessingRecordInput,
  gdprProcessingRecordOutput,
  gdprRetentionGetInput,
  gdprRetentionGetOutput,
  gdprRetentionRunInput,
  gdprRetentionRunOutput,
  gdprRetentionSetInput,
} from './gdpr.ts';
import {
  generationFilesInput,
  generationFilesOutput,
  generationGetInput,
  generationGetOutput,
  generationListInput,
  generationListOutput,
  generationPreviewInput,
  generationPreviewOutput,
  generationReadFileInput,
  generationReadFileOutput,
  generationRunInput,
  generationRunOutput,
  generationStacksInput,
  generationStacksOutput,
  generationVerifyInput,
  generationVerifyOutput,
} from './generation.ts';
import { specInput, specParseOutput, specValidateOutput } from './spec.ts';

interface CommandDefinition<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /**
   * `read` changes nothing. `write` runs in one SQLite transaction with its audit entry.
   * `task` changes things but runs long (backups, publishing, generation): it is not wrapped in a
   * transaction, keeps its own writes atomic, and its audit entries are appended when it ends.
   */
  effect: 'read' | 'write' | 'task';
  summary: string;
}

function command<I extends z.ZodType, O extends z.ZodType>(def: CommandDefinition<I, O>): CommandDefinition<I, O> {
  return Object.freeze(def);
}

/**
 * The contract: every operation any transport (IPC, HTTP, CLI) can ask of the core.
 * When adding a command: add it here, give it a handler in `core/host/handlers.ts` (the compiler
 * insists), and the transports pick it up on their own.
 */
export const commands = {
  'app.info': command({ input: appInfoInput, output: appInfoOutput, effect: 'read', summary: 'About this Dihya and its data directory' }),
  'projects.list': command({ input: projectsListInput, output: projectsListOutput, effect: 'read', summary: 'List projects, newest first' }),
  'projects.create': command({ input: projectsCreateInput, output: project, effect: 'write', summary: 'Create a project' }),
  'projects.get': command({ input: projectsGetInput, output: project, effect: 'read', summary: 'Read one project' }),
  'projects.rename': command({ input: projectsRenameInput, output: project, effect: 'write', summary: 'Rename a project' }),
  'projects.delete': command({ input: projectsDeleteInput, output: projectsDeleteOutput, effect: 'write', summary: 'Delete a project and its records' }),
  // Publishing to IPFS (core/publish): the embedded node, publications, CAR files, remote pins.
  'publish.run': command({ input: publishRunInput, output: publishRunOutput, effect: 'task', summary: 'Publish a folder or file to the embedded IPFS node: pinned, recorded with its CID' }),
  'publish.list': command({ input: publishListInput, output: publishListOutput, effect: 'read', summary: 'List publications, newest first' }),
  'publish.link': command({ input: publishLinkInput, output: publishLinkOutput, effect: 'read', summary: 'Gateway link, ipfs:// link and QR code (SVG) for a CID' }),
  'publish.verify': command({ input: publishVerifyInput, output: publishVerifyOutput, effect: 'task', summary: 'Fetch a published output and check it against its dihya.lock.json' }),
  'ipfs.get': command({ input: ipfsGetInput, output: ipfsGetOutput, effect: 'task', summary: 'Write the content of a CID to a folder or file (from this node, or from named peers)' }),
  'ipfs.pins': command({ input: ipfsPinsInput, output: ipfsPinsOutput, effect: 'read', summary: 'List what this node keeps pinned' }),
  'ipfs.unpin': command({ input: ipfsUnpinInput, output: ipfsUnpinOutput, effect: 'write', summary: 'Stop keeping a CID (ipfs.gc then frees its blocks)' }),
  'ipfs.gc': command({ input: ipfsGcInput, output: ipfsGcOutput, effect: 'task', summary: 'Remove every block no pin keeps' }),
  'ipfs.car.export': command({ input: ipfsCarExportInput, output: ipfsCarExportOutput, effect: 'task', summary: 'Write a CARv1 of a pinned CID' }),
  'ipfs.car.import': command({ input: ipfsCarImportInput, output: ipfsCarImportOutput, effect: 'task', summary: 'Import a CAR file (every block checked), pin its roots, optionally restore its files' }),
  'ipfs.status': command({ input: ipfsStatusInput, output: ipfsNodeStatus, effect: 'read', summary: 'State of the embedded IPFS node' }),
  'ipfs.online': command({ input: ipfsOnlineInput, output: ipfsNodeStatus, effect: 'task', summary: 'Take the IPFS node online (bounded libp2p: TCP, noise, yamux, bitswap; no discovery, no relay)' }),
  'ipfs.offline': command({ input: ipfsOfflineInput, output: ipfsNodeStatus, effect: 'task', summary: 'Take the IPFS node offline' }),
  'ipfs.settings.get': command({ input: ipfsSettingsGetInput, output: ipfsSettings, effect: 'read', summary: 'IPFS settings: gateway for links, listen addresses, connection cap' }),
  'ipfs.settings.set': command({ input: ipfsSettingsSetInput, output: ipfsSettings, effect: 'write', summary: 'Change IPFS settings' }),
  'ipfs.remotes.list': command({ input: remotesListInput, output: remotesListOutput, effect: 'read', summary: 'List remote pinning endpoints (Kubo RPC, Pinning Service API)' }),
  'ipfs.remotes.add': command({ input: remotesAddInput, output: ipfsRemote, effect: 'write', summary: 'Add a remote pinning endpoint (its token is kept secret)' }),
  'ipfs.remotes.remove': command({ input: remotesRemoveInput, output: remotesRemoveOutput, effect: 'write', summary: 'Remove a remote pinning endpoint and its queued operations' }),
  'ipfs.remotes.pin': command({ input: remotesPinInput, output: remotePin, effect: 'task', summary: 'Pin a CID on a remote; a failure is queued and retried with backoff' }),
  'ipfs.remotes.pins': command({ input: remotesPinsInput, output: remotesPinsOutput, effect: 'read', summary: 'Remote pins and the retry queue' }),
  'ipfs.remotes.retry': command({ input: remotesRetryInput, output: remotesRetryOutput, effect: 'task', summary: 'Retry queued remote pins whose backoff has elapsed (or all), and poll pending ones' }),
  'publish.backup': command({ input: publishBackupInput, output: publishBackupOutput, effect: 'task', summary: 'Publish an encrypted backup to IPFS (unencrypted ones are refused)' }),
  'ipfs.backup.fetch': command({ input: ipfsBackupFetchInput, output: ipfsBackupFetchOutput, effect: 'task', summary: 'Fetch a published backup by CID into the backup folder, checked, ready to restore' }),
  // GDPR by design (core/audit, core/gdpr): the audit log, export, erasure, retention, record of processing.
  'audit.list': command({ input: auditListInput, output: auditListOutput, effect: 'read', summary: 'Page through the audit log, filtered by action, actor, subject, time or text' }),
  'audit.actions': command({ input: auditActionsInput, output: auditActionsOutput, effect: 'read', summary: 'The actions in the audit log, with counts (for filters)' }),
  'audit.verify': command({ input: auditVerifyInput, output: auditVerifyOutput, effect: 'read', summary: 'Verify the audit chain and its recorded head; names the first entry that does not hold' }),
  'audit.reanchor': command({ input: auditReanchorInput, output: auditReanchorOutput, effect: 'write', summary: 'Accept the audit log as it is now as the recorded head (after a restore)' }),
  'gdpr.export': command({ input: gdprExportInput, output: gdprExportOutput, effect: 'task', summary: 'Export every personal datum Dihya holds as a zip (Art. 15, 20)' }),
  'gdpr.erasurePlan': command({ input: gdprErasurePlanInput, output: gdprErasurePlanOutput, effect: 'read', summary: 'What an erasure would delete, for its confirmation' }),
  'gdpr.erase': command({ input: gdprEraseInput, output: gdprEraseOutput, effect: 'task', summary: 'Erase one project or everything (Art. 17), with a report of copies elsewhere' }),
  'gdpr.retention.get': command({ input: gdprRetentionGetInput, output: gdprRetentionGetOutput, effect: 'read', summary: 'Retention rules per kind, with their defaults' }),
  'gdpr.retention.set': command({ input: gdprRetentionSetInput, output: gdprRetentionGetOutput, effect: 'write', summary: 'Change retention rules (audited)' }),
  'gdpr.retention.run': command({ input: gdprRetentionRunInput, output: gdprRetentionRunOutput, effect: 'task', summary: 'Apply the retention rules now' }),
  'gdpr.processingRecord': command({ input: gdprProcessingRecordInput, output: gdprProcessingRecordOutput, effect: 'read', summary: 'Record of processing activities (Art. 30) as Markdown' }),
  // Scheduler (core/scheduler): jobs, their runs, the notification centre.
  'jobs.kinds': command({ input: sched.jobsKindsInput, output: sched.jobsKindsOutput, effect: 'read', summary: 'Job kinds features provide, with their default schedule and options schema' }),
  'jobs.list': command({ input: sched.jobsListInput, output: sched.jobsListOutput, effect: 'read', summary: 'Scheduled jobs with their next run and last result' }),
  'jobs.get': command({ input: sched.jobsGetInput, output: sched.job, effect: 'read', summary: 'One scheduled job' }),
  'jobs.create': command({ input: sched.jobsCreateInput, output: sched.job, effect: 'write', summary: 'Schedule a job (cron expression in a time zone)' }),
  'jobs.update': command({ input: sched.jobsUpdateInput, output: sched.job, effect: 'write', summary: 'Change a job: schedule, enabled, options, notifications' }),
  'jobs.delete': command({ input: sched.jobsDeleteInput, output: sched.jobsDeleteOutput, effect: 'write', summary: 'Delete a job and its history' }),
  'jobs.run': command({ input: sched.jobsRunInput, output: sched.jobRun, effect: 'task', summary: 'Run a job now (answers at start unless wait: true)' }),
  'jobs.history': command({ input: sched.jobsHistoryInput, output: sched.jobsHistoryOutput, effect: 'read', summary: 'Runs, newest first: start, end, status, duration, error' }),
  'jobs.preview': command({ input: sched.jobsPreviewInput, output: sched.jobsPreviewOutput, effect: 'read', summary: 'Check a cron expression: its reading in words and next times' }),
  'notifications.list': command({ input: sched.notificationsListInput, output: sched.notificationsListOutput, effect: 'read', summary: 'The notification centre, newest first, with the unread count' }),
  'notifications.markRead': command({ input: sched.notificationsMarkReadInput, output: sched.notificationsMarkReadOutput, effect: 'write', summary: 'Mark notifications read (some, or all)' }),
  'notifications.settings.get': command({ input: sched.notificationsSettingsGetInput, output: sched.notificationsSettingsOutput, effect: 'read', summary: 'E-mail notification settings (never the password)' }),
  'notifications.settings.set': command({ input: sched.notificationsSettingsSetInput, output: sched.notificationsSettingsOutput, effect: 'write', summary: 'Change e-mail notification settings' }),
  'notifications.email.test': command({ input: sched.notificationsEmailTestInput, output: sched.notificationsEmailTestOutput, effect: 'read', summary: 'Send a test e-mail with the current settings' }),
  // Backups (core/backup): verified archives, retention, restore.
  'backup.settings.get': command({ input: backup.backupSettingsGetInput, output: backup.backupSettings, effect: 'read', summary: 'Backup folder, encryption and retention policy' }),
  'backup.settings.set': command({ input: backup.backupSettingsSetInput, output: backup.backupSettings, effect: 'write', summary: 'Change the backup folder, encryption (passphrase kept by the shell) or retention' }),
  'backup.create': command({ input: backup.backupCreateInput, output: backup.backupCreateOutput, effect: 'task', summary: 'Back up now: snapshot, archive, verify, then rename into place' }),
  'backup.list': command({ input: backup.backupListInput, output: backup.backupListOutput, effect: 'read', summary: 'Backups in a folder, newest first, with their verification state' }),
  'backup.inspect': command({ input: backup.backupInspectInput, output: backup.backupInspectOutput, effect: 'read', summary: 'What a backup holds (its manifest), e.g. before restoring it' }),
  'backup.verify': command({ input: backup.backupVerifyInput, output: backup.backupVerifyOutput, effect: 'task', summary: 'Prove a backup restores: checksums and integrity_check on a restored copy' }),
  'backup.restore': command({ input: backup.backupRestoreInput, output: backup.backupRestoreOutput, effect: 'task', summary: 'Restore a backup into a new data directory, or in place after a safety backup' }),
  'backup.prune': command({ input: backup.backupPruneInput, output: backup.backupPruneOutput, effect: 'task', summary: 'Apply the retention policy (keep-last, daily, weekly, monthly)' }),
  // Code generation (core/codegen, core/generation): preview with diffs, run (progress events), records, the output's files.
  'generation.preview': command({ input: generationPreviewInput, output: generationPreviewOutput, effect: 'read', summary: 'Render a model without writing: files to create, change or delete, with diffs and conflicts' }),
  'generation.run': command({ input: generationRunInput, output: generationRunOutput, effect: 'task', summary: 'Generate a project (atomic write, dihya.lock.json); refuses to overwrite user edits unless force' }),
  'generation.list': command({ input: generationListInput, output: generationListOutput, effect: 'read', summary: 'Generation runs, newest first' }),
  'generation.get': command({ input: generationGetInput, output: generationGetOutput, effect: 'read', summary: 'One generation run with its model snapshot and lock' }),
  'generation.files': command({ input: generationFilesInput, output: generationFilesOutput, effect: 'read', summary: 'The files a generation wrote, each checked against its lock' }),
  'generation.readFile': command({ input: generationReadFileInput, output: generationReadFileOutput, effect: 'read', summary: 'Read one file a generation wrote (text up to 1 MiB)' }),
  'generation.stacks': command({ input: generationStacksInput, output: generationStacksOutput, effect: 'read', summary: 'The stack template packs available, with their options' }),
  'generation.verify': command({ input: generationVerifyInput, output: generationVerifyOutput, effect: 'read', summary: 'Recompute the hashes of a generated folder and list the files changed since' }),
  // Spec understanding (core/spec): prose or YAML/JSON → ProjectModel, with the source line of every item.
  'spec.parse': command({ input: specInput, output: specParseOutput, effect: 'read', summary: 'Read a spec (prose, YAML or JSON) into a ProjectModel, explaining each item with its source line' }),
  'spec.validate': command({ input: specInput, output: specValidateOutput, effect: 'read', summary: 'Check a structured spec (YAML/JSON): each problem with its path, line and column' }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller may send (defaults still optional). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives after validation (defaults applied). */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}
