import type { Kysely } from 'kysely';
import type { CommandName, CommandOutput, DihyaEvent, ParsedInput } from '../api/index.ts';
import type { AuditEntryInput } from '../audit/index.ts';
import type { Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';

export interface HandlerContext {
  /** Inside a transaction for mutating commands. */
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly dataDir: string;
  /** Who asked: `local` for the desktop and CLI user, `http` for serve-mode callers. */
  readonly actor: string;
  /**
   * Records what the command changed; mutating commands must call it (the dispatcher checks). A
   * `write` command's entries are rolled back with it when it fails; a `task`'s are appended when it
   * ends, failed or not — so a task records its failure (`<action>.failed`, the error code, no
   * personal data) by calling this before it rethrows, as generation.run does.
   */
  audit(entry: AuditEntryInput): void;
  /** Queued, and delivered only once the command's transaction has committed. */
  emit(event: DihyaEvent): void;
}

export type Handler<K extends CommandName> = (input: ParsedInput<K>, ctx: HandlerContext) => Promise<CommandOutput<K>>;

export type Handlers = { [K in CommandName]: Handler<K> };
