import type { CommandOutput, ParsedInput, RemotePin } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { HandlerContext } from '../../host/handler-types.ts';
import { fetchError } from '../fetch-errors.ts';
import { parseCid } from '../ipfs/cid.ts';
import type { IpfsNode } from '../ipfs/ipfs-node.ts';
import { findPublication } from '../publications-repository.ts';
import { POLL_AGAIN_MS, nextAttemptAt } from './backoff.ts';
import { kuboAddAndPin } from './kubo-remote.ts';
import { pinningServiceClient, type PinStatus } from './pinning-service-remote.ts';
import {
  addRemote,
  dueRemotePins,
  findRemotePin,
  getRemoteWithSecret,
  listRemotePins,
  listRemotes,
  removeRemote,
  saveRemotePin,
  type RemotePinState,
  type RemoteWithSecret,
} from './remotes-repository.ts';

type Ctx = Pick<HandlerContext, 'db' | 'clock' | 'audit' | 'emit'>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A token sent over plain HTTP to another machine is a token given away. */
function checkEndpoint(endpoint: string, hasToken: boolean): void {
  const url = new URL(endpoint);
  if (url.username !== '' || url.password !== '') {
    throw new AppError('VALIDATION_FAILED', 'Put the credentials in the token, not in the endpoint URL.', { issues: [{ path: 'endpoint', message: 'credentials in URL' }] });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('VALIDATION_FAILED', 'An endpoint is an http:// or https:// URL.', {});
  if (url.protocol === 'http:' && hasToken && !LOOPBACK.has(url.hostname)) {
    throw new AppError('VALIDATION_FAILED', `Plain http:// would send the token to ${url.hostname} unencrypted; use https://, or http:// only on this machine (127.0.0.1).`, { issues: [{ path: 'endpoint', message: 'https required' }] });
  }
}

/**
 * Remote pins (a Kubo node over its RPC API, or an IPFS Pinning Service) with an outbox: an attempt
 * that fails is recorded `queued` with its next attempt time (exponential backoff), and
 * `ipfs.remotes.retry` — run by hand or by the retry loop — tries again. Each attempt writes its
 * outcome in one statement, so the queue never holds half an operation.
 */
export class RemotePinService {
  private readonly node: IpfsNode;
  private readonly pollIntervalMs: number;

  constructor(deps: { node: IpfsNode; pollIntervalMs?: number }) {
    this.node = deps.node;
    this.pollIntervalMs = deps.pollIntervalMs ?? 1_000;
  }

  async list(ctx: Ctx): Promise<CommandOutput<'ipfs.remotes.list'>> {
    return { items: await listRemotes(ctx.db) };
  }

  async add(input: ParsedInput<'ipfs.remotes.add'>, ctx: Ctx): Promise<CommandOutput<'ipfs.remotes.add'>> {
    checkEndpoint(input.endpoint, input.token !== undefined);
    const remote = await addRemote(ctx.db, input, ctx.clock.now().toISOString());
    // Never the token, not even its length.
    ctx.audit({ action: 'ipfs.remote.add', subject: remote.id, details: { name: remote.name, kind: remote.kind, hasToken: remote.hasToken } });
    return remote;
  }

  async remove(input: ParsedInput<'ipfs.remotes.remove'>, ctx: Ctx): Promise<CommandOutput<'ipfs.remotes.remove'>> {
    const removed = await removeRemote(ctx.db, input.id);
    ctx.audit({ action: 'ipfs.remote.remove', subject: removed.id, details: { name: removed.name } });
    return { id: removed.id, removed: true };
  }

  async pins(input: ParsedInput<'ipfs.remotes.pins'>, ctx: Ctx): Promise<CommandOutput<'ipfs.remotes.pins'>> {
    return { items: await listRemotePins(ctx.db, input.status) };
  }

  async pin(input: ParsedInput<'ipfs.remotes.pin'>, ctx: Ctx): Promise<RemotePin> {
    const cid = parseCid(input.cid).toString();
    const remote = await getRemoteWithSecret(ctx.db, input.remoteId);
    const previous = await findRemotePin(ctx.db, remote.id, cid);
    return this.attempt(remote, cid, previous, input.timeoutMs, ctx);
  }

  async retry(input: ParsedInput<'ipfs.remotes.retry'>, ctx: Ctx): Promise<CommandOutput<'ipfs.remotes.retry'>> {
    const due = await dueRemotePins(ctx.db, ctx.clock.now().toISOString(), input.all);
    const items: RemotePin[] = [];
    for (const pin of due) {
      const remote = await getRemoteWithSecret(ctx.db, pin.remoteId);
      items.push(await this.attempt(remote, pin.cid, pin, input.timeoutMs, ctx));
    }
    if (items.length === 0) ctx.audit({ action: 'ipfs.remote.retry', subject: null, details: { attempted: 0 } });
    return { attempted: items.length, items };
  }

  /** Whether the retry loop has anything to do (so an idle loop writes no audit entries). */
  async hasDue(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<boolean> {
    return (await dueRemotePins(ctx.db, ctx.clock.now().toISOString(), false)).length > 0;
  }

  private async attempt(remote: RemoteWithSecret, cid: string, previous: RemotePin | undefined, timeoutMs: number, ctx: Ctx): Promise<RemotePin> {
    const signal = AbortSignal.timeout(timeoutMs);
    const attempts = (previous?.status === 'queued' ? previous.attempts : 0) + 1;
    let state: RemotePinState;
    try {
      state = remote.kind === 'kubo' ? await this.pinOnKubo(remote, cid, signal, ctx) : await this.pinOnService(remote, cid, previous, signal, ctx);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'REMOTE_FAILED' && error.code !== 'INTEGRITY_FAILED')) throw error;
      state = { status: 'queued', requestId: null, attempts, nextAttemptAt: nextAttemptAt(ctx.clock.now(), attempts), error: { code: error.code, message: error.message } };
    }
    const at = ctx.clock.now().toISOString();
    await saveRemotePin(ctx.db, remote.id, cid, state, at);
    const saved = (await findRemotePin(ctx.db, remote.id, cid)) as RemotePin;
    ctx.audit({ action: 'ipfs.remote.pin', subject: cid, details: { remote: remote.name, kind: remote.kind, status: saved.status, attempts: saved.attempts, error: saved.lastError?.code ?? null } });
    ctx.emit({ type: 'ipfs.remotePin.updated', remotePin: saved });
    return saved;
  }

  private async pinOnKubo(remote: RemoteWithSecret, cid: string, signal: AbortSignal, ctx: Ctx): Promise<RemotePinState> {
    const parsed = parseCid(cid);
    // The profile decides the `ipfs add` parameters; a CIDv0 can only come from the legacy one.
    const publication = await findPublication(ctx.db, cid, 'https://invalid');
    const profile = publication?.profile ?? (parsed.version === 0 ? 'legacy' : 'modern');
    try {
      await kuboAddAndPin({ remote, node: this.node, cid: parsed, profile, signal });
    } catch (error) {
      // What is not here cannot be uploaded: a NOT_FOUND for the user, not a failure to retry.
      throw fetchError(error, cid, [], 0);
    }
    return { status: 'pinned', requestId: null, attempts: 0, nextAttemptAt: null, error: null };
  }

  private async pinOnService(remote: RemoteWithSecret, cid: string, previous: RemotePin | undefined, signal: AbortSignal, ctx: Ctx): Promise<RemotePinState> {
    const client = pinningServiceClient(remote);
    const known = previous?.status === 'pinning' ? await this.requestIdOf(remote.id, cid, ctx) : null;
    let status: PinStatus;
    if (known !== null) {
      status = await client.status(known, signal);
    } else {
      const origins = this.node.status().addresses;
      status = await client.request(cid, `dihya ${cid.slice(0, 16)}`, origins, signal);
    }
    if (status.pin.cid !== cid && !sameCid(status.pin.cid, cid)) {
      throw new AppError('INTEGRITY_FAILED', `The pinning service at ${remote.endpoint} answered about ${status.pin.cid.slice(0, 100)} when asked to pin ${cid}.`, { expected: cid });
    }
    // Poll while there is time left, then leave the rest to the retry loop.
    while ((status.status === 'queued' || status.status === 'pinning') && !signal.aborted) {
      const waited = await sleep(this.pollIntervalMs, signal);
      if (!waited) break;
      try {
        status = await client.status(status.requestid, signal);
      } catch (error) {
        if (signal.aborted) break;
        throw error;
      }
    }
    if (status.status === 'pinned') return { status: 'pinned', requestId: status.requestid, attempts: 0, nextAttemptAt: null, error: null };
    if (status.status === 'failed') {
      const info = status.info === undefined ? '' : ` (${Object.values(status.info).join('; ').slice(0, 200)})`;
      return { status: 'failed', requestId: status.requestid, attempts: 0, nextAttemptAt: null, error: { code: 'REMOTE_FAILED', message: `The pinning service reports that pinning ${cid} failed${info}.` } };
    }
    return { status: 'pinning', requestId: status.requestid, attempts: 0, nextAttemptAt: new Date(ctx.clock.now().getTime() + POLL_AGAIN_MS).toISOString(), error: null };
  }

  private async requestIdOf(remoteId: string, cid: string, ctx: Ctx): Promise<string | null> {
    const row = await ctx.db.selectFrom('ipfs_remote_pins').select('request_id').where('remote_id', '=', remoteId).where('cid', '=', cid).executeTakeFirst();
    return row?.request_id ?? null;
  }
}

function sameCid(a: string, b: string): boolean {
  try {
    return parseCid(a).toV1().toString() === parseCid(b).toV1().toString();
  } catch {
    return false;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
