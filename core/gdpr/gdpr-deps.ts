import type { AuditService } from '../audit/index.ts';
import type { Clock } from '../common/index.ts';
import type { Store } from '../db/index.ts';
import type { AppLog } from '../logging/index.ts';

/** What the GDPR functions need from the core; `createCore` builds it once. */
export interface GdprDeps {
  store: Store;
  dataDir: string;
  clock: Clock;
  appLog: AppLog;
  audit: AuditService;
  version: string;
}
