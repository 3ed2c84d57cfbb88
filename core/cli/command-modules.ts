import type { Command } from 'commander';
import type { CliContext } from './cli-context.ts';
import { registerProjectCommands } from './commands/projects.ts';
import { registerServeCommand } from './commands/serve.ts';

/** Every command group of the CLI, in the order `--help` lists them. Add a feature's group here. */
export const commandModules: ((program: Command, ctx: CliContext) => void)[] = [registerProjectCommands, registerServeCommand];
