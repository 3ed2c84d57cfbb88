import type { Command } from 'commander';
import type { AuditEntry, AuditVerifyResult } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';

function describeVerification(result: AuditVerifyResult): string {
  if (result.problem !== null) return `Audit log NOT intact: ${result.problem.message} [${result.problem.reason} at #${result.problem.seq}]`;
  const head = result.head === null ? 'empty' : `head #${result.head.seq} ${result.head.hash.slice(0, 16)}…`;
  const purged = result.purgedThroughSeq > 0 ? `; #1–#${result.purgedThroughSeq} purged by retention (checkpointed)` : '';
  const redacted = result.redactedEntries > 0 ? `; ${result.redactedEntries} emptied by erasures (tombstoned)` : '';
  const anchor = { matches: 'matches the recorded head', behind: 'recorded head is behind (kept as a lower bound)', missing: 'no recorded head yet', unreadable: 'recorded head unreadable', contradicted: 'contradicts the recorded head', unchecked: 'recorded head not checked' }[result.anchor.state];
  return `Audit log intact: ${result.entries} entries, ${head}${purged}${redacted}; ${anchor}. (${result.durationMs} ms)`;
}

function oneLine(entry: AuditEntry): string[] {
  const details = entry.redacted ? '(erased)' : JSON.stringify(entry.details);
  return [String(entry.seq), entry.at.slice(0, 19).replace('T', ' '), entry.actor, entry.action, entry.subject ?? '', details.length > 60 ? `${details.slice(0, 59)}…` : details];
}

export function registerAuditCommands(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description('Read and verify the tamper-evident audit log');

  audit
    .command('verify')
    .description('Walk the hash chain and the recorded head; exit 11 and name the first bad entry if anything was modified, removed, reordered or cut off')
    .action(async () => {
      const result = await ctx.withCore((core) => core.dispatch('audit.verify', {}));
      if (ctx.globals().json) printJson(ctx.io, result);
      else ctx.io.out(describeVerification(result));
      if (!result.ok && result.problem !== null) {
        throw new AppError('INTEGRITY_FAILED', `The audit log does not verify: ${result.problem.message}`, { seq: result.problem.seq, reason: result.problem.reason });
      }
    });

  audit
    .command('list')
    .alias('ls')
    .description('Show audit entries, newest first')
    .option('-a, --action <action>', 'an action (project.create) or a family ending in a dot (project.)')
    .option('-s, --search <text>', 'text in the action, subject or details')
    .option('--actor <actor>', 'local, http, scheduler…')
    .option('--subject <id>', 'entries about this item')
    .option('--since <iso>', 'from this time (ISO 8601)')
    .option('--until <iso>', 'before this time (ISO 8601)')
    .option('--oldest', 'oldest first')
    .option('-n, --limit <count>', 'at most this many', (v) => Number.parseInt(v, 10), 50)
    .option('--offset <count>', 'skip this many', (v) => Number.parseInt(v, 10), 0)
    .action(async (o: { action?: string; search?: string; actor?: string; subject?: string; since?: string; until?: string; oldest?: boolean; limit: number; offset: number }) => {
      const result = await ctx.withCore((core) =>
        core.dispatch('audit.list', { action: o.action, search: o.search, actor: o.actor, subject: o.subject, from: o.since, to: o.until, order: o.oldest ? 'oldest' : 'newest', limit: o.limit, offset: o.offset }),
      );
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('No audit entries match.');
      ctx.io.out(formatTable(['SEQ', 'AT (UTC)', 'ACTOR', 'ACTION', 'SUBJECT', 'DETAILS'], result.items.map(oneLine)));
      if (result.total > result.items.length) ctx.io.out(`(${result.items.length} of ${result.total}; use --limit and --offset to see more)`);
    });

  audit
    .command('reanchor')
    .description('Accept the log as it is now as the recorded head (after restoring a backup); the act itself is audited')
    .option('--yes', 'confirm')
    .action(async (o: { yes?: boolean }) => {
      if (!o.yes) throw new AppError('CONFIRMATION_REQUIRED', 'Re-anchoring accepts the audit log as it is now. Check `dihya audit verify` first, then add --yes.');
      const result = await ctx.withCore((core) => core.dispatch('audit.reanchor', { confirm: true }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Recorded head: #${result.anchor?.seq ?? 0} (was ${result.previous === null ? 'none' : `#${result.previous.seq}`}).`);
    });
}
