import { redactText, redactValue } from './redact.ts';

/**
 * The one error type that crosses module and transport boundaries.
 *
 * Every failure a user can cause or meet has a code from `ErrorCode`; transports serialise it as
 * `{ code, message, details }` and callers branch on `code`, never on the message text.
 * When adding a code: give it an HTTP status in `core/server/http-status.ts` and a CLI exit code in
 * `core/cli/exit-codes.ts` (both switches are exhaustive, so the compiler points at them).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNKNOWN_COMMAND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  'STORE_READ_ONLY',
  'STORE_CORRUPT',
  'STORE_UNAVAILABLE',
  'ADDRESS_IN_USE',
  // Backups: a damaged or unreadable archive, one from a newer Dihya, passphrase problems, no space left.
  'BACKUP_CORRUPT',
  'BACKUP_UNSUPPORTED',
  'WRONG_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'DISK_FULL',
  // Publishing: consent needed (public content with personal data), content that fails its hashes, a remote that failed.
  'CONFIRMATION_REQUIRED',
  'INTEGRITY_FAILED',
  'REMOTE_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Readonly<Record<string, unknown>>;

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The same error with credentials removed and e-mails and phone numbers masked (message and details). */
  redacted(): AppError {
    return new AppError(this.code, redactText(this.message), this.details === undefined ? undefined : redactValue(this.details), { cause: this.cause });
  }

  /** The form every transport sends: redacted here, once, so no credential or e-mail leaves the core. */
  toJSON(): SerializedError {
    const message = redactText(this.message);
    return this.details === undefined
      ? { code: this.code, message }
      : { code: this.code, message, details: redactValue(this.details) };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Rebuilds an AppError on the far side of a transport from its serialised form. */
export function appErrorFromSerialized(value: unknown): AppError {
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (isErrorCode(record.code) && typeof record.message === 'string') {
      const details = typeof record.details === 'object' && record.details !== null
        ? (record.details as ErrorDetails)
        : undefined;
      return new AppError(record.code, record.message, details);
    }
  }
  return new AppError('INTERNAL', 'The other side answered with an unreadable error.', { received: String(value) });
}
