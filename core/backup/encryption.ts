import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../common/index.ts';

/**
 * The encrypted envelope around a backup archive:
 *
 *   "DIHYAENC" 0x01 · u32 header length · header JSON · sha256(everything before) · chunks
 *
 * The header (public: id, date, kind, scrypt parameters, salt, key check) is guarded by its own
 * sha256, so a damaged header reads as damage and never as a wrong passphrase. Each chunk is
 * AES-256-GCM with a counter nonce whose last byte marks the final chunk, and the header digest as
 * associated data: changing, reordering, dropping or truncating chunks all fail authentication.
 * The key is scrypt(passphrase, salt) with a fresh salt per archive, so counter nonces never repeat.
 */
export const ENVELOPE_MAGIC = Buffer.from('DIHYAENC\x01', 'latin1');
export const TAG_BYTES = 16;
export const CHUNK_BYTES = 1 << 20;
const KEY_CHECK_LABEL = 'dihya-backup key check v1';
/** scrypt N = 2^17, r = 8 (128 MiB, about a second here): OWASP's recommendation for scrypt. */
export const DEFAULT_SCRYPT_COST = 1 << 17;

export interface EnvelopeHeader {
  v: 1;
  id: string;
  createdAt: string;
  kind: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  chunkBytes: number;
  keyCheck: string;
}

export interface ArchiveKey {
  encryption: Buffer;
  check: Buffer;
}

function scryptAsync(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + (1 << 20) }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function deriveKey(passphrase: string, kdf: EnvelopeHeader['kdf']): Promise<ArchiveKey> {
  const master = await scryptAsync(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  return { encryption: master.subarray(0, 32), check: master.subarray(32, 64) };
}

function keyCheckOf(key: ArchiveKey): Buffer {
  return createHmac('sha256', key.check).update(KEY_CHECK_LABEL).digest();
}

/** A new header and its key: one scrypt derivation per archive. */
export async function newEnvelope(passphrase: string, meta: { id: string; createdAt: string; kind: string }, scryptCost = DEFAULT_SCRYPT_COST): Promise<{ header: EnvelopeHeader; key: ArchiveKey }> {
  const kdf = { name: 'scrypt' as const, N: scryptCost, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
  const key = await deriveKey(passphrase, kdf);
  return { header: { v: 1, ...meta, kdf, cipher: 'aes-256-gcm', chunkBytes: CHUNK_BYTES, keyCheck: keyCheckOf(key).toString('base64') }, key };
}

export function encodeHeader(header: EnvelopeHeader): { bytes: Buffer; digest: Buffer } {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const body = Buffer.concat([ENVELOPE_MAGIC, length, json]);
  const digest = createHash('sha256').update(body).digest();
  return { bytes: Buffer.concat([body, digest]), digest };
}

function corrupt(file: string, why: string): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup ${file} is damaged or was altered (${why}); it cannot be trusted. Use another backup.`, { file, why });
}

export function isEnvelope(head: Buffer): boolean {
  return head.length >= ENVELOPE_MAGIC.length && head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC);
}

/** Reads and checks the header; `offset` is where the chunks start. */
export async function readEnvelopeHeader(file: string): Promise<{ header: EnvelopeHeader; digest: Buffer; offset: number }> {
  const handle = await open(file, 'r');
  try {
    const fixed = Buffer.alloc(ENVELOPE_MAGIC.length + 4);
    const { bytesRead } = await handle.read(fixed, 0, fixed.length, 0);
    if (bytesRead < fixed.length || !isEnvelope(fixed)) throw corrupt(file, 'not an encrypted Dihya backup header');
    const length = fixed.readUInt32BE(ENVELOPE_MAGIC.length);
    if (length > 64 * 1024) throw corrupt(file, 'header length out of range');
    const rest = Buffer.alloc(length + 32);
    const more = await handle.read(rest, 0, rest.length, fixed.length);
    if (more.bytesRead < rest.length) throw corrupt(file, 'header cut short');
    const json = rest.subarray(0, length);
    const digest = createHash('sha256').update(Buffer.concat([fixed, json])).digest();
    if (!timingSafeEqual(digest, rest.subarray(length))) throw corrupt(file, 'header checksum mismatch');
    const header = JSON.parse(json.toString('utf8')) as EnvelopeHeader;
    if (header.v !== 1 || header.cipher !== 'aes-256-gcm' || header.kdf?.name !== 'scrypt') {
      throw new AppError('BACKUP_UNSUPPORTED', `The backup ${file} uses an encryption format this Dihya does not know; open it with a newer Dihya.`, { file });
    }
    return { header, digest, offset: fixed.length + rest.length };
  } finally {
    await handle.close();
  }
}

/** Derives the key from the passphrase and checks it against the header: WRONG_PASSPHRASE, never "corrupt". */
export async function unlock(file: string, header: EnvelopeHeader, passphrase: string | undefined): Promise<ArchiveKey> {
  if (passphrase === undefined) throw new AppError('PASSPHRASE_REQUIRED', `The backup ${file} is encrypted: give its passphrase.`, { file });
  const key = await deriveKey(passphrase, header.kdf);
  const expected = Buffer.from(header.keyCheck, 'base64');
  const actual = keyCheckOf(key);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AppError('WRONG_PASSPHRASE', `That passphrase does not open the backup ${file}.`, { file });
  }
  return key;
}

function nonce(counter: number, final: boolean): Buffer {
  const out = Buffer.alloc(12);
  out.writeBigUInt64BE(BigInt(counter), 0);
  out.writeUInt32BE(final ? 1 : 0, 8);
  return out;
}

/** Buffers input and releases it in exact-size pieces; keeps at least one byte back until the end. */
class ChunkQueue {
  private parts: Buffer[] = [];
  length = 0;

  push(buffer: Buffer): void {
    this.parts.push(buffer);
    this.length += buffer.length;
  }

  take(size: number): Buffer {
    const all = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.length);
    const head = all.subarray(0, size);
    const rest = all.subarray(size);
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return head;
  }
}

/** Seals blocks of plaintext for an envelope: the caller cuts them (header.chunkBytes each, the last one shorter) and says which is last. */
export interface EnvelopeSealer {
  /** The envelope's header: the file's first bytes. */
  readonly header: Buffer;
  /** The sealed block (ciphertext, then its tag), in pieces to write in order. */
  seal(plain: Buffer, final: boolean): Buffer[];
}

export function envelopeSealer(header: EnvelopeHeader, key: ArchiveKey): EnvelopeSealer {
  const { bytes, digest } = encodeHeader(header);
  let counter = 0;
  return {
    header: bytes,
    seal(plain, final) {
      const cipher = createCipheriv('aes-256-gcm', key.encryption, nonce(counter, final));
      counter += 1;
      cipher.setAAD(digest);
      const body = cipher.update(plain);
      cipher.final();
      return [body, cipher.getAuthTag()];
    },
  };
}

/** The size of an envelope holding `plainBytes` of zip: header, then every block with its tag (an empty zip is one empty final block). */
export function envelopeSize(headerBytes: number, plainBytes: number, chunkBytes: number): number {
  return headerBytes + plainBytes + TAG_BYTES * Math.max(1, Math.ceil(plainBytes / chunkBytes));
}

/** Opens block number `index` (ciphertext then tag); any damage is BACKUP_CORRUPT. */
export function openBlock(file: string, key: ArchiveKey, digest: Buffer, index: number, final: boolean, box: Buffer): Buffer {
  if (box.length < TAG_BYTES) throw corrupt(file, 'cut short');
  const decipher = createDecipheriv('aes-256-gcm', key.encryption, nonce(index, final));
  decipher.setAAD(digest);
  decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(box.subarray(0, box.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw corrupt(file, final ? 'the last block does not authenticate (altered or cut short)' : `block ${index} does not authenticate`);
  }
}

/** The chunks (after the header) in, plaintext out; any damage fails with BACKUP_CORRUPT. */
export function decryptStream(file: string, header: EnvelopeHeader, digest: Buffer, key: ArchiveKey): Transform {
  const sealed = header.chunkBytes + TAG_BYTES;
  const queue = new ChunkQueue();
  let counter = 0;
  const open = (box: Buffer, final: boolean): Buffer => openBlock(file, key, digest, counter++, final, box);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      queue.push(chunk);
      try {
        while (queue.length > sealed) this.push(open(queue.take(sealed), false));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        this.push(open(queue.take(queue.length), true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
