import type { CID } from 'multiformats/cid';
import type { CidProfile } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import { readFile, walkUnixfs } from '../ipfs/export-tree.ts';
import { ipfsModules } from '../ipfs/ipfs-modules.ts';
import type { IpfsNode } from '../ipfs/ipfs-node.ts';
import { remoteFailure } from './remote-error.ts';
import type { RemoteWithSecret } from './remotes-repository.ts';

/** `ipfs add` parameters that give the same CIDs as our import profiles (see import-tree.ts). */
function addParams(profile: CidProfile) {
  return profile === 'legacy'
    ? { cidVersion: 0 as const, rawLeaves: false, chunker: 'size-262144' }
    : { cidVersion: 1 as const, rawLeaves: true, chunker: 'size-1048576' };
}

/**
 * Copies a CID's files to a Kubo node through its RPC API (`POST /api/v0/add`, multipart), checks
 * that Kubo computed the same root CID, then pins it there (`/api/v0/pin/add`). A Kubo that
 * answers another CID is not trusted with the pin.
 */
export async function kuboAddAndPin(args: { remote: RemoteWithSecret; node: IpfsNode; cid: CID; profile: CidProfile; signal: AbortSignal }): Promise<void> {
  const { remote, node, cid, signal } = args;
  const what = `The Kubo node at ${remote.endpoint}`;
  const { create } = await import('kubo-rpc-client');
  const client = create({ url: remote.endpoint, headers: remote.token === null ? {} : { authorization: `Bearer ${remote.token}` } });
  const expected = cid.toString();

  const answered = await node.use(async (running) => {
    const fs = (await ipfsModules()).unixfs(running.helia);
    const directories: string[] = [];
    const files: { path: string; cid: CID }[] = [];
    const kind = await walkUnixfs(running, cid, { onDirectory: async (path) => void directories.push(path), onFile: async (file) => void files.push(file) }, signal);
    // The top folder is named after the CID; Kubo answers one entry per file and folder, that one last.
    const top = expected;
    const entries =
      kind === 'file'
        ? [{ path: top, content: readFile(fs, cid, signal) }]
        : [...directories.map((path) => ({ path: path === '' ? top : `${top}/${path}` })), ...files.map((file) => ({ path: `${top}/${file.path}`, content: readFile(fs, file.cid, signal) }))];
    let root: string | undefined;
    try {
      for await (const result of client.addAll(entries, { ...addParams(args.profile), pin: false, wrapWithDirectory: false, signal })) {
        if (result.path === top) root = result.cid.toString();
      }
    } catch (error) {
      throw remoteFailure(error, what, remote.token);
    }
    return root;
  });
  if (answered !== expected) {
    throw new AppError('INTEGRITY_FAILED', `${what} answered the CID ${answered ?? '(none)'} for content whose CID is ${expected}; it was not pinned there.`, { expected, answered: answered ?? null });
  }
  let pinned: CID;
  try {
    pinned = await client.pin.add(expected, { signal });
  } catch (error) {
    throw remoteFailure(error, what, remote.token);
  }
  if (pinned.toString() !== expected && pinned.toV1().toString() !== cid.toV1().toString()) {
    throw new AppError('INTEGRITY_FAILED', `${what} reported pinning ${pinned.toString()} instead of ${expected}.`, { expected, answered: pinned.toString() });
  }
}
