import { auditHandlers, type AuditService } from '../audit/index.ts';
import { backupHandlers, type BackupService } from '../backup/index.ts';
import type { SecretStore } from '../common/index.ts';
import { gdprHandlers, type GdprService } from '../gdpr/index.ts';
import { generationHandlers, type GenerationService } from '../generation/index.ts';
import type { AppLogger } from '../logging/index.ts';
import { projectHandlers } from '../projects/index.ts';
import { publishHandlers, type Publishing } from '../publish/index.ts';
import { specHandlers } from '../spec/index.ts';
import { schedulerHandlers, type EmailNotifier, type JobKindRegistry, type NotificationCenter, type Scheduler } from '../scheduler/index.ts';
import type { Handlers } from './handler-types.ts';

export interface AppInfoSource {
  version: string;
  mode: 'desktop' | 'serve' | 'cli' | 'test';
  dataDir: string;
  schemaVersion: number;
}

/** The services built by `createCore` that handlers call; each feature adds its own member. */
export interface CoreServices {
  info: AppInfoSource;
  /** The application log (pino, redacted, rotated in <dataDir>/logs). */
  logger: AppLogger;
  audit: AuditService;
  gdpr: GdprService;
  publishing: Publishing;
  /** Features add their job kinds here (`jobKinds.registerJobKind`) while createCore builds them. */
  jobKinds: JobKindRegistry;
  scheduler: Scheduler;
  notifications: NotificationCenter;
  email: EmailNotifier;
  backups: BackupService;
  generation: GenerationService;
  /** The shell's secret store, with the environment as a read-only fallback. */
  secrets: SecretStore;
}

/** Every command of the contract must appear here; the `Handlers` type makes a missing one a compile error. */
export function createHandlers(services: CoreServices): Handlers {
  const { info } = services;
  return {
    'app.info': async () => ({
      name: 'Dihya' as const,
      version: info.version,
      mode: info.mode,
      dataDir: info.dataDir,
      schemaVersion: info.schemaVersion,
      runtime: { node: process.versions.node, platform: process.platform, arch: process.arch },
    }),
    ...projectHandlers,
    ...auditHandlers(services.audit),
    ...gdprHandlers(services.gdpr),
    ...publishHandlers(services.publishing),
    ...schedulerHandlers({ ...services, canStoreSecrets: services.secrets.persistent }),
    ...generationHandlers(services.generation),
    ...backupHandlers(services.backups, { canStorePassphrase: services.secrets.persistent }),
    ...specHandlers,
  };
}
