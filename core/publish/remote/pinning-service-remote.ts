import { z } from 'zod';
import { AppError } from '../../common/index.ts';
import { remoteFailure, scrub } from './remote-error.ts';
import type { RemoteWithSecret } from './remotes-repository.ts';

/** PinStatus, as the IPFS Pinning Service API defines it (https://ipfs.github.io/pinning-services-api-spec/). */
const pinStatus = z.object({
  requestid: z.string().min(1),
  status: z.enum(['queued', 'pinning', 'pinned', 'failed']),
  created: z.string(),
  pin: z.object({ cid: z.string(), name: z.string().optional() }).loose(),
  delegates: z.array(z.string()),
  info: z.record(z.string(), z.string()).optional(),
});
export type PinStatus = z.infer<typeof pinStatus>;

export interface PinningServiceClient {
  request(cid: string, name: string, origins: string[], signal: AbortSignal): Promise<PinStatus>;
  status(requestId: string, signal: AbortSignal): Promise<PinStatus>;
}

/** A Pinning Service API client over fetch: bearer token, JSON, and every answer checked for shape. */
export function pinningServiceClient(remote: RemoteWithSecret): PinningServiceClient {
  const base = remote.endpoint.replace(/\/+$/, '');
  const what = `The pinning service at ${remote.endpoint}`;
  const call = async (path: string, init: RequestInit, signal: AbortSignal): Promise<PinStatus> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        signal,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...(remote.token === null ? {} : { authorization: `Bearer ${remote.token}` }) },
      });
    } catch (error) {
      throw remoteFailure(error, what, remote.token);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (!response.ok) throw new AppError('REMOTE_FAILED', `${what} answered HTTP ${response.status}.`, { reason: 'http', status: response.status });
      throw remoteFailure(error, what, remote.token);
    }
    if (!response.ok) {
      // The spec's Failure shape: { error: { reason, details } }.
      const failure = body as { error?: { reason?: unknown; details?: unknown } };
      const reason = [failure.error?.reason, failure.error?.details].filter((part) => typeof part === 'string').join(': ');
      const hint = response.status === 401 || response.status === 403 ? ' Check the access token of this remote.' : '';
      throw new AppError('REMOTE_FAILED', `${what} answered HTTP ${response.status}${reason ? ` (${scrub(reason, remote.token)})` : ''}.${hint}`, { reason: 'http', status: response.status });
    }
    const parsed = pinStatus.safeParse(body);
    if (!parsed.success) throw new AppError('REMOTE_FAILED', `${what} answered something that is not a PinStatus.`, { reason: 'protocol' });
    return parsed.data;
  };
  return {
    request: (cid, name, origins, signal) => call('/pins', { method: 'POST', body: JSON.stringify({ cid, name, ...(origins.length > 0 ? { origins } : {}) }) }, signal),
    status: (requestId, signal) => call(`/pins/${encodeURIComponent(requestId)}`, { method: 'GET' }, signal),
  };
}
