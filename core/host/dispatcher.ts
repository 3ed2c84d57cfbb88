import type { Kysely } from 'kysely';
import { commands, isCommandName, type CommandName, type CommandOutput, type DihyaEvent } from '../api/index.ts';
import { appendAuditEntry, type AuditEntryInput } from '../audit/index.ts';
import { AppError, assertNever, type Clock } from '../common/index.ts';
import { translateStoreError, type Database } from '../db/index.ts';
import type { AppLogger } from '../logging/index.ts';
import type { EventBus } from './event-bus.ts';
import type { HandlerContext, Handlers } from './handler-types.ts';
import { validationError } from './validation.ts';

export interface CallContext {
  actor?: string;
}

export interface DispatcherDeps {
  db: Kysely<Database>;
  dbFile: string;
  dataDir: string;
  clock: Clock;
  bus: EventBus;
  handlers: Handlers;
  /** Called after every commit that appended audit entries: keeps the recorded head (audit-head.json) current. */
  afterAudit?: () => void;
  logger?: Pick<AppLogger, 'info' | 'error'>;
}

export type Dispatch = <K extends CommandName>(command: K | string, input: unknown, context?: CallContext) => Promise<CommandOutput<K>>;

/**
 * The single door into the core: checks the command exists, validates input and output with the
 * contract's schemas, runs mutating commands in one transaction with their audit entry, and only
 * then publishes their events. Every transport calls this and nothing else.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async function dispatch<K extends CommandName>(command: K | string, rawInput: unknown, context: CallContext = {}): Promise<CommandOutput<K>> {
    if (!isCommandName(command)) {
      throw new AppError('UNKNOWN_COMMAND', `There is no command named "${String(command).slice(0, 80)}".`, { command: String(command).slice(0, 80) }).redacted();
    }
    const definition = commands[command];
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(command, parsed.error).redacted();

    const actor = context.actor ?? 'local';
    const events: DihyaEvent[] = [];
    const audits: AuditEntryInput[] = [];
    const run = async (db: Kysely<Database>): Promise<unknown> => {
      const ctx: HandlerContext = {
        db,
        clock: deps.clock,
        dataDir: deps.dataDir,
        actor,
        audit: (entry) => audits.push(entry),
        emit: (event) => events.push(event),
      };
      const handler = deps.handlers[command] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      return handler(parsed.data, ctx);
    };
    const writeAudits = async (db: Kysely<Database>): Promise<void> => {
      if (audits.length === 0) throw new AppError('INTERNAL', `Command ${command} changed data without an audit entry.`, { command });
      const at = deps.clock.now().toISOString();
      for (const entry of audits) await appendAuditEntry(db, { ...entry, actor, at });
    };

    const recordAuditHead = (): void => {
      try {
        deps.afterAudit?.();
      } catch (error) {
        deps.logger?.error({ command, err: error }, 'The audit head could not be recorded; `dihya audit verify` will show it behind.');
      }
    };

    let output: unknown;
    let audited = false;
    try {
      switch (definition.effect) {
        case 'read':
          output = await run(deps.db);
          break;
        case 'write':
          output = await deps.db.transaction().execute(async (trx) => {
            const result = await run(trx);
            await writeAudits(trx);
            return result;
          });
          break;
        case 'task':
          try {
            output = await run(deps.db);
          } catch (error) {
            // A task is not rolled back: what it did before failing stays done (a failed run's
            // record, a backup made before its prune failed), so the entries it recorded — its
            // failure included — are appended; a task that recorded nothing adds nothing.
            if (audits.length > 0) {
              audited = await deps.db
                .transaction()
                .execute(writeAudits)
                .then(
                  () => true,
                  (auditError: unknown) => {
                    deps.logger?.error({ command, err: auditError }, 'The audit entries of a failed task could not be written.');
                    return false;
                  },
                );
            }
            throw error;
          }
          await deps.db.transaction().execute(writeAudits);
          break;
        default:
          assertNever(definition.effect, 'command effect');
      }
    } catch (error) {
      if (audited) recordAuditHead();
      // Errors leave the core redacted (credentials removed, e-mails and phones masked), and are logged so.
      const failure = translateStoreError(error, deps.dbFile).redacted();
      if (failure.code === 'INTERNAL') deps.logger?.error({ command, code: failure.code, details: failure.details, err: error }, failure.message);
      else deps.logger?.info({ command, code: failure.code }, failure.message);
      throw failure;
    }
    if (audits.length > 0) recordAuditHead();
    const checked = definition.output.safeParse(output);
    if (!checked.success) {
      throw new AppError('INTERNAL', `Command ${command} produced output that breaks the contract.`, { command, issues: checked.error.issues.slice(0, 5) });
    }
    for (const event of events) deps.bus.emit(event);
    return checked.data as CommandOutput<K>;
  };
}
