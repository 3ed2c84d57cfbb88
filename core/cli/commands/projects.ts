import type { Command } from 'commander';
import type { Project } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson } from '../output.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** People type names, scripts pass ids: accept both, and refuse a name that is ambiguous or unknown. */
async function findProject(core: Core, idOrName: string): Promise<Project> {
  if (UUID.test(idOrName)) return core.dispatch('projects.get', { id: idOrName });
  const wanted = idOrName.trim().toLocaleLowerCase('und');
  const { items } = await core.dispatch('projects.list', { search: idOrName.trim(), limit: 10_000 });
  const match = items.find((p) => p.name.toLocaleLowerCase('und') === wanted);
  if (match === undefined) throw new AppError('NOT_FOUND', `No project is named "${idOrName}".`, { name: idOrName });
  return match;
}

function describe(project: Project): string {
  return `${project.name} (${project.slug}, ${project.id})`;
}

export function registerProjectCommands(program: Command, ctx: CliContext): void {
  const projects = program.command('projects').description('Create, list, rename and remove projects');

  projects
    .command('list')
    .alias('ls')
    .description('List projects, most recently changed first')
    .option('-s, --search <text>', 'only projects whose name contains this text')
    .option('-n, --limit <count>', 'at most this many', (v) => Number.parseInt(v, 10), 100)
    .action(async (options: { search?: string; limit: number }) => {
      const result = await ctx.withCore((core) => core.dispatch('projects.list', { search: options.search, limit: options.limit }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out(options.search ? `No project matches "${options.search}".` : 'No projects yet. Create one with: dihya projects create "My project"');
      ctx.io.out(formatTable(['NAME', 'SLUG', 'UPDATED', 'ID'], result.items.map((p) => [p.name, p.slug, p.updatedAt.slice(0, 16).replace('T', ' '), p.id])));
      if (result.total > result.items.length) ctx.io.out(`(${result.items.length} of ${result.total}; use --limit to see more)`);
    });

  projects
    .command('create <name>')
    .description('Create a project')
    .option('-d, --description <text>', 'what the project is about', '')
    .action(async (name: string, options: { description: string }) => {
      const project = await ctx.withCore((core) => core.dispatch('projects.create', { name, description: options.description }));
      if (ctx.globals().json) return printJson(ctx.io, project);
      ctx.io.out(`Created ${describe(project)}`);
    });

  projects
    .command('rename <project> <newName>')
    .description('Rename a project (by id or name); its slug stays')
    .action(async (idOrName: string, newName: string) => {
      const project = await ctx.withCore(async (core) => core.dispatch('projects.rename', { id: (await findProject(core, idOrName)).id, name: newName }));
      if (ctx.globals().json) return printJson(ctx.io, project);
      ctx.io.out(`Renamed to ${describe(project)}`);
    });

  projects
    .command('rm <project>')
    .alias('delete')
    .description('Remove a project (by id or name) and its records')
    .action(async (idOrName: string) => {
      const removed = await ctx.withCore(async (core) => {
        const project = await findProject(core, idOrName);
        await core.dispatch('projects.delete', { id: project.id });
        return project;
      });
      if (ctx.globals().json) return printJson(ctx.io, { id: removed.id, deleted: true });
      ctx.io.out(`Removed ${describe(removed)}`);
    });
}
