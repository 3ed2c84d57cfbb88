import type { Handlers } from '../host/handler-types.ts';
import { listAuditActions, listAuditEntries } from './audit-query.ts';
import type { AuditService } from './audit-service.ts';

type AuditHandlers = Pick<Handlers, 'audit.list' | 'audit.actions' | 'audit.verify' | 'audit.reanchor'>;

const headOf = (a: { seq: number; hash: string; count: number } | null | 'unreadable') => (a === null || a === 'unreadable' ? null : { seq: a.seq, hash: a.hash, count: a.count });

export function auditHandlers(audit: AuditService): AuditHandlers {
  return {
    'audit.list': (input, ctx) => listAuditEntries(ctx.db, input),
    'audit.actions': async (_input, ctx) => ({ actions: await listAuditActions(ctx.db) }),
    'audit.verify': async () => audit.verify(),
    'audit.reanchor': async (_input, ctx) => {
      const previous = headOf(audit.readAnchor());
      // Anchors the head as it is before this entry; the commit's sync then moves it onto this entry.
      const anchor = headOf(audit.reanchor());
      ctx.audit({ action: 'audit.reanchor', details: { previous: previous === null ? null : { seq: previous.seq, hash: previous.hash }, anchoredSeq: anchor?.seq ?? null } });
      return { previous, anchor };
    },
  };
}
