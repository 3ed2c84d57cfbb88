import { assertNever, type ErrorCode } from '../common/index.ts';

/**
 * Exit codes are part of the CLI's contract for scripts (documented in the README).
 * 0 success · 1 unexpected · 2 usage · 3 invalid input · 4 not found · 5 conflict ·
 * 6 store unusable (read-only, corrupt, unavailable) · 7 refused (auth, wrong passphrase) · 8 address in use ·
 * 9 backup unusable (damaged, or from a newer Dihya) · 10 disk full ·
 * 11 integrity check failed (a CAR or fetched content does not match its hashes) · 12 a remote service failed
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, invalidInput: 3, notFound: 4, conflict: 5, store: 6, refused: 7, addressInUse: 8, backupUnusable: 9, diskFull: 10, integrity: 11, remoteFailed: 12 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
    case 'UNKNOWN_COMMAND':
    case 'PAYLOAD_TOO_LARGE':
      return EXIT.invalidInput;
    case 'NOT_FOUND':
      return EXIT.notFound;
    case 'CONFLICT':
      return EXIT.conflict;
    case 'STORE_READ_ONLY':
    case 'STORE_CORRUPT':
    case 'STORE_UNAVAILABLE':
      return EXIT.store;
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return EXIT.refused;
    case 'ADDRESS_IN_USE':
      return EXIT.addressInUse;
    case 'BACKUP_CORRUPT':
    case 'BACKUP_UNSUPPORTED':
      return EXIT.backupUnusable;
    case 'WRONG_PASSPHRASE':
      return EXIT.refused;
    case 'PASSPHRASE_REQUIRED':
      return EXIT.invalidInput;
    case 'DISK_FULL':
      return EXIT.diskFull;
    case 'CONFIRMATION_REQUIRED':
      return EXIT.refused;
    case 'INTEGRITY_FAILED':
      return EXIT.integrity;
    case 'REMOTE_FAILED':
      return EXIT.remoteFailed;
    case 'INTERNAL':
      return EXIT.internal;
    default:
      return assertNever(code, 'error code');
  }
}
