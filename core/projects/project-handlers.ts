import type { Handlers } from '../host/handler-types.ts';
import { createProject, deleteProject, getProject, listProjects, renameProject } from './projects-repository.ts';

type ProjectHandlers = Pick<Handlers, 'projects.list' | 'projects.get' | 'projects.create' | 'projects.rename' | 'projects.delete'>;

export const projectHandlers: ProjectHandlers = {
  'projects.list': (input, ctx) => listProjects(ctx.db, input),
  'projects.get': (input, ctx) => getProject(ctx.db, input.id),
  'projects.create': async (input, ctx) => {
    const project = await createProject(ctx.db, input, ctx.clock.now());
    ctx.audit({ action: 'project.create', subject: project.id, details: { name: project.name } });
    ctx.emit({ type: 'project.created', project });
    return project;
  },
  'projects.rename': async (input, ctx) => {
    const { before, after } = await renameProject(ctx.db, input.id, input.name, ctx.clock.now());
    ctx.audit({ action: 'project.rename', subject: after.id, details: { from: before.name, to: after.name } });
    ctx.emit({ type: 'project.updated', project: after });
    return after;
  },
  'projects.delete': async (input, ctx) => {
    const removed = await deleteProject(ctx.db, input.id);
    ctx.audit({ action: 'project.delete', subject: removed.id, details: {} });
    ctx.emit({ type: 'project.deleted', id: removed.id });
    return { id: removed.id, deleted: true as const };
  },
};
