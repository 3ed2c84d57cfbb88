export { createCore } from './create-core.ts';
export type { Core, CoreConfig, CorePorts } from './create-core.ts';
export type { CoreServices } from './handlers.ts';
export type { CallContext, Dispatch } from './dispatcher.ts';
export { DIHYA_VERSION } from './version.ts';
export { resolveDataDir } from './data-dir.ts';
