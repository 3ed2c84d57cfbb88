import { randomBytes } from 'node:crypto';
import * as dagPb from '@ipld/dag-pb';
import { UnixFS } from 'ipfs-unixfs';
import { describe, expect, it } from 'vitest';
import { encodeFileLeaf } from './leaf-importer.ts';

describe('encodeFileLeaf', () => {
  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 65_536, 262_144])('writes the bytes ipfs-unixfs + @ipld/dag-pb write for a %i-byte leaf', (size) => {
    const chunk = randomBytes(size);
    const reference = dagPb.encode({ Data: new UnixFS({ type: 'file', data: chunk }).marshal(), Links: [] });
    expect(Buffer.from(encodeFileLeaf(chunk)).equals(Buffer.from(reference))).toBe(true);
  });
});
