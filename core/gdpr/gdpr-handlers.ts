import { isAbsolute } from 'node:path';
import { AppError } from '../common/index.ts';
import type { Handlers } from '../host/handler-types.ts';
import type { GdprService } from './gdpr-service.ts';
import { DEFAULT_RETENTION, readRetentionRules, writeRetentionRules } from './retention-rules.ts';

type GdprHandlers = Pick<Handlers, 'gdpr.export' | 'gdpr.erasurePlan' | 'gdpr.erase' | 'gdpr.retention.get' | 'gdpr.retention.set' | 'gdpr.retention.run' | 'gdpr.processingRecord'>;

export function gdprHandlers(gdpr: GdprService): GdprHandlers {
  return {
    'gdpr.export': async (input, ctx) => {
      if (input.outPath !== undefined && ctx.actor === 'http') {
        throw new AppError('FORBIDDEN', 'Over HTTP the export is written to the data directory; leave outPath out.', { field: 'outPath' });
      }
      if (input.outPath !== undefined && !isAbsolute(input.outPath)) {
        throw new AppError('BAD_REQUEST', 'outPath must be an absolute path.', { field: 'outPath' });
      }
      const result = await gdpr.exportData(input.outPath ?? gdpr.defaultExportPath(), { overwrite: input.overwrite });
      // The path stays out of the entry: it often carries the user's name (/home/jane/…).
      ctx.audit({ action: 'gdpr.export', details: { files: result.files, bytes: result.bytes, sha256: result.sha256, tables: result.tables } });
      return result;
    },
    'gdpr.erasurePlan': (input) => gdpr.planErasure(input.target),
    'gdpr.erase': async (input, ctx) => {
      const report = await gdpr.erase(input.target, ctx.actor);
      ctx.audit({
        action: 'gdpr.erase',
        details: { erasureId: report.erasureId, scope: report.target.scope, tombstoneSeq: report.tombstoneSeq, removedFiles: report.removedFiles, redactedAuditEntries: report.redactedAuditEntries, vacuumed: report.vacuumed, remoteCopies: report.remoteCopies.length },
      });
      ctx.emit({ type: 'gdpr.erased', erasureId: report.erasureId, scope: report.target.scope });
      if (input.target.scope === 'project') ctx.emit({ type: 'project.deleted', id: input.target.projectId });
      return report;
    },
    'gdpr.retention.get': async (_input, ctx) => ({ ...(await readRetentionRules(ctx.db)), defaults: { ...DEFAULT_RETENTION } }),
    'gdpr.retention.set': async (input, ctx) => {
      const { before, after } = await writeRetentionRules(ctx.db, input, ctx.clock.now());
      ctx.audit({ action: 'gdpr.retention.update', details: { before, after } });
      ctx.emit({ type: 'gdpr.retentionChanged', rules: after });
      return { ...(await readRetentionRules(ctx.db)), defaults: { ...DEFAULT_RETENTION } };
    },
    'gdpr.retention.run': async (_input, ctx) => {
      const result = await gdpr.applyRetention(ctx.actor);
      ctx.audit({ action: 'gdpr.retention.run', details: { audit: result.audit, generations: result.generations, logs: result.logs, backups: { applied: result.backups.applied, deleted: result.backups.deleted } } });
      return result;
    },
    'gdpr.processingRecord': () => gdpr.processingRecord(),
  };
}
