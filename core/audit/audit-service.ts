import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../common/index.ts';
import { AuditRangeHelper } from './audit-range-helper.ts';
import { readAuditAnchor, reanchorAudit, syncAuditAnchor, type AuditAnchor } from './audit-head.ts';
import type { AuditCheck } from './audit-verify.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

/** How long the verification helper thread is kept after a verification, for the next one. */
const HELPER_IDLE_MS = 60_000;

/** The audit log's long-lived side: verification against the recorded head, and keeping that head current. */
export class AuditService {
  private readonly sqlite: BetterSqlite3.Database;
  private readonly dataDir: string;
  private readonly clock: Clock;
  private readonly rangeHelper = new AuditRangeHelper({ idleMs: HELPER_IDLE_MS });

  constructor(deps: { sqlite: BetterSqlite3.Database; dataDir: string; clock: Clock }) {
    this.sqlite = deps.sqlite;
    this.dataDir = deps.dataDir;
    this.clock = deps.clock;
  }

  verify(): AuditCheck & { checkedAt: string; durationMs: number } {
    const started = performance.now();
    const check = verifyAuditLog(this.sqlite, this.dataDir, { thread: this.rangeHelper });
    return { ...check, checkedAt: this.clock.now().toISOString(), durationMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** After a commit that appended entries (the dispatcher calls it; so must anything appending elsewhere). */
  syncAnchor(): AuditAnchor | null | 'unreadable' {
    return syncAuditAnchor(this.sqlite, this.dataDir, this.clock.now());
  }

  readAnchor(): AuditAnchor | null | 'unreadable' {
    return readAuditAnchor(this.dataDir);
  }

  dispose(): void {
    this.rangeHelper.dispose();
  }

  /** Accepts the table's head as the recorded one (after a restore, or once damage is understood). */
  reanchor(): AuditAnchor | null {
    return reanchorAudit(this.sqlite, this.dataDir, this.clock.now());
  }
}
