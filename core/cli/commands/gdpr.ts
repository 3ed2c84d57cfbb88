import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ErasureTarget, GdprErasurePlan, RetentionRules } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { printJson } from '../output.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function projectIdFor(core: Core, idOrName: string): Promise<string> {
  if (UUID.test(idOrName)) return idOrName;
  const wanted = idOrName.trim().toLocaleLowerCase('und');
  const { items } = await core.dispatch('projects.list', { search: idOrName.trim(), limit: 10_000 });
  const match = items.find((p) => p.name.toLocaleLowerCase('und') === wanted);
  if (match === undefined) throw new AppError('NOT_FOUND', `No project is named "${idOrName}".`, { name: idOrName });
  return match.id;
}

function describePlan(plan: GdprErasurePlan): string {
  const rows = Object.entries(plan.rows).filter(([, n]) => n > 0).map(([table, n]) => `${n} ${table}`).join(', ') || 'no rows';
  return [
    `This will permanently erase ${plan.label}:`,
    `  rows: ${rows}`,
    `  files: ${plan.files.count} (${plan.files.bytes} bytes) in the data directory`,
    `  audit entries emptied: ${plan.auditEntriesToRedact} (a tombstone keeps the chain verifiable)`,
    ...plan.localCopies.map((copy) => (copy.name === 'ipfs' ? `  IPFS pins removed here, with their blocks: ${copy.items}` : `  ${copy.name}: ${copy.items}`)),
    ...(plan.remoteCopies.length > 0 ? [`  copies elsewhere (listed in the report, not deleted): ${plan.remoteCopies.length}`] : []),
    ...(plan.outsideDataDir.length > 0 ? [`  generated folders outside the data directory (left alone): ${plan.outsideDataDir.length}`] : []),
  ].join('\n');
}

// Commander turns a parser's null into '', so "no limit" travels as 'none' until the action.
const days = (name: string, allowNull: string | null) => (value: string): number | 'none' => {
  if (allowNull !== null && value === allowNull) return 'none';
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1 || String(n) !== value.trim()) throw new AppError('VALIDATION_FAILED', `--${name} takes a number of days${allowNull === null ? '' : ` or "${allowNull}"`}.`, { option: name });
  return n;
};

function describeRules(rules: RetentionRules): string {
  return [
    `audit entries:      ${rules.auditDays} days`,
    `generation records: ${rules.generationDays === null ? 'while the project exists' : `${rules.generationDays} days`}`,
    `application logs:   ${rules.logDays} days`,
    `backups:            ${rules.backupDays === null ? 'per the backup policy' : `${rules.backupDays} days`}`,
  ].join('\n');
}

export function registerGdprCommands(program: Command, ctx: CliContext): void {
  const gdpr = program.command('gdpr').description('Your data: export it, erase it, set how long it is kept, see what is processed');

  gdpr
    .command('export')
    .description('Export everything Dihya holds about you as a zip of JSON and files, with a README and sha256 manifest (Art. 15, 20)')
    .option('-o, --out <file.zip>', 'where to write it (default: a new file in <data dir>/exports)')
    .option('--force', 'overwrite the file if it exists')
    .action(async (o: { out?: string; force?: boolean }) => {
      const result = await ctx.withCore((core) => core.dispatch('gdpr.export', { outPath: o.out === undefined ? undefined : resolve(o.out), overwrite: o.force === true }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Exported ${result.files} files (${result.bytes} bytes) to ${result.path}\nsha256 ${result.sha256}`);
    });

  gdpr
    .command('erase')
    .description('Erase one project or everything (Art. 17): rows, files and log lines removed, database compacted, a report of copies elsewhere')
    .option('-p, --project <id-or-name>', 'the project to erase')
    .option('--all', 'erase everything Dihya holds')
    .option('--yes', 'confirm; without it, only show what would be erased')
    .option('--report <file.md>', 'also write the erasure report to this file')
    .action(async (o: { project?: string; all?: boolean; yes?: boolean; report?: string }) => {
      if ((o.project === undefined) === (o.all !== true)) throw new AppError('VALIDATION_FAILED', 'Choose what to erase: --project ID or --all.');
      const result = await ctx.withCore(async (core) => {
        const target: ErasureTarget = o.all === true ? { scope: 'all' } : { scope: 'project', projectId: await projectIdFor(core, o.project as string) };
        const plan = await core.dispatch('gdpr.erasurePlan', { target });
        if (!o.yes) {
          if (ctx.globals().json) printJson(ctx.io, plan);
          else ctx.io.out(describePlan(plan));
          throw new AppError('CONFIRMATION_REQUIRED', 'Nothing was erased. Add --yes to erase, once you are sure.');
        }
        return core.dispatch('gdpr.erase', { target, confirm: true });
      });
      if (o.report !== undefined) writeFileSync(resolve(o.report), result.report);
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(result.report);
    });

  gdpr
    .command('retention')
    .description('Show or change how long each kind of data is kept; --apply applies the rules now')
    .option('--audit-days <days>', 'audit entries', days('audit-days', null))
    .option('--log-days <days>', 'rotated application logs', days('log-days', null))
    .option('--generation-days <days|keep>', 'generation records ("keep": while the project exists)', days('generation-days', 'keep'))
    .option('--backup-days <days|policy>', 'backups ("policy": per the backup policy)', days('backup-days', 'policy'))
    .option('--apply', 'apply the rules now (the scheduler also does, nightly)')
    .action(async (o: { auditDays?: number; logDays?: number; generationDays?: number | 'none'; backupDays?: number | 'none'; apply?: boolean }) => {
      const given = { auditDays: o.auditDays, logDays: o.logDays, generationDays: o.generationDays, backupDays: o.backupDays };
      const patch = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === 'none' ? null : v]));
      const result = await ctx.withCore(async (core) => {
        const rules = Object.keys(patch).length > 0 ? await core.dispatch('gdpr.retention.set', patch) : await core.dispatch('gdpr.retention.get', {});
        const applied = o.apply ? await core.dispatch('gdpr.retention.run', {}) : undefined;
        return { ...rules, ...(applied === undefined ? {} : { applied }) };
      });
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(describeRules(result.rules));
      if (result.applied !== undefined) {
        const a = result.applied;
        ctx.io.out(`Applied: ${a.audit.purged} audit entries, ${a.generations.deleted} generation records, ${a.logs.deletedFiles} log files removed; backups: ${a.backups.note}`);
      }
    });

  gdpr
    .command('record')
    .description('The record of processing activities (Art. 30) for this installation, as Markdown')
    .option('-o, --out <file.md>', 'write it to a file instead of printing it')
    .action(async (o: { out?: string }) => {
      const result = await ctx.withCore((core) => core.dispatch('gdpr.processingRecord', {}));
      if (o.out !== undefined) writeFileSync(resolve(o.out), result.markdown);
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (o.out === undefined) ctx.io.out(result.markdown);
      else ctx.io.out(`Written to ${resolve(o.out)}`);
    });
}
