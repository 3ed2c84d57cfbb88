import { AppError } from '../common/index.ts';

const MISSING = new Set(['InvalidConfigurationError', 'BlockNotFoundWhileOfflineError', 'NotFoundError', 'NoBlockBrokersError', 'LoadBlockFailedError']);
const TIMEOUT = new Set(['AbortError', 'TimeoutError']);

/**
 * Helia reports content it cannot find in several ways (no block broker while offline, a missing
 * block file, an aborted bitswap want). They all mean one thing to the user: the content is not
 * here, or the named peers did not send it in time.
 */
export function fetchError(error: unknown, cid: string, peers: readonly string[], timeoutMs: number, signal?: AbortSignal): unknown {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  // A bitswap want cut short by our deadline surfaces as a failed block load, not as an abort.
  if (TIMEOUT.has(name) || (signal?.aborted === true && MISSING.has(name))) {
    return new AppError(
      'NOT_FOUND',
      peers.length > 0
        ? `${cid} could not be fetched from ${peers.length === 1 ? 'the peer' : 'the peers'} within ${Math.round(timeoutMs / 1000)} s; check that ${peers.length === 1 ? 'it has' : 'they have'} the content and is online.`
        : `${cid} could not be read within ${Math.round(timeoutMs / 1000)} s.`,
      { cid, reason: 'timeout', timeoutMs },
      { cause: error },
    );
  }
  if (MISSING.has(name)) {
    return new AppError(
      'NOT_FOUND',
      peers.length > 0
        ? `${cid} is not on this node and the peers did not send it.`
        : `${cid} is not (completely) on this node: nothing published or imported it here. Fetch it from a peer that has it (--peer <multiaddr>).`,
      { cid, reason: 'not-local' },
      { cause: error },
    );
  }
  return error;
}
