import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A whole-archive checksum that travels inside the zip itself: the zip comment ends with the
 * sha256 (hex) of every byte before it. Member checksums alone would miss a flipped byte in zip
 * metadata that readers ignore (timestamps, attributes); this covers every byte of the file, and a
 * truncated file loses the comment altogether. The archive stays a plain zip that `unzip` opens.
 */
export const DIGEST_PREFIX = 'dihya-backup sha256=';
const DIGEST_HEX = 64;
export const DIGEST_PLACEHOLDER = '0'.repeat(DIGEST_HEX);
export const ZIP_COMMENT = `${DIGEST_PREFIX}${DIGEST_PLACEHOLDER}`;

/**
 * Passes the zip through, hashing all but its last 64 bytes, and writes the digest in place of the
 * placeholder those bytes hold. `digest()` answers once the stream has ended.
 */
export function digestTail(): Transform & { digest(): string } {
  const hash = createHash('sha256');
  let tail = Buffer.alloc(0);
  let result = '';
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const pass = (out: Buffer) => {
        if (out.length === 0) return;
        hash.update(out);
        this.push(out);
      };
      if (chunk.length >= DIGEST_HEX) {
        // No copy of large chunks: what was held back goes out, then all but this chunk's last 64 bytes.
        pass(tail);
        pass(chunk.subarray(0, chunk.length - DIGEST_HEX));
        tail = Buffer.from(chunk.subarray(chunk.length - DIGEST_HEX));
      } else {
        const all = Buffer.concat([tail, chunk]);
        const cut = Math.max(0, all.length - DIGEST_HEX);
        pass(all.subarray(0, cut));
        tail = Buffer.from(all.subarray(cut));
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (tail.toString('latin1') !== DIGEST_PLACEHOLDER) {
        callback(new Error('archive writer: the zip does not end with the digest placeholder'));
        return;
      }
      result = hash.digest('hex');
      this.push(Buffer.from(result, 'latin1'));
      callback();
    },
  });
  return Object.assign(stream, { digest: () => result });
}
