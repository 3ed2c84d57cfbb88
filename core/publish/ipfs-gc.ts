import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { blockKey } from './ipfs/cid.ts';
import type { IpfsNode } from './ipfs/ipfs-node.ts';
import { pinnedBlocks } from './pins-repository.ts';

/**
 * Removes every block of the local blockstore that no pin keeps, with the node to itself so no
 * import is half-way. Used by `ipfs.gc` and by erasure (which must leave no unpinned copy behind).
 */
export async function collectGarbage(node: IpfsNode, db: Kysely<Database>): Promise<{ removed: number; kept: number }> {
  return node.useExclusively(async (running) => {
    const live = await pinnedBlocks(db);
    const doomed = [];
    let kept = 0;
    for await (const { cid } of running.helia.blockstore.getAll()) {
      if (live.has(blockKey(cid))) kept += 1;
      else doomed.push(cid);
    }
    // Straight to the blockstore: Helia's wrappers delete one block per transaction, and what they
    // add (Helia's own pins, reproviding) is unused here; this node has itself to itself meanwhile.
    for await (const cid of running.blocks.deleteMany(doomed)) void cid;
    // Deleted small blocks are overwritten in the database, but the WAL still holds them until this.
    if (doomed.length > 0) running.blocks.compact();
    return { removed: doomed.length, kept };
  });
}
