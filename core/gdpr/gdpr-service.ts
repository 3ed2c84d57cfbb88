import { join } from 'node:path';
import type { ErasureTarget, GdprErasurePlan, GdprErasureReport, GdprExportResult, RetentionRunResult } from '../api/index.ts';
import { toDisposable, type Disposable } from '../common/index.ts';
import { eraseData, listErasureTombstones, reapplyErasures, type ErasureTombstone } from './erasure.ts';
import { planErasure } from './erasure-plan.ts';
import { exportPersonalData } from './export-archive.ts';
import { EXPORTS_DIR } from './file-areas.ts';
import type { GdprDeps } from './gdpr-deps.ts';
import type { ErasureParticipant, RetentionParticipant } from './participants.ts';
import { processingRecord } from './processing-record.ts';
import { applyRetention } from './retention.ts';

/**
 * GDPR by design, as one service in CoreServices (`services.gdpr`): export, erasure, retention and
 * the record of processing. Features holding data elsewhere register participants here.
 */
export class GdprService {
  readonly deps: GdprDeps;
  private readonly erasureParticipants: ErasureParticipant[] = [];
  private readonly retentionParticipants: RetentionParticipant[] = [];

  constructor(deps: GdprDeps) {
    this.deps = deps;
    // Deleted rows are overwritten rather than left in free pages (Art. 25, 32). Per connection.
    deps.store.sqlite.pragma('secure_delete = ON');
  }

  registerErasureParticipant(participant: ErasureParticipant): Disposable {
    this.erasureParticipants.push(participant);
    return toDisposable(() => {
      this.erasureParticipants.splice(this.erasureParticipants.indexOf(participant), 1);
    });
  }

  registerRetentionParticipant(participant: RetentionParticipant): Disposable {
    this.retentionParticipants.push(participant);
    return toDisposable(() => {
      this.retentionParticipants.splice(this.retentionParticipants.indexOf(participant), 1);
    });
  }

  defaultExportPath(): string {
    return join(this.deps.dataDir, EXPORTS_DIR, `dihya-export-${this.deps.clock.now().toISOString().replace(/[:.]/g, '-')}.zip`);
  }

  exportData(outPath: string, options: { overwrite: boolean }): Promise<GdprExportResult> {
    return exportPersonalData(this.deps, outPath, options);
  }

  planErasure(target: ErasureTarget): Promise<GdprErasurePlan> {
    return planErasure(this.deps, this.erasureParticipants, target);
  }

  erase(target: ErasureTarget, actor: string): Promise<GdprErasureReport> {
    return eraseData(this.deps, this.erasureParticipants, target, { actor });
  }

  /** Read from the live database before a restore, then passed to `reapplyErasures` after it. */
  listErasureTombstones(): ErasureTombstone[] {
    return listErasureTombstones(this.deps);
  }

  reapplyErasures(tombstones: readonly ErasureTombstone[], actor: string): Promise<GdprErasureReport[]> {
    return reapplyErasures(this.deps, this.erasureParticipants, tombstones, actor);
  }

  applyRetention(actor: string): Promise<RetentionRunResult> {
    return applyRetention(this.deps, this.retentionParticipants, actor);
  }

  processingRecord() {
    return processingRecord(this.deps, { erasure: this.erasureParticipants, retention: this.retentionParticipants });
  }
}
