import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { printJson } from '../output.ts';

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Run the sovereign node: the Dihya UI and API in your browser')
    .option('--host <address>', 'address to listen on (127.0.0.1 keeps it to this machine)', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', (v) => Number.parseInt(v, 10), 4870)
    .action(async (options: { host: string; port: number }) => {
      // Loaded here, not at start: every other command would pay for Fastify and its plugins.
      const { startServer } = await import('../../server/index.ts');
      const core = await ctx.openCore('serve');
      try {
        const server = await startServer({ core, host: options.host, port: options.port, token: ctx.env.DIHYA_ACCESS_TOKEN || undefined });
        if (ctx.globals().json) printJson(ctx.io, { url: server.url, openUrl: server.openUrl, port: server.port, dataDir: core.dataDir });
        else ctx.io.out(`Dihya is serving at ${server.openUrl}\nData directory: ${core.dataDir}\nPress Ctrl+C to stop.`);
        await waitForStopSignal();
        await server.close();
      } finally {
        await core.dispose();
      }
    });
}
