import type { Handlers } from '../host/handler-types.ts';
import { listGeneratedFiles, readGeneratedFile, verifyGeneration } from './generation-files.ts';
import type { GenerationService } from './generation-service.ts';
import { getRun, listRuns } from './generations-repository.ts';

type GenerationCommand = 'generation.preview' | 'generation.run' | 'generation.list' | 'generation.get' | 'generation.files' | 'generation.readFile' | 'generation.verify' | 'generation.stacks';

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function generationHandlers(service: GenerationService): Pick<Handlers, GenerationCommand> {
  return {
    'generation.preview': (input, ctx) => service.preview(input, ctx),
    'generation.run': (input, ctx) => service.run(input, ctx),
    'generation.list': (input, ctx) => listRuns(ctx.db, input),
    'generation.get': async (input, ctx) => {
      const { modelJson, lockJson, warningsJson, ...summary } = await getRun(ctx.db, input.id);
      return { ...summary, model: parseJson(modelJson), lock: parseJson(lockJson), warnings: (parseJson(warningsJson) as { code: string; message: string }[] | null) ?? [] };
    },
    'generation.files': (input, ctx) => listGeneratedFiles(ctx.db, input.id),
    'generation.readFile': (input, ctx) => readGeneratedFile(ctx.db, input.id, input.path),
    'generation.verify': (input, ctx) => verifyGeneration(ctx.db, input),
    'generation.stacks': async () => ({ items: await service.stacks() }),
  };
}
