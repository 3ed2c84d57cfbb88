import { SPEC_TEXT_MAX_CHARS } from '../api/index.ts';
import { AppError, isAppError } from '../common/index.ts';

/**
 * The largest input the contract accepts is a spec of SPEC_TEXT_MAX_CHARS characters, which UTF-8
 * may write in up to 3 bytes each (JSON leaves non-ASCII as is); one MiB more covers the rest of
 * the command. Anything the contract would accept must get past the transport.
 */
const MAX_BODY_MIB = Math.ceil((SPEC_TEXT_MAX_CHARS * 3) / (1024 * 1024)) + 1;

/**
 * Fastify reports transport problems (bad JSON, oversized bodies, wrong media types) as its own
 * errors; they are translated here, at the server's edge, into the contract's codes.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_MIB} MiB.`, { limitBytes: MAX_BODY_MIB * 1024 * 1024 });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', 'The request says it carries JSON but its body is empty; send {} for no input.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('BAD_REQUEST', 'Commands take a JSON body (Content-Type: application/json).');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'The Content-Length header does not match the body.');
    default:
      break;
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('BAD_REQUEST', 'The request could not be read.', { status });
  }
  return new AppError('INTERNAL', 'An unexpected error happened in the server; it keeps running.');
}

export const BODY_LIMIT_BYTES = MAX_BODY_MIB * 1024 * 1024;
