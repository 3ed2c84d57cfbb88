import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { RemoteCopy } from '../api/index.ts';
import type { Disposable } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { GdprService, ResolvedErasureTarget } from '../gdpr/index.ts';
import { collectGarbage } from './ipfs-gc.ts';
import type { IpfsNode } from './ipfs/ipfs-node.ts';
import { removePin } from './pins-repository.ts';

/** The CIDs an erasure concerns: the target project's publications, or every pin for `--all`. */
async function targetCids(db: Kysely<Database>, target: ResolvedErasureTarget): Promise<{ published: string[]; pins: string[] }> {
  if (target.scope === 'all') {
    const published = (await db.selectFrom('publications').select('cid').execute()).map((r) => r.cid);
    const pins = (await db.selectFrom('ipfs_pins').select('cid').execute()).map((r) => r.cid);
    return { published, pins };
  }
  const published = (await db.selectFrom('publications').select('cid').where('project_id', '=', target.projectId).execute()).map((r) => r.cid);
  // Only pins kept for these publications: a CAR import or a published backup with the same CID is another reason to keep it.
  const pins =
    published.length === 0
      ? []
      : (await db.selectFrom('ipfs_pins').select('cid').where('cid', 'in', published).where('origin', '=', 'publication').execute()).map((r) => r.cid);
  return { published, pins };
}

/** Where the target's content went beyond this computer (Art. 17(2), 19): the public network, and remote pins. */
async function copiesElsewhere(db: Kysely<Database>, published: readonly string[], all: boolean): Promise<RemoteCopy[]> {
  const copies: RemoteCopy[] = published.map((cid) => ({
    where: 'the IPFS network',
    what: cid,
    action: 'Published: peers and gateways that fetched it may keep copies, which Dihya cannot recall. Ask the gateways you shared links to to forget it.',
  }));
  let remotePins = db
    .selectFrom('ipfs_remote_pins')
    .innerJoin('ipfs_remotes', 'ipfs_remotes.id', 'ipfs_remote_pins.remote_id')
    .select(['ipfs_remote_pins.cid', 'ipfs_remotes.name', 'ipfs_remotes.endpoint', 'ipfs_remote_pins.status']);
  if (!all) {
    if (published.length === 0) return copies;
    remotePins = remotePins.where('ipfs_remote_pins.cid', 'in', [...published]);
  }
  for (const pin of await remotePins.orderBy('ipfs_remotes.name').execute()) {
    copies.push({
      where: `${pin.name} (${pin.endpoint})`,
      what: pin.cid,
      action: pin.status === 'pinned' ? 'Still pinned there: unpin it with that service.' : `Asked to pin it there (${pin.status}): check with that service and unpin it.`,
    });
  }
  return copies;
}

/**
 * The IPFS side of erasure: the target's CIDs are unpinned here and the local blockstore is
 * garbage-collected, so no block of theirs stays on this computer (blocks another pin still needs
 * stay: that content belongs to something else too). Published CIDs and remote pins are outside
 * Dihya's reach: they are listed in the erasure report. The rows themselves (publications, pins,
 * remote pins) are deleted afterwards by the erasure, following the data catalog.
 */
export function connectPublishingToGdpr(deps: { node: IpfsNode; db: Kysely<Database> }, gdpr: GdprService): Disposable {
  const { node, db } = deps;
  return gdpr.registerErasureParticipant({
    name: 'ipfs',
    plan: async (target) => {
      const { published, pins } = await targetCids(db, target);
      return { localItems: pins.length, remoteCopies: await copiesElsewhere(db, published, target.scope === 'all') };
    },
    erase: async (target) => {
      const { published, pins } = await targetCids(db, target);
      const remoteCopies = await copiesElsewhere(db, published, target.scope === 'all');
      for (const cid of pins) await removePin(db, cid);
      // Never create a repository for a user who never published; otherwise collect even without
      // pins removed here: blocks unpinned earlier and never collected may hold the target's data.
      if (!existsSync(node.repoPath)) return { removed: 0, remoteCopies };
      const { removed } = await collectGarbage(node, db);
      return { removed, remoteCopies, notes: [`${pins.length} pin${pins.length === 1 ? '' : 's'} removed; ${removed} block${removed === 1 ? '' : 's'} deleted from this computer's IPFS store.`] };
    },
  });
}
