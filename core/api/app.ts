import { z } from 'zod';

export const appInfoInput = z.object({}).strict();

export const appInfoOutput = z.object({
  name: z.literal('Dihya'),
  version: z.string(),
  /** Which shell runs the core: the Electron desktop app, `dihya serve`, or the CLI. */
  mode: z.enum(['desktop', 'serve', 'cli', 'test']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  runtime: z.object({ node: z.string(), platform: z.string(), arch: z.string() }),
});
export type AppInfo = z.infer<typeof appInfoOutput>;
