import type { Command } from 'commander';
import type { CliContext } from './cli-context.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerGdprCommands } from './commands/gdpr.ts';
import { registerGenerateCommands } from './commands/generate.ts';
import { registerProjectCommands } from './commands/projects.ts';
import { registerIpfsCommands } from './commands/ipfs.ts';
import { registerJobCommands } from './commands/jobs.ts';
import { registerPublishCommands } from './commands/publish.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSpecCommands } from './commands/spec.ts';

/** Every command group of the CLI, in the order `--help` lists them. Add a feature's group here. */
export const commandModules: ((program: Command, ctx: CliContext) => void)[] = [registerProjectCommands, registerSpecCommands, registerPublishCommands, registerGenerateCommands, registerIpfsCommands, registerAuditCommands, registerGdprCommands, registerBackupCommands, registerJobCommands, registerServeCommand];
