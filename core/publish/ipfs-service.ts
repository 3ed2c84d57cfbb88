import { resolve } from 'node:path';
import type { CommandOutput, ParsedInput } from '../api/index.ts';
import { AppError } from '../common/index.ts';
import type { HandlerContext } from '../host/handler-types.ts';
import { fetchError } from './fetch-errors.ts';
import { collectGarbage } from './ipfs-gc.ts';
import { readIpfsSettings, writeIpfsSettings } from './ipfs-settings.ts';
import { exportCar, importCar } from './ipfs/car-file.ts';
import { parseCid } from './ipfs/cid.ts';
import { idleSignal } from './ipfs/concurrency.ts';
import { exportToPath } from './ipfs/export-tree.ts';
import type { IpfsNode } from './ipfs/ipfs-node.ts';
import type { PeerAccess } from './peer-access.ts';
import { isPinned, listPins, recordPin, removePin } from './pins-repository.ts';
import { findPublication } from './publications-repository.ts';

type Ctx = Pick<HandlerContext, 'db' | 'clock' | 'audit' | 'emit'>;

/** The node itself: getting content out, pins, garbage collection, CAR files, online/offline. */
export class IpfsService {
  private readonly node: IpfsNode;
  private readonly peers: PeerAccess;
  constructor(deps: { node: IpfsNode; peers: PeerAccess }) {
    this.node = deps.node;
    this.peers = deps.peers;
  }

  async get(input: ParsedInput<'ipfs.get'>, ctx: Ctx): Promise<CommandOutput<'ipfs.get'>> {
    const cid = parseCid(input.cid);
    // The timeout is for silence, not for the whole transfer: a big get that keeps moving goes on.
    const idle = idleSignal(input.timeoutMs);
    const signal = idle.signal;
    const { listen, maxConnections } = await readIpfsSettings(ctx.db);
    let result;
    try {
      result = await this.peers.withPeers(input.peers, { listen, maxConnections }, signal, () =>
        this.node.use((node) => exportToPath(node, cid, input.outputPath, { overwrite: input.overwrite, signal, onProgress: idle.touch })),
      );
    } catch (error) {
      throw fetchError(error, cid.toString(), input.peers, input.timeoutMs, signal);
    } finally {
      idle.dispose();
    }
    ctx.audit({ action: 'ipfs.get', subject: cid.toString(), details: { kind: result.kind, fileCount: result.fileCount, sizeBytes: result.sizeBytes, fromPeers: input.peers.length } });
    return { cid: cid.toString(), outputPath: resolve(input.outputPath), ...result };
  }

  async pins(ctx: Ctx): Promise<CommandOutput<'ipfs.pins'>> {
    const { gatewayUrl } = await readIpfsSettings(ctx.db);
    const pins = await listPins(ctx.db);
    const items = [];
    for (const pin of pins) items.push({ ...pin, publication: (await findPublication(ctx.db, pin.cid, gatewayUrl)) ?? null });
    return { items };
  }

  async unpin(input: ParsedInput<'ipfs.unpin'>, ctx: Ctx): Promise<CommandOutput<'ipfs.unpin'>> {
    const cid = parseCid(input.cid).toString();
    if (!(await removePin(ctx.db, cid))) throw new AppError('NOT_FOUND', `${cid} is not pinned on this node.`, { cid });
    ctx.audit({ action: 'ipfs.unpin', subject: cid, details: {} });
    const { gatewayUrl } = await readIpfsSettings(ctx.db);
    const publication = await findPublication(ctx.db, cid, gatewayUrl);
    if (publication !== undefined) ctx.emit({ type: 'publication.recorded', publication });
    return { cid, unpinned: true };
  }

  /** Removes every block no pin keeps (see collectGarbage). */
  async gc(ctx: Ctx): Promise<CommandOutput<'ipfs.gc'>> {
    const { removed, kept } = await collectGarbage(this.node, ctx.db);
    ctx.audit({ action: 'ipfs.gc', subject: null, details: { removedBlocks: removed, keptBlocks: kept } });
    return { removedBlocks: removed, keptBlocks: kept };
  }

  async exportCar(input: ParsedInput<'ipfs.car.export'>, ctx: Ctx): Promise<CommandOutput<'ipfs.car.export'>> {
    const cid = parseCid(input.cid);
    let written;
    try {
      written = await this.node.use((node) => exportCar(node, cid, input.outputPath));
    } catch (error) {
      throw fetchError(error, cid.toString(), [], 0);
    }
    ctx.audit({ action: 'ipfs.car.export', subject: cid.toString(), details: { blocks: written.blocks, bytes: written.bytes } });
    return { path: written.path, roots: [cid.toString()], blocks: written.blocks, bytes: written.bytes };
  }

  /**
   * Checks and imports a CAR, restores its files when asked, and only then pins its roots: a bad
   * CAR or a failed restore records nothing (unpinned blocks go at the next GC).
   */
  async importCar(input: ParsedInput<'ipfs.car.import'>, ctx: Ctx): Promise<CommandOutput<'ipfs.car.import'>> {
    const signal = AbortSignal.timeout(600_000);
    const { roots, blockCount, restored } = await this.node.useExclusively(async (node) => {
      const imported = await importCar(node, input.path);
      let restored = null;
      if (input.outputPath !== undefined) {
        if (imported.roots.length !== 1) {
          throw new AppError('VALIDATION_FAILED', `That CAR has ${imported.roots.length} roots; import it without an output path, then get each root.`, { roots: imported.roots.map(String) });
        }
        const root = imported.roots[0] as (typeof imported.roots)[number];
        restored = { cid: root.toString(), outputPath: resolve(input.outputPath), ...(await exportToPath(node, root, input.outputPath, { overwrite: false, signal })) };
      }
      const at = ctx.clock.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        for (const [cid, blocks] of imported.blocksByRoot) {
          if (!(await isPinned(trx, cid))) await recordPin(trx, { cid, origin: 'car-import', blocks, at });
        }
      });
      return { roots: imported.roots.map(String), blockCount: imported.blockCount, restored };
    });
    ctx.audit({ action: 'ipfs.car.import', subject: roots[0] ?? null, details: { roots: roots.length, blocks: blockCount, restored: restored !== null } });
    return { roots, blocks: blockCount, restored };
  }

  status(): CommandOutput<'ipfs.status'> {
    return this.node.status();
  }

  async online(input: ParsedInput<'ipfs.online'>, ctx: Ctx): Promise<CommandOutput<'ipfs.online'>> {
    const settings = await readIpfsSettings(ctx.db);
    const status = await this.node.goOnline({ listen: input.listen ?? settings.listen, maxConnections: settings.maxConnections });
    this.peers.keepOnline();
    ctx.audit({ action: 'ipfs.online', subject: status.peerId, details: { listen: input.listen ?? settings.listen } });
    ctx.emit({ type: 'ipfs.status', status });
    return status;
  }

  async offline(ctx: Ctx): Promise<CommandOutput<'ipfs.offline'>> {
    const status = await this.node.goOffline();
    ctx.audit({ action: 'ipfs.offline', subject: null, details: {} });
    ctx.emit({ type: 'ipfs.status', status });
    return status;
  }

  async settings(ctx: Ctx): Promise<CommandOutput<'ipfs.settings.get'>> {
    return readIpfsSettings(ctx.db);
  }

  async changeSettings(input: ParsedInput<'ipfs.settings.set'>, ctx: Ctx): Promise<CommandOutput<'ipfs.settings.set'>> {
    const next = await writeIpfsSettings(ctx.db, input, ctx.clock.now().toISOString());
    ctx.audit({ action: 'ipfs.settings.set', subject: null, details: { changed: Object.keys(input).sort() } });
    return next;
  }
}
