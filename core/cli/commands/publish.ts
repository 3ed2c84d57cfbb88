import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CidProfile } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { printJson } from '../output.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

async function projectIdFor(core: Core, idOrName: string): Promise<string> {
  if (UUID.test(idOrName)) return (await core.dispatch('projects.get', { id: idOrName })).id;
  const wanted = idOrName.trim().toLocaleLowerCase('und');
  const { items } = await core.dispatch('projects.list', { search: idOrName.trim(), limit: 10_000 });
  const match = items.find((p) => p.name.toLocaleLowerCase('und') === wanted);
  if (match === undefined) throw new AppError('NOT_FOUND', `No project is named "${idOrName}".`, { name: idOrName });
  return match.id;
}

export function registerPublishCommands(program: Command, ctx: CliContext): void {
  program
    .command('publish <path>')
    .description('Publish a folder or file to IPFS from the embedded node (pinned here; same content, same CID)')
    .option('--legacy', 'CIDv0 as `ipfs add` has always made them (256 KiB chunks, 174 links) instead of CIDv1')
    .option('--car <file>', 'also write a CARv1 of what was published (for `ipfs dag import`)')
    .option('--project <project>', 'record the publication under this project (id or name)')
    .option('--yes-public', 'publish even though the output contains data tagged as personal (IPFS content is public)')
    .action(async (path: string, options: { legacy?: boolean; car?: string; project?: string; yesPublic?: boolean }) => {
      const profile: CidProfile = options.legacy ? 'legacy' : 'modern';
      const result = await ctx.withCore(async (core) =>
        core.dispatch('publish.run', {
          path: resolve(path),
          profile,
          ...(options.car === undefined ? {} : { carPath: resolve(options.car) }),
          ...(options.project === undefined ? {} : { projectId: await projectIdFor(core, options.project) }),
          confirmPersonalData: options.yesPublic === true,
        }),
      );
      if (ctx.globals().json) return printJson(ctx.io, result);
      const p = result.publication;
      const what = p.kind === 'directory' ? `${p.fileCount} file${p.fileCount === 1 ? '' : 's'}, ${formatBytes(p.sizeBytes)}` : formatBytes(p.sizeBytes);
      ctx.io.out(`${result.unchanged ? 'Unchanged since the last publication' : 'Published'} (${what}, ${p.profile} CID):\n  ${p.cid}\n  ${p.gatewayUrl}`);
      ctx.io.out('Pinned on this node. Others can fetch it while a node that has it is reachable (see `dihya ipfs share`, remote pins).');
      if (result.lock.status === 'matches') ctx.io.out('Provenance: dihya.lock.json matches every file.');
      if (result.lock.status === 'differs') ctx.io.out(`Warning: ${result.lock.problems} file(s) differ from dihya.lock.json; \`dihya verify --cid\` will report them.`);
      if (result.lock.personalData.length > 0) ctx.io.out(`Published with personal data, as confirmed: ${result.lock.personalData.join(', ')}`);
      if (result.car !== null) ctx.io.out(`CAR written: ${result.car.path} (${result.car.blocks} blocks, ${formatBytes(result.car.bytes)})`);
    });
}
