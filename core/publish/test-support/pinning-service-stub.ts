import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readBody, sendJson, startStub, type StubServer } from './http-stub.ts';

export type PinningMode = 'ok' | 'error500' | 'hang' | 'lie' | 'fail';

interface PinRequest {
  requestid: string;
  cid: string;
  name: string;
  created: string;
  polls: number;
  origins: string[];
}

/**
 * The IPFS Pinning Service API on 127.0.0.1, as specified: bearer token, `POST /pins` answering
 * 202 with a PinStatus (`queued`), `GET /pins/{requestid}` moving to `pinning` then `pinned` (or
 * `failed` in that mode); errors as `{ error: { reason, details } }`. A wrong token is refused with
 * 401 — and the details echo the header it got, to prove the client scrubs what remotes say.
 */
export async function startPinningServiceStub(token: string, initial: PinningMode = 'ok'): Promise<StubServer & { requests: PinRequest[]; setMode(mode: PinningMode): void }> {
  const requests: PinRequest[] = [];
  const state = { mode: initial };
  const hang = (request: IncomingMessage) => new Promise<void>((resolve) => request.socket.once('close', () => resolve()));
  const status = (pin: PinRequest, value: string) => ({
    requestid: pin.requestid,
    status: value,
    created: pin.created,
    pin: { cid: state.mode === 'lie' ? 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku' : pin.cid, name: pin.name, origins: pin.origins },
    delegates: ['/ip4/203.0.113.7/tcp/4001/p2p/12D3KooWGzh8d7QmKJ9e6cYdFHRZy4yBCHNDfEWSsPN3F6a6bZgM'],
    ...(value === 'failed' ? { info: { status_details: 'content could not be found on the network' } } : {}),
  });

  const server = await startStub(async (request, response) => {
    const authorization = request.headers.authorization ?? '';
    if (authorization !== `Bearer ${token}`) {
      return sendJson(response, 401, { error: { reason: 'UNAUTHORIZED', details: `Invalid access token in header: ${authorization}` } });
    }
    if (state.mode === 'hang') return hang(request);
    if (state.mode === 'error500') return sendJson(response, 500, { error: { reason: 'INTERNAL_SERVER_ERROR', details: 'database unavailable' } });
    const url = new URL(request.url ?? '/', 'http://stub');
    if (request.method === 'POST' && url.pathname === '/pins') {
      const body = JSON.parse((await readBody(request)).toString('utf8')) as { cid?: string; name?: string; origins?: string[] };
      if (typeof body.cid !== 'string') return sendJson(response, 400, { error: { reason: 'BAD_REQUEST', details: 'cid is required' } });
      const pin: PinRequest = { requestid: randomUUID(), cid: body.cid, name: body.name ?? '', created: new Date().toISOString(), polls: 0, origins: body.origins ?? [] };
      requests.push(pin);
      return sendJson(response, 202, status(pin, 'queued'));
    }
    const match = /^\/pins\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && match !== null) {
      const pin = requests.find((p) => p.requestid === decodeURIComponent(match[1] ?? ''));
      if (pin === undefined) return sendJson(response, 404, { error: { reason: 'NOT_FOUND', details: 'no such pin request' } });
      pin.polls += 1;
      const value = pin.polls === 1 ? 'pinning' : state.mode === 'fail' ? 'failed' : 'pinned';
      return sendJson(response, 200, status(pin, value));
    }
    return sendJson(response, 404, { error: { reason: 'NOT_FOUND', details: url.pathname } });
  });
  return { ...server, requests, setMode: (mode: PinningMode) => void (state.mode = mode) };
}
