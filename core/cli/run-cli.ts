import { Command, CommanderError } from 'commander';
import { isAppError } from '../common/index.ts';
import { DIHYA_VERSION } from '../host/index.ts';
import { createCliContext } from './cli-context.ts';
import { commandModules } from './command-modules.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { processIo, type CliIo } from './output.ts';

const HELP_FOOTER = `
Data directory: --data-dir, else $DIHYA_DATA_DIR, else your platform's user data folder.
Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 invalid input, 4 not found, 5 conflict,
            6 store unusable (read-only, corrupt), 7 refused (or wrong passphrase), 8 address in use,
            9 backup unusable (damaged, or from a newer Dihya), 10 disk full,
            11 integrity check failed, 12 remote service failed (queued for retry).`;

/** Runs one CLI invocation and returns its exit code; `bin/dihya.js` exits with it. */
export async function runCli(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = new Command('dihya')
    .description('Dihya turns a written project specification into complete, working software — offline.')
    .version(DIHYA_VERSION, '-v, --version')
    .option('--data-dir <path>', 'where Dihya keeps its database and files')
    .option('--json', 'machine-readable JSON output')
    .addHelpText('after', HELP_FOOTER)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const ctx = createCliContext(program, io, env);
  for (const register of commandModules) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  try {
    await program.parseAsync(['node', 'dihya', ...argv]);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isAppError(error)) {
      if (program.opts<{ json?: boolean }>().json) io.err(JSON.stringify({ error: error.toJSON() }));
      else io.err(`dihya: ${error.message} [${error.code}]`);
      return exitCodeFor(error.code);
    }
    io.err(`dihya: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}
