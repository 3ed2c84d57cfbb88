import { z } from 'zod';

/** Names are what people type: trimmed, no control characters, bounded so tables and paths stay sane. */
export const projectName = z
  .string()
  .trim()
  .min(1, 'A project needs a name.')
  .max(120, 'A project name has at most 120 characters.')
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'A project name cannot contain control characters.');

export const projectId = z.string().uuid('A project id is a UUID.');

export const project = z.object({
  id: projectId,
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof project>;

export const projectsListInput = z
  .object({
    search: z.string().trim().max(120).optional(),
    limit: z.number().int().min(1).max(10_000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const projectsListOutput = z.object({
  items: z.array(project),
  total: z.number().int().min(0),
});

export const projectsCreateInput = z
  .object({
    name: projectName,
    description: z.string().trim().max(2_000, 'A description has at most 2000 characters.').default(''),
  })
  .strict();

export const projectsGetInput = z.object({ id: projectId }).strict();

export const projectsRenameInput = z.object({ id: projectId, name: projectName }).strict();

export const projectsDeleteInput = z.object({ id: projectId }).strict();
export const projectsDeleteOutput = z.object({ id: projectId, deleted: z.literal(true) });
