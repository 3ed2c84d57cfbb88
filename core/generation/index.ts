export { generationHandlers } from './generation-handlers.ts';
export { BUILTIN_TEMPLATES_DIR, GenerationService } from './generation-service.ts';
export type { GenerationServiceDeps } from './generation-service.ts';
export { markInterruptedGenerations } from './interrupted-runs.ts';
export { modelFromSpec, validateModel } from './load-model.ts';
