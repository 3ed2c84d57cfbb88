import { join } from 'node:path';
import type { Libp2p } from '@libp2p/interface';
import type { Helia } from 'helia';
import { AppError, type Disposable } from '../../common/index.ts';
import { ipfsModules } from './ipfs-modules.ts';
import { RwLock } from './rw-lock.ts';
import { TieredBlockstore } from './tiered-blockstore.ts';

export interface NetworkConfig {
  /** Multiaddrs to listen on, e.g. /ip4/127.0.0.1/tcp/0 (loopback, any free port). */
  listen: string[];
  maxConnections: number;
}

export interface RunningNode {
  readonly helia: Helia;
  /** Present only when the node is online. */
  readonly libp2p: Libp2p | null;
  /** The blockstore under Helia: `compact()` it after deleting blocks. */
  readonly blocks: TieredBlockstore;
}

export interface NodeStatus {
  state: 'stopped' | 'offline' | 'online';
  peerId: string | null;
  addresses: string[];
  connections: number;
  repoPath: string;
}

/**
 * The embedded IPFS node: Helia over a blockstore (small blocks in SQLite, the rest one file each;
 * see tiered-blockstore.ts) and an FS datastore in `<dataDir>/ipfs`.
 *
 * Started on first use, offline (no libp2p at all: nothing listens, nothing dials). `goOnline`
 * restarts it with a deliberately small libp2p: TCP only, noise, yamux, identify and bitswap;
 * no DHT, no mDNS, no bootstrap peers, no relay, no delegated HTTP routing or gateways, and a
 * connection cap. Peers are reached only when the user names them.
 */
export class IpfsNode implements Disposable {
  readonly repoPath: string;
  private readonly lock = new RwLock();
  private current: (RunningNode & { network: NetworkConfig | null }) | undefined;
  private disposed = false;

  constructor(dataDir: string) {
    this.repoPath = join(dataDir, 'ipfs');
  }

  /** Runs `task` on the started node (offline unless already online), alongside other shared tasks. */
  async use<T>(task: (node: RunningNode) => Promise<T>): Promise<T> {
    for (;;) {
      const result = await this.lock.shared(async () => (this.current === undefined ? undefined : { value: await task(this.current) }));
      if (result !== undefined) return result.value;
      await this.lock.exclusive(async () => {
        this.refuseIfDisposed();
        if (this.current === undefined) this.current = await this.startOffline();
      });
    }
  }

  /** Runs `task` with the node to itself (garbage collection must not race an import). */
  async useExclusively<T>(task: (node: RunningNode) => Promise<T>): Promise<T> {
    return this.lock.exclusive(async () => {
      this.refuseIfDisposed();
      this.current ??= await this.startOffline();
      return task(this.current);
    });
  }

  async goOnline(network: NetworkConfig): Promise<NodeStatus> {
    await this.lock.exclusive(async () => {
      this.refuseIfDisposed();
      if (this.current?.network != null && sameNetwork(this.current.network, network)) return;
      await this.stopCurrent();
      this.current = await this.startOnline(network);
    });
    return this.status();
  }

  async goOffline(): Promise<NodeStatus> {
    await this.lock.exclusive(async () => {
      if (this.current?.libp2p == null) return;
      await this.stopCurrent();
    });
    return this.status();
  }

  /** Connects to the named peers (the node must be online); a peer that cannot be reached is an error. */
  async dial(peers: readonly string[], signal: AbortSignal): Promise<void> {
    const { multiaddr } = await ipfsModules();
    await this.use(async ({ libp2p }) => {
      if (libp2p === null) throw new AppError('INTERNAL', 'The IPFS node must be online to reach peers.');
      for (const peer of peers) {
        let address;
        try {
          address = multiaddr(peer);
        } catch {
          throw new AppError('VALIDATION_FAILED', `"${peer}" is not a valid peer address; use a multiaddr such as /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo…`, { peer });
        }
        try {
          await libp2p.dial(address, { signal });
        } catch (error) {
          throw new AppError('REMOTE_FAILED', `Could not reach the peer ${peer}: ${describe(error)}. Check that it is online and the address is current.`, { peer, reason: 'unreachable' }, { cause: error });
        }
      }
    });
  }

  status(): NodeStatus {
    const node = this.current;
    if (node === undefined) return { state: 'stopped', peerId: null, addresses: [], connections: 0, repoPath: this.repoPath };
    if (node.libp2p === null) return { state: 'offline', peerId: null, addresses: [], connections: 0, repoPath: this.repoPath };
    return {
      state: 'online',
      peerId: node.libp2p.peerId.toString(),
      addresses: node.libp2p.getMultiaddrs().map(String),
      connections: node.libp2p.getConnections().length,
      repoPath: this.repoPath,
    };
  }

  async dispose(): Promise<void> {
    await this.lock.exclusive(async () => {
      this.disposed = true;
      await this.stopCurrent();
    });
  }

  private refuseIfDisposed(): void {
    if (this.disposed) throw new AppError('INTERNAL', 'The IPFS node has been shut down.');
  }

  private async stores() {
    const m = await ipfsModules();
    const files = new m.FsBlockstore(join(this.repoPath, 'blocks'));
    const datastore = new m.FsDatastore(join(this.repoPath, 'datastore'));
    let blockstore: TieredBlockstore;
    try {
      await files.open();
      await datastore.open();
      blockstore = new TieredBlockstore(join(this.repoPath, 'small-blocks.sqlite'), files);
    } catch (error) {
      throw new AppError('STORE_UNAVAILABLE', `The IPFS repository at ${this.repoPath} cannot be opened: ${describe(error)}.`, { where: this.repoPath }, { cause: error });
    }
    return { m, blockstore, datastore };
  }

  private async startOffline(): Promise<RunningNode & { network: null }> {
    const { m, blockstore, datastore } = await this.stores();
    const helia = m.createHeliaLight({ blockstore, datastore });
    try {
      await helia.start();
    } catch (error) {
      blockstore.close();
      throw error;
    }
    return { helia, libp2p: null, network: null, blocks: blockstore };
  }

  private async startOnline(network: NetworkConfig): Promise<RunningNode & { network: NetworkConfig }> {
    const { m, blockstore, datastore } = await this.stores();
    const helia = m.createHelia({
      blockstore,
      datastore,
      // No delegated routers and no public gateways: the node talks only to peers we dial.
      http: { delegatedRouters: [], recursiveGateways: [] },
      libp2p: {
        addresses: { listen: network.listen },
        transports: [m.tcp()],
        connectionEncrypters: [m.noise()],
        streamMuxers: [m.yamux()],
        // Every key of Helia's defaults we leave out would be kept (mDNS, bootstrap, DHT, relay…).
        peerDiscovery: [],
        services: { identify: m.identify() },
        connectionManager: { maxConnections: network.maxConnections, maxIncomingPendingConnections: 8, dialTimeout: 10_000 },
      },
    });
    try {
      await helia.start();
    } catch (error) {
      await helia.stop().catch(() => undefined);
      blockstore.close();
      if ((error as { code?: string }).code === 'EADDRINUSE' || /EADDRINUSE/.test(describe(error))) {
        throw new AppError('ADDRESS_IN_USE', `The IPFS node cannot listen on ${network.listen.join(', ')}: the address is in use. Choose another port in the IPFS settings.`, { listen: network.listen }, { cause: error });
      }
      throw new AppError('INTERNAL', `The IPFS node could not go online: ${describe(error)}.`, { listen: network.listen }, { cause: error });
    }
    return { helia, libp2p: helia.libp2p as unknown as Libp2p, network, blocks: blockstore };
  }

  private async stopCurrent(): Promise<void> {
    const node = this.current;
    this.current = undefined;
    if (node === undefined) return;
    try {
      await node.helia.stop();
    } finally {
      node.blocks.close();
    }
  }
}

function sameNetwork(a: NetworkConfig, b: NetworkConfig): boolean {
  return a.maxConnections === b.maxConnections && a.listen.join('\n') === b.listen.join('\n');
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
