export { projectHandlers } from './project-handlers.ts';
export { createProject, deleteProject, getProject, listProjects, renameProject } from './projects-repository.ts';
