// The contract, importable from every layer (renderer included): zod and types only, no node: imports.
export * from './app.ts';
export * from './projects.ts';
export * from './generation.ts';
export * from './publish.ts';
export * from './audit.ts';
export * from './gdpr.ts';
export * from './scheduler.ts';
export * from './backup.ts';
export * from './project-model.ts';
export * from './spec.ts';
export * from './commands.ts';
export * from './events.ts';
export type * from './client.ts';
export { clientFromBridge } from './bridge-client.ts';
export { COMMAND_CHANNEL_PREFIX, EVENT_CHANNEL, commandChannel } from './ipc-channels.ts';
export { AppError, ERROR_CODES, appErrorFromSerialized, isAppError, isErrorCode } from '../common/app-error.ts';
export type { ErrorCode, SerializedError } from '../common/app-error.ts';
