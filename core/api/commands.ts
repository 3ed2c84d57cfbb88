import type { z } from 'zod';
import { appInfoInput, appInfoOutput } from './app.ts';
import {
  project,
  projectsCreateInput,
  projectsDeleteInput,
  projectsDeleteOutput,
  projectsGetInput,
  projectsListInput,
  projectsListOutput,
  projectsRenameInput,
} from './projects.ts';

interface CommandDefinition<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /**
   * `read` changes nothing. `write` runs in one SQLite transaction with its audit entry.
   * `task` changes things but runs long (backups, publishing, generation): it is not wrapped in a
   * transaction, keeps its own writes atomic, and its audit entries are appended when it ends.
   */
  effect: 'read' | 'write' | 'task';
  summary: string;
}

function command<I extends z.ZodType, O extends z.ZodType>(def: CommandDefinition<I, O>): CommandDefinition<I, O> {
  return Object.freeze(def);
}

/**
 * The contract: every operation any transport (IPC, HTTP, CLI) can ask of the core.
 * When adding a command: add it here, give it a handler in `core/host/handlers.ts` (the compiler
 * insists), and the transports pick it up on their own.
 */
export const commands = {
  'app.info': command({ input: appInfoInput, output: appInfoOutput, effect: 'read', summary: 'About this Dihya and its data directory' }),
  'projects.list': command({ input: projectsListInput, output: projectsListOutput, effect: 'read', summary: 'List projects, newest first' }),
  'projects.create': command({ input: projectsCreateInput, output: project, effect: 'write', summary: 'Create a project' }),
  'projects.get': command({ input: projectsGetInput, output: project, effect: 'read', summary: 'Read one project' }),
  'projects.rename': command({ input: projectsRenameInput, output: project, effect: 'write', summary: 'Rename a project' }),
  'projects.delete': command({ input: projectsDeleteInput, output: projectsDeleteOutput, effect: 'write', summary: 'Delete a project and its records' }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller may send (defaults still optional). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives after validation (defaults applied). */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}
