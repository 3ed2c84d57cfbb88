import type { DihyaEvent } from '../api/index.ts';
import type { Disposable } from '../common/index.ts';
import { BackupPublishing, type BackupSource } from './backup-publishing.ts';
import { IpfsService } from './ipfs-service.ts';
import { IpfsNode } from './ipfs/ipfs-node.ts';
import { PeerAccess } from './peer-access.ts';
import { PublishService } from './publish-service.ts';
import { RemotePinService } from './remote/remote-pin-service.ts';

/** Everything publishing needs, around one lazily started IPFS node; `createCore` owns its lifetime. */
export interface Publishing extends Disposable {
  readonly node: IpfsNode;
  readonly publish: PublishService;
  readonly ipfs: IpfsService;
  readonly remotes: RemotePinService;
  /** Present once `connectBackups` has been called (createCore does, when backups exist). */
  readonly backups: BackupPublishing | null;
  connectBackups(backups: BackupSource): void;
}

export function createPublishing(options: { dataDir: string; emitLive?: (event: DihyaEvent) => void; pollIntervalMs?: number }): Publishing {
  const node = new IpfsNode(options.dataDir);
  const peers = new PeerAccess(node);
  const publish = new PublishService(options.emitLive === undefined ? { node, peers } : { node, peers, emitLive: options.emitLive });
  let backups: BackupPublishing | null = null;
  return {
    node,
    publish,
    ipfs: new IpfsService({ node, peers }),
    remotes: new RemotePinService(options.pollIntervalMs === undefined ? { node } : { node, pollIntervalMs: options.pollIntervalMs }),
    get backups() {
      return backups;
    },
    connectBackups: (source) => {
      backups = new BackupPublishing({ node, peers, publish, backups: source });
    },
    dispose: () => node.dispose(),
  };
}
