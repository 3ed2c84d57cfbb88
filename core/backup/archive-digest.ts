/**
 * A whole-archive checksum that travels inside the zip itself, as the zip comment:
 * `dihya-backup digest=<hex>`. Member checksums alone would miss a flipped byte in zip metadata
 * that readers ignore (timestamps, attributes); this covers every byte, and a truncated file loses
 * the comment altogether. The archive stays a plain zip that `unzip` opens.
 *
 * <hex> is the sha256 of the archive as it would read if each file member's data were replaced by
 * that data's own 32-byte sha256: all zip metadata (local headers, descriptors, the central
 * directory, the end records, the comment up to the hex) byte for byte, in file order, and every
 * member's content through its hash. A writer then hashes each data byte once (that same hash goes
 * into the manifest) instead of twice, and so does a verifier; a flipped data byte still changes
 * the digest, through its member's hash. Directory members have no data and no hash.
 *
 * Archives written before this format end with `dihya-backup sha256=<hex>`: the sha256 of every
 * byte before the hex. Readers still check those (same length, so the zip layout is the same).
 */
export const DIGEST_PREFIX = 'dihya-backup digest=';
export const LEGACY_DIGEST_PREFIX = 'dihya-backup sha256=';
export const DIGEST_HEX = 64;
export const ZIP_COMMENT_LENGTH = DIGEST_PREFIX.length + DIGEST_HEX;

/** 'members': the digest above; 'flat': the older sha256 of every byte. */
export type DigestKind = 'members' | 'flat';

/** Which digest an archive's comment (its last ZIP_COMMENT_LENGTH bytes) holds, or undefined when it is no digest at all. */
export function parseDigestComment(text: string): { kind: DigestKind; hex: string } | undefined {
  const hex = text.slice(DIGEST_PREFIX.length);
  if (text.length !== ZIP_COMMENT_LENGTH || !/^[0-9a-f]{64}$/.test(hex)) return undefined;
  if (text.startsWith(DIGEST_PREFIX)) return { kind: 'members', hex };
  if (text.startsWith(LEGACY_DIGEST_PREFIX)) return { kind: 'flat', hex };
  return undefined;
}
