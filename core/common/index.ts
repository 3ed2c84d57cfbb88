export { AppError, ERROR_CODES, appErrorFromSerialized, isAppError, isErrorCode } from './app-error.ts';
export type { ErrorCode, ErrorDetails, SerializedError } from './app-error.ts';
export { assertNever } from './assert-never.ts';
export { DisposableStore, toDisposable } from './disposable.ts';
export type { Disposable } from './disposable.ts';
export { fixedClock, systemClock } from './clock.ts';
export type { Clock } from './clock.ts';
export { newId } from './ids.ts';
export { nameKey, slugify } from './slug.ts';
