import { base32 } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';
import { AppError } from '../../common/index.ts';

/** Parses a CID typed or pasted by someone, naming what is wrong with it. */
export function parseCid(text: string): CID {
  const value = text.trim();
  let cid: CID;
  try {
    cid = CID.parse(value);
  } catch {
    throw new AppError('VALIDATION_FAILED', `"${value.slice(0, 100)}" is not a valid CID (expected something like bafy… or Qm…).`, { cid: value.slice(0, 100) });
  }
  return cid;
}

/** How the FS blockstore and our pin table name a block: by multihash, so CIDv0 and v1 of it agree. */
export function blockKey(cid: CID): string {
  return base32.encode(cid.multihash.bytes);
}
