import { AppError } from '../../common/index.ts';

/**
 * Remote answers are untrusted text that may echo what we sent, token included: the token is cut
 * out, control characters removed and the length bounded before any of it reaches a message.
 */
export function scrub(text: string, token: string | null): string {
  let clean = text;
  if (token !== null && token.length > 0) clean = clean.split(token).join('[REDACTED]');
  // eslint-disable-next-line no-control-regex
  return clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 300);
}

/** Turns a network, timeout or HTTP failure talking to a remote into REMOTE_FAILED with a reason. */
export function remoteFailure(error: unknown, what: string, token: string | null): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AppError('REMOTE_FAILED', `${what} did not answer in time.`, { reason: 'timeout' });
  }
  const status = (error as { response?: { status?: number } } | null)?.response?.status;
  const message = scrub(error instanceof Error ? error.message : String(error), token);
  if (typeof status === 'number') {
    return new AppError('REMOTE_FAILED', `${what} answered HTTP ${status}${message ? `: ${message}` : ''}.`, { reason: 'http', status });
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return new AppError('REMOTE_FAILED', `${what} cannot be reached (${cause ?? message}).`, { reason: 'unreachable' });
}
