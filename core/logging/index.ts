export { LOG_DIR, createAppLog } from './app-logger.ts';
export type { AppLog, AppLogOptions, AppLogger } from './app-logger.ts';
export { DEFAULT_LOG_MAX_BYTES, DEFAULT_LOG_MAX_FILES, RotatingFile } from './rotating-file.ts';
export type { RotatingFileOptions } from './rotating-file.ts';
