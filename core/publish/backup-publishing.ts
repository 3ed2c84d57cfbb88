import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CommandOutput, ParsedInput } from '../api/index.ts';
import { AppError, isAppError } from '../common/index.ts';
import type { HandlerContext } from '../host/handler-types.ts';
import { fetchError } from './fetch-errors.ts';
import { readIpfsSettings } from './ipfs-settings.ts';
import { parseCid } from './ipfs/cid.ts';
import { idleSignal } from './ipfs/concurrency.ts';
import { exportToPath } from './ipfs/export-tree.ts';
import type { IpfsNode } from './ipfs/ipfs-node.ts';
import type { PeerAccess } from './peer-access.ts';
import type { PublishService } from './publish-service.ts';

type Ctx = Pick<HandlerContext, 'db' | 'clock' | 'audit' | 'emit'>;

/** The part of the backup service publishing uses (core/backup's BackupService fits it). */
export interface BackupSource {
  list(destination?: string): Promise<{ destination: string; items: { id: string; file: string; fileName: string; encrypted: boolean; sizeBytes: number }[] }>;
  verify(ref: string): Promise<unknown>;
  destination(override?: string): Promise<string>;
}

/**
 * Backups on IPFS: only an encrypted archive may leave for a public network; fetching one by CID
 * puts it in the backup folder, checked, ready for the backup feature's restore.
 */
export class BackupPublishing {
  private readonly node: IpfsNode;
  private readonly peers: PeerAccess;
  private readonly publish: PublishService;
  private readonly backups: BackupSource;

  constructor(deps: { node: IpfsNode; peers: PeerAccess; publish: PublishService; backups: BackupSource }) {
    this.node = deps.node;
    this.peers = deps.peers;
    this.publish = deps.publish;
    this.backups = deps.backups;
  }

  async publishBackup(input: ParsedInput<'publish.backup'>, ctx: Ctx): Promise<CommandOutput<'publish.backup'>> {
    const { items } = await this.backups.list();
    const backup = input.backup === undefined ? items[0] : items.find((b) => b.id === input.backup || b.fileName === input.backup);
    if (backup === undefined) {
      throw new AppError('NOT_FOUND', input.backup === undefined ? 'There is no backup to publish yet; take one first (dihya backup create).' : `No backup is called "${input.backup}".`, { backup: input.backup ?? null });
    }
    if (!backup.encrypted) {
      throw new AppError('FORBIDDEN', `The backup ${backup.fileName} is not encrypted, and anything published to IPFS is public. Turn on backup encryption, take a new backup, and publish that one.`, { backup: backup.id, reason: 'unencrypted' });
    }
    const tree = { kind: 'directory' as const, root: dirname(backup.file), files: [{ path: backup.fileName, absolute: backup.file, size: backup.sizeBytes }], emptyDirs: [], sizeBytes: backup.sizeBytes };
    const { publication } = await this.publish.publishTree(tree, { profile: input.profile, projectId: null, origin: 'backup' }, ctx);
    ctx.audit({ action: 'publish.backup', subject: publication.cid, details: { backup: backup.id, encrypted: true, sizeBytes: backup.sizeBytes } });
    return { publication, backup: { id: backup.id, fileName: backup.fileName } };
  }

  async fetchBackup(input: ParsedInput<'ipfs.backup.fetch'>, ctx: Ctx): Promise<CommandOutput<'ipfs.backup.fetch'>> {
    const cid = parseCid(input.cid);
    const destination = await this.backups.destination();
    const staging = join(destination, `.ipfs-fetch-${randomBytes(4).toString('hex')}`);
    const idle = idleSignal(input.timeoutMs);
    const signal = idle.signal;
    const { listen, maxConnections } = await readIpfsSettings(ctx.db);
    try {
      try {
        await this.peers.withPeers(input.peers, { listen, maxConnections }, signal, () => this.node.use((node) => exportToPath(node, cid, staging, { overwrite: false, signal, onProgress: idle.touch })));
      } catch (error) {
        throw fetchError(error, cid.toString(), input.peers, input.timeoutMs, signal);
      }
      const names = (await stat(staging)).isDirectory() ? await readdir(staging) : [];
      if (names.length !== 1) {
        throw new AppError('VALIDATION_FAILED', `${cid.toString()} is not a published backup (a folder holding exactly one archive).`, { cid: cid.toString() });
      }
      const fileName = names[0] as string;
      const file = join(destination, fileName);
      if (await stat(file).then(() => true, () => false)) throw new AppError('CONFLICT', `The backup folder already holds ${fileName}; it was not replaced.`, { file });
      await rename(join(staging, fileName), file);
      let verified = true;
      try {
        await this.backups.verify(fileName);
      } catch (error) {
        if (isAppError(error) && error.code === 'PASSPHRASE_REQUIRED') verified = false;
        else {
          await rm(file, { force: true });
          throw error;
        }
      }
      ctx.audit({ action: 'ipfs.backup.fetch', subject: cid.toString(), details: { fileName, verified, fromPeers: input.peers.length } });
      return { file, fileName, verified };
    } finally {
      idle.dispose();
      await rm(staging, { recursive: true, force: true });
    }
  }
}
