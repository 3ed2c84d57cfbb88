import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { redactText, redactValue, type Disposable } from '../common/index.ts';
import { RotatingFile, type RotatingFileOptions } from './rotating-file.ts';

export type AppLogger = Logger;

export const LOG_DIR = 'logs';

export interface AppLogOptions {
  dataDir: string;
  level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxBytes?: RotatingFileOptions['maxBytes'];
  maxFiles?: RotatingFileOptions['maxFiles'];
}

export interface AppLog extends Disposable {
  readonly logger: AppLogger;
  readonly file: RotatingFile;
  readonly dir: string;
  dispose(): void;
}

/**
 * The application log: pino JSON lines in `<dataDir>/logs/dihya.log`, rotated by size.
 *
 * Redaction happens twice, on purpose. Structurally (values under credential-named keys, every
 * string, Error messages and stacks) before pino serialises; then over the finished line, which
 * also covers child-logger bindings and anything a serializer let through. No hostname is
 * logged (it often carries the user's name).
 */
export function createAppLog(options: AppLogOptions): AppLog {
  const dir = join(options.dataDir, LOG_DIR);
  const file = new RotatingFile({ dir, maxBytes: options.maxBytes, maxFiles: options.maxFiles });
  const destination = { write: (line: string) => file.write(redactText(line)) };
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => redactValue(object) },
      serializers: { err: (error: Error) => redactValue(pino.stdSerializers.err(error)) },
      hooks: {
        logMethod(args, method) {
          const safe = args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>;
          method.apply(this, safe);
        },
      },
    },
    destination,
  );
  return { logger, file, dir, dispose: () => file.dispose() };
}
