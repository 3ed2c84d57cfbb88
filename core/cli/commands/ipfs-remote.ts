import type { Command } from 'commander';
import type { IpfsRemote, RemotePin } from '../../api/index.ts';
import { AppError, isErrorCode } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';

async function findRemote(core: Core, idOrName: string): Promise<IpfsRemote> {
  const { items } = await core.dispatch('ipfs.remotes.list', {});
  const wanted = idOrName.trim().toLocaleLowerCase('und');
  const match = items.find((r) => r.id === idOrName || r.name.toLocaleLowerCase('und') === wanted);
  if (match === undefined) throw new AppError('NOT_FOUND', `No remote is named "${idOrName}". See: dihya ipfs remote ls`, { name: idOrName });
  return match;
}

function describePin(pin: RemotePin): string {
  switch (pin.status) {
    case 'pinned':
      return `Pinned ${pin.cid} on ${pin.remoteName}.`;
    case 'pinning':
      return `${pin.remoteName} accepted ${pin.cid} and is still pinning it; Dihya will check again (dihya ipfs remote retry).`;
    case 'failed':
      return `${pin.remoteName} could not pin ${pin.cid}: ${pin.lastError?.message ?? 'no reason given'}`;
    case 'queued':
      return `Queued for retry at ${pin.nextAttemptAt ?? '?'} (attempt ${pin.attempts}).`;
  }
}

/** A pin left queued or failed is a failure for scripts: the exit code follows its error code. */
function failureOf(pin: RemotePin): AppError | undefined {
  if (pin.status !== 'queued' && pin.status !== 'failed') return undefined;
  const code = pin.lastError !== null && isErrorCode(pin.lastError.code) ? pin.lastError.code : 'REMOTE_FAILED';
  return new AppError(code, `${pin.lastError?.message ?? 'The remote pin failed.'} ${describePin(pin)}`, { remotePinId: pin.id, status: pin.status });
}

export function registerRemoteCommands(ipfs: Command, ctx: CliContext): void {
  const remote = ipfs.command('remote').description('Remote pinning: a Kubo node (RPC API) or an IPFS Pinning Service');

  remote
    .command('add <name>')
    .description('Add a remote; its token is read from an environment variable so it never appears in your shell history')
    .requiredOption('--kind <kind>', 'kubo or pinning-service')
    .requiredOption('--endpoint <url>', 'e.g. http://127.0.0.1:5001 (Kubo) or https://api.example.com/psa (service)')
    .option('--token-env <variable>', 'name of the environment variable holding the access token')
    .action(async (name: string, options: { kind: string; endpoint: string; tokenEnv?: string }) => {
      let token: string | undefined;
      if (options.tokenEnv !== undefined) {
        token = ctx.env[options.tokenEnv];
        if (!token) throw new AppError('VALIDATION_FAILED', `The environment variable ${options.tokenEnv} is not set.`, { variable: options.tokenEnv });
      }
      const added = await ctx.withCore((core) =>
        core.dispatch('ipfs.remotes.add', { name, kind: options.kind as 'kubo' | 'pinning-service', endpoint: options.endpoint, ...(token === undefined ? {} : { token }) }),
      );
      if (ctx.globals().json) return printJson(ctx.io, added);
      ctx.io.out(`Added ${added.kind} remote "${added.name}" (${added.endpoint})${added.hasToken ? ' with a token' : ''}.`);
    });

  remote
    .command('ls')
    .description('List remotes')
    .action(async () => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.remotes.list', {}));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('No remotes. Add one with: dihya ipfs remote add NAME --kind kubo --endpoint http://127.0.0.1:5001');
      ctx.io.out(formatTable(['NAME', 'KIND', 'ENDPOINT', 'TOKEN'], result.items.map((r) => [r.name, r.kind, r.endpoint, r.hasToken ? 'yes' : 'no'])));
    });

  remote
    .command('rm <remote>')
    .description('Remove a remote and its queued operations')
    .action(async (idOrName: string) => {
      const result = await ctx.withCore(async (core) => core.dispatch('ipfs.remotes.remove', { id: (await findRemote(core, idOrName)).id }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      ctx.io.out(`Removed remote ${idOrName}.`);
    });

  remote
    .command('pin <remote> <cid>')
    .description('Pin a CID on a remote; if it fails, the operation is queued and retried with backoff')
    .option('--timeout <seconds>', 'give up this attempt after this long', (v) => Number.parseInt(v, 10), 30)
    .action(async (idOrName: string, cid: string, options: { timeout: number }) => {
      const pin = await ctx.withCore(async (core) => core.dispatch('ipfs.remotes.pin', { remoteId: (await findRemote(core, idOrName)).id, cid, timeoutMs: options.timeout * 1000 }));
      if (ctx.globals().json) printJson(ctx.io, pin);
      else if (failureOf(pin) === undefined) ctx.io.out(describePin(pin));
      const failure = failureOf(pin);
      if (failure !== undefined) throw failure;
    });

  remote
    .command('pins')
    .description('Remote pins and the retry queue')
    .action(async () => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.remotes.pins', {}));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('No remote pins yet.');
      ctx.io.out(
        formatTable(
          ['REMOTE', 'CID', 'STATUS', 'ATTEMPTS', 'NEXT ATTEMPT', 'LAST ERROR'],
          result.items.map((p) => [p.remoteName, p.cid, p.status, String(p.attempts), p.nextAttemptAt?.slice(0, 19).replace('T', ' ') ?? '', p.lastError?.message.slice(0, 60) ?? '']),
        ),
      );
    });

  remote
    .command('retry')
    .description('Retry queued remote pins whose backoff has elapsed, and check pending ones')
    .option('--all', 'retry every queued pin now')
    .action(async (options: { all?: boolean }) => {
      const result = await ctx.withCore((core) => core.dispatch('ipfs.remotes.retry', { all: options.all === true }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.attempted === 0) return ctx.io.out('Nothing is due.');
      for (const pin of result.items) ctx.io.out(describePin(pin));
    });
}
