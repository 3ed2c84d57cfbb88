import { assertNever, type ErrorCode } from '../common/index.ts';

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'UNKNOWN_COMMAND':
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'STORE_READ_ONLY':
    case 'STORE_CORRUPT':
    case 'STORE_UNAVAILABLE':
    case 'ADDRESS_IN_USE':
      return 503;
    case 'BACKUP_CORRUPT':
    case 'BACKUP_UNSUPPORTED':
    case 'WRONG_PASSPHRASE':
    case 'PASSPHRASE_REQUIRED':
      return 422;
    case 'DISK_FULL':
      return 507;
    case 'CONFIRMATION_REQUIRED':
      return 428;
    case 'INTEGRITY_FAILED':
      return 422;
    case 'REMOTE_FAILED':
      return 502;
    case 'INTERNAL':
      return 500;
    default:
      return assertNever(code, 'error code');
  }
}
