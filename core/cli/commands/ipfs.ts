import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';
import { registerRemoteCommands } from './ipfs-remote.ts';
import { formatBytes } from './publish.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function waitForStopSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerIpfsCommands(program: Command, ctx: CliContext): void {
  const ipfs = program.command('ipfs').description('The embedded IPFS node: get content, pins, garbage collection, CAR files, sharing, remote pins');

  ipfs
    .command('get <cid>')
    .description('Write the content of a CID to a folder (or file)')
    .requiredOption('-o, --output <path>', 'where to write it')
    .option('--peer <multiaddr>', 'fetch from this peer when the content is not here (repeatable)', collect, [])
    .option('--timeout <seconds>', 'give up after this long', (v) => Number.parseInt(v, 10), 60)
    .option('--force', 'replace the output path if it exists')
    .action(async (cid: string, options: { output: string; peer: string[]; timeout: number; force?: boolean }) => {
      const result = await ctx.withCore((core) =>
        core.dispatch('ipfs.get', { cid, outputPath: resolve(options.output), peers: options.peer, timeoutMs: options.timeout * 1000, overwrite: options.force === true }),
      );
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Wrote ${result.kind === 'directory' ? `${result.fileCount} file(s), ` : ''}${formatBytes(result.sizeBytes)} to ${result.outputPath}`);
    });

  ipfs
    .command('pins')
    .description('List what this node keeps pinned')
    .action(async () => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.pins', {}));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('Nothing is pinned yet. Publish something with: dihya publish ./folder');
      ctx.io.out(
        formatTable(
          ['CID', 'ORIGIN', 'FILES', 'SIZE', 'PINNED'],
          result.items.map((pin) => [
            pin.cid,
            pin.origin,
            pin.publication === null ? '' : String(pin.publication.fileCount),
            pin.publication === null ? `${pin.blockCount} blocks` : formatBytes(pin.publication.sizeBytes),
            pin.pinnedAt.slice(0, 16).replace('T', ' '),
          ]),
        ),
      );
    });

  ipfs
    .command('unpin <cid>')
    .description('Stop keeping a CID on this node (run `dihya ipfs gc` to free the space)')
    .action(async (cid: string) => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.unpin', { cid }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Unpinned ${result.cid}`);
    });

  ipfs
    .command('gc')
    .description('Remove every block that no pin keeps')
    .action(async () => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.gc', {}));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Removed ${result.removedBlocks} block(s); kept ${result.keptBlocks}.`);
    });

  ipfs
    .command('export <cid>')
    .description('Write a CARv1 file of a CID held here (`ipfs dag import` accepts it)')
    .requiredOption('-o, --output <file>', 'the CAR file to write')
    .action(async (cid: string, options: { output: string }) => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.car.export', { cid, outputPath: resolve(options.output) }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Wrote ${result.path} (${result.blocks} blocks, ${formatBytes(result.bytes)})`);
    });

  ipfs
    .command('import <car>')
    .description('Import a CAR file (every block checked against its CID) and pin its roots')
    .option('-o, --output <path>', 'also restore the files of its root here')
    .action(async (car: string, options: { output?: string }) => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.car.import', { path: resolve(car), ...(options.output === undefined ? {} : { outputPath: resolve(options.output) }) }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Imported ${result.blocks} blocks; pinned ${result.roots.join(', ')}`);
      if (result.restored !== null) ctx.io.out(`Restored ${result.restored.fileCount} file(s) to ${result.restored.outputPath}`);
    });

  ipfs
    .command('status')
    .description('Show the state of the embedded node')
    .action(async () => {
      const status = await ctx.withCore(async (core) => core.dispatch('ipfs.status', {}));
      if (ctx.globals().json) return printJson(ctx.io, status);
      ctx.io.out(`IPFS node: ${status.state} (repository ${status.repoPath})`);
    });

  ipfs
    .command('share')
    .description('Take the node online and serve what it holds to peers that dial it, until Ctrl+C')
    .option('--listen <multiaddr>', 'listen here instead of the configured addresses (repeatable)', collect, [])
    .action(async (options: { listen: string[] }) => {
      const core = await ctx.openCore('cli');
      try {
        const status = await core.dispatch('ipfs.online', options.listen.length > 0 ? { listen: options.listen } : {});
        if (ctx.globals().json) printJson(ctx.io, status);
        else ctx.io.out(`Sharing as ${status.peerId}. Peers can fetch with --peer and one of:\n${status.addresses.map((a) => `  ${a}`).join('\n')}\nPress Ctrl+C to stop.`);
        await waitForStopSignal();
        await core.dispatch('ipfs.offline', {});
      } finally {
        await core.dispose();
      }
    });

  ipfs
    .command('settings')
    .description('Show or change IPFS settings')
    .option('--gateway <url>', 'gateway used for shareable links, e.g. https://ipfs.io')
    .option('--listen <multiaddr>', 'address to listen on when online (repeatable; replaces the list)', collect, [])
    .option('--max-connections <count>', 'connection cap when online', (v) => Number.parseInt(v, 10))
    .action(async (options: { gateway?: string; listen: string[]; maxConnections?: number }) => {
      const change = {
        ...(options.gateway === undefined ? {} : { gatewayUrl: options.gateway }),
        ...(options.listen.length === 0 ? {} : { listen: options.listen }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
      };
      const settings = await ctx.withCore((core) => (Object.keys(change).length === 0 ? core.dispatch('ipfs.settings.get', {}) : core.dispatch('ipfs.settings.set', change)));
      if (ctx.globals().json) return printJson(ctx.io, settings);
      ctx.io.out(`gateway:         ${settings.gatewayUrl}\nlisten:          ${settings.listen.join(' ')}\nmax connections: ${settings.maxConnections}`);
    });

  const backup = ipfs.command('backup').description('Encrypted backups through IPFS');
  backup
    .command('publish [backup]')
    .description('Publish a backup (the newest when not named); only encrypted backups are accepted')
    .option('--legacy', 'CIDv0 instead of CIDv1')
    .action(async (ref: string | undefined, options: { legacy?: boolean }) => {
      const result = await ctx.withCore((core) => core.dispatch('publish.backup', { ...(ref === undefined ? {} : { backup: ref }), profile: options.legacy ? 'legacy' : 'modern' }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Published the encrypted backup ${result.backup.fileName}:\n  ${result.publication.cid}`);
    });
  backup
    .command('fetch <cid>')
    .description('Fetch a published backup into the backup folder, ready for `dihya backup restore`')
    .option('--peer <multiaddr>', 'fetch from this peer (repeatable)', collect, [])
    .option('--timeout <seconds>', 'give up after this long', (v) => Number.parseInt(v, 10), 300)
    .action(async (cid: string, options: { peer: string[]; timeout: number }) => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.backup.fetch', { cid, peers: options.peer, timeoutMs: options.timeout * 1000 }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Fetched ${result.fileName} into the backup folder${result.verified ? ' and verified it' : ' (give its passphrase to restore it)'}.\nRestore with: dihya backup restore ${result.fileName}`);
    });

  registerRemoteCommands(ipfs, ctx);
}
