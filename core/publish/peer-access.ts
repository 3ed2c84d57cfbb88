import type { IpfsNode, NetworkConfig } from './ipfs/ipfs-node.ts';

/**
 * Reaching named peers needs the node online. When the node was offline, it goes online for the
 * operations that need it and back offline when the last of them ends: fetching from a friend's
 * node does not leave this one listening.
 */
export class PeerAccess {
  private readonly node: IpfsNode;
  private leases = 0;
  private wentOnline = false;

  constructor(node: IpfsNode) {
    this.node = node;
  }

  async withPeers<T>(peers: readonly string[], network: NetworkConfig, signal: AbortSignal, run: () => Promise<T>): Promise<T> {
    if (peers.length === 0) return run();
    this.leases += 1;
    try {
      if (this.node.status().state !== 'online') {
        await this.node.goOnline(network);
        this.wentOnline = true;
      }
      await this.node.dial(peers, signal);
      return await run();
    } finally {
      this.leases -= 1;
      if (this.leases === 0 && this.wentOnline) {
        this.wentOnline = false;
        await this.node.goOffline();
      }
    }
  }

  /** The user took the node online on purpose: it stays online after borrowed operations end. */
  keepOnline(): void {
    this.wentOnline = false;
  }
}
