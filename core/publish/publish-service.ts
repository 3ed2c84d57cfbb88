import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CidProfile, CommandOutput, DihyaEvent, ParsedInput, Publication } from '../api/index.ts';
import { AppError } from '../common/index.ts';
import type { HandlerContext } from '../host/handler-types.ts';
import { getProject } from '../projects/index.ts';
import { fetchError } from './fetch-errors.ts';
import { readIpfsSettings } from './ipfs-settings.ts';
import { exportCar } from './ipfs/car-file.ts';
import { idleSignal } from './ipfs/concurrency.ts';
import { parseCid } from './ipfs/cid.ts';
import { readFile as readUnixfsFile, walkUnixfs } from './ipfs/export-tree.ts';
import { importTree } from './ipfs/import-tree.ts';
import { ipfsModules } from './ipfs/ipfs-modules.ts';
import type { IpfsNode } from './ipfs/ipfs-node.ts';
import { readSourceTree, type SourceTree } from './ipfs/source-tree.ts';
import { LOCK_FILE_NAME, compareWithLock, personalDataPresent, readLock, type VerifiableLock } from './lock-check.ts';
import { recordPin, type PinOrigin } from './pins-repository.ts';
import { findPublication, gatewayLink, listPublications, upsertPublication } from './publications-repository.ts';
import type { PeerAccess } from './peer-access.ts';

type Ctx = Pick<HandlerContext, 'db' | 'clock' | 'audit' | 'emit'>;

/** A lock file larger than this is not a lock file (real ones are kilobytes). */
const MAX_LOCK_BYTES = 64 * 1024 * 1024;

/** Throttled `progress` events, sent live (not after the task ends) so a UI can show a bar. */
export function progressReporter(emitLive: ((event: DihyaEvent) => void) | undefined, taskId: string | undefined, label: string, total: number, clock: () => number = Date.now) {
  let last = 0;
  return (done: number) => {
    if (emitLive === undefined || taskId === undefined) return;
    const now = clock();
    if (done < total && now - last < 100) return;
    last = now;
    emitLive({ type: 'progress', taskId, label, done, total });
  };
}

/** Publishing: a folder or file becomes a pinned UnixFS DAG with a publication record; and checking one. */
export class PublishService {
  private readonly node: IpfsNode;
  private readonly peers: PeerAccess;
  private readonly emitLive: ((event: DihyaEvent) => void) | undefined;

  constructor(deps: { node: IpfsNode; peers: PeerAccess; emitLive?: (event: DihyaEvent) => void }) {
    this.node = deps.node;
    this.peers = deps.peers;
    this.emitLive = deps.emitLive;
  }

  async publish(input: ParsedInput<'publish.run'>, ctx: Ctx): Promise<CommandOutput<'publish.run'>> {
    const tree = await readSourceTree(resolve(input.path));
    const projectId = input.projectId ?? null;
    if (projectId !== null) await getProject(ctx.db, projectId);
    const lockEntry = tree.kind === 'directory' ? tree.files.find((file) => file.path === LOCK_FILE_NAME) : undefined;
    let lock: VerifiableLock | undefined;
    if (lockEntry !== undefined) {
      if (lockEntry.size > MAX_LOCK_BYTES) throw new AppError('VALIDATION_FAILED', `${lockEntry.absolute} is too large to be a lock file.`, { path: lockEntry.absolute });
      lock = readLock(await readFile(lockEntry.absolute, 'utf8'), lockEntry.absolute);
    }
    const personalData = personalDataPresent(lock, tree.files.map((file) => file.path));
    if (personalData.length > 0 && !input.confirmPersonalData) {
      throw new AppError(
        'CONFIRMATION_REQUIRED',
        `This output contains personal data (${personalData.slice(0, 5).join(', ')}${personalData.length > 5 ? ', …' : ''}). Anything published to IPFS is public and cannot be taken back. Publish only if you mean to, by confirming (--yes-public).`,
        { personalData },
      );
    }

    const { publication, unchanged, lockCheck, car } = await this.publishTree(tree, { profile: input.profile, projectId, carPath: input.carPath, taskId: input.taskId, origin: 'publication', lock, personalData }, ctx);
    // No path in the audit: it can name the user's home folder.
    ctx.audit({
      action: 'publish.run',
      subject: publication.cid,
      details: { profile: input.profile, kind: tree.kind, fileCount: tree.files.length, sizeBytes: tree.sizeBytes, projectId, unchanged, lock: lockCheck.status, personalDataConfirmed: personalData.length > 0, car: car !== null },
    });
    return { publication, unchanged, lock: lockCheck, car };
  }

  /**
   * Imports a tree, optionally writes its CAR, and records the publication with its pin. All of it
   * under one shared hold of the node, so a GC cannot run between writing the blocks and pinning them.
   */
  async publishTree(
    tree: SourceTree,
    options: { profile: CidProfile; projectId: string | null; carPath?: string | undefined; taskId?: string | undefined; origin: PinOrigin; lock?: VerifiableLock | undefined; personalData?: string[] },
    ctx: Ctx,
  ): Promise<{ publication: Publication; unchanged: boolean; lockCheck: CommandOutput<'publish.run'>['lock']; car: CommandOutput<'publish.run'>['car'] }> {
    const settings = await readIpfsSettings(ctx.db);
    const onFile = progressReporter(this.emitLive, options.taskId, 'Publishing', tree.files.length);
    const lock = options.lock;
    const personalData = options.personalData ?? [];
    const { cid, existed, lockCheck, car } = await this.node.use(async (node) => {
      const imported = await importTree(node, tree, options.profile, { hashFiles: lock !== undefined, onFile });
      const cid = imported.cid.toString();
      let lockCheck: CommandOutput<'publish.run'>['lock'] = { status: 'absent', problems: 0, personalData };
      if (lock !== undefined && imported.fileHashes !== null) {
        imported.fileHashes.delete(LOCK_FILE_NAME);
        const comparison = compareWithLock(lock, imported.fileHashes);
        lockCheck = { status: comparison.ok ? 'matches' : 'differs', problems: comparison.problems.length, personalData };
      }
      const car = options.carPath === undefined ? null : await exportCar(node, imported.cid, options.carPath);
      const at = ctx.clock.now().toISOString();
      const { existed } = await ctx.db.transaction().execute(async (trx) => {
        const result = await upsertPublication(trx, {
          cid,
          profile: options.profile,
          kind: tree.kind,
          sizeBytes: tree.sizeBytes,
          fileCount: tree.files.length,
          projectId: options.projectId,
          sourcePath: tree.root,
          hasLock: lock !== undefined,
          at,
        });
        await recordPin(trx, { cid, origin: options.origin, blocks: imported.blocks, at });
        return result;
      });
      return { cid, existed, lockCheck, car };
    });
    const publication = await findPublication(ctx.db, cid, settings.gatewayUrl);
    if (publication === undefined) throw new AppError('INTERNAL', `The publication of ${cid} was not recorded.`);
    ctx.emit({ type: 'publication.recorded', publication });
    return { publication, unchanged: existed, lockCheck, car };
  }

  async list(input: ParsedInput<'publish.list'>, ctx: Ctx): Promise<CommandOutput<'publish.list'>> {
    const settings = await readIpfsSettings(ctx.db);
    return listPublications(ctx.db, input, settings.gatewayUrl);
  }

  async link(input: ParsedInput<'publish.link'>, ctx: Ctx): Promise<CommandOutput<'publish.link'>> {
    const cid = parseCid(input.cid).toString();
    const { gatewayUrl } = await readIpfsSettings(ctx.db);
    const url = gatewayLink(gatewayUrl, cid);
    const qrcode = await import('qrcode');
    const qrSvg = await qrcode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { cid, gatewayUrl: url, ipfsUrl: `ipfs://${cid}/`, qrSvg };
  }

  /** Fetches a published output (locally, or from named peers) and checks it against its own lock file. */
  async verify(input: ParsedInput<'publish.verify'>, ctx: Ctx): Promise<CommandOutput<'publish.verify'>> {
    const cid = parseCid(input.cid);
    const idle = idleSignal(input.timeoutMs);
    const signal = idle.signal;
    const hashes = new Map<string, string>();
    let lockText: string | undefined;
    let kind: 'directory' | 'file';
    try {
      const { listen, maxConnections } = await readIpfsSettings(ctx.db);
      kind = await this.peers.withPeers(input.peers, { listen, maxConnections }, signal, () =>
        this.node.use(async (node) => {
          const fs = (await ipfsModules()).unixfs(node.helia);
          return walkUnixfs(node, cid, {
            onDirectory: async () => undefined,
            onFile: async (file) => {
              if (file.path === LOCK_FILE_NAME) {
                const chunks: Buffer[] = [];
                let size = 0;
                for await (const chunk of readUnixfsFile(fs, file.cid, signal)) {
                  size += chunk.byteLength;
                  if (size > MAX_LOCK_BYTES) throw new AppError('VALIDATION_FAILED', `The ${LOCK_FILE_NAME} of ${cid.toString()} is too large to be a lock file.`, { cid: cid.toString() });
                  chunks.push(Buffer.from(chunk));
                }
                lockText = Buffer.concat(chunks).toString('utf8');
                return;
              }
              const hash = createHash('sha256');
              for await (const chunk of readUnixfsFile(fs, file.cid, signal)) {
                hash.update(chunk);
                idle.touch();
              }
              hashes.set(file.path, hash.digest('hex'));
            },
          }, signal);
        }),
      );
    } catch (error) {
      throw fetchError(error, cid.toString(), input.peers, input.timeoutMs, signal);
    } finally {
      idle.dispose();
    }
    if (kind === 'file' || lockText === undefined) {
      throw new AppError('NOT_FOUND', `${cid.toString()} has no ${LOCK_FILE_NAME} at its root, so there is no provenance to check.`, { cid: cid.toString(), reason: 'no-lock' });
    }
    const lock = readLock(lockText, `${cid.toString()}/${LOCK_FILE_NAME}`);
    const comparison = compareWithLock(lock, hashes);
    ctx.audit({ action: 'publish.verify', subject: cid.toString(), details: { ok: comparison.ok, problems: comparison.problems.length, fromPeers: input.peers.length } });
    return { cid: cid.toString(), ok: comparison.ok, fileCount: hashes.size, rootHash: comparison.rootHash, lockRootHash: lock.rootHash, problems: comparison.problems };
  }
}
