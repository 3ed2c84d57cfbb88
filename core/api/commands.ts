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
  /** Mutating commands run in one transaction with their audit entry. */
  mutates: boolean;
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
  'app.info': command({ input: appInfoInput, output: appInfoOutput, mutates: false, summary: 'About this Dihya and its data directory' }),
  'projects.list': command({ input: projectsListInput, output: projectsListOutput, mutates: false, summary: 'List projects, newest first' }),
  'projects.create': command({ input: projectsCreateInput, output: project, mutates: true, summary: 'Create a project' }),
  'projects.get': command({ input: projectsGetInput, output: project, mutates: false, summary: 'Read one project' }),
  'projects.rename': command({ input: projectsRenameInput, output: project, mutates: true, summary: 'Rename a project' }),
  'projects.delete': command({ input: projectsDeleteInput, output: projectsDeleteOutput, mutates: true, summary: 'Delete a project and its records' }),
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
